//! `commons-node`: the Commons node.
//!
//! A standard Cumulus/Substrate node from `polkadot-omni-node-lib`, with the Commons runtime's
//! chain specs built in. Everything else (networking, RPC, collation, `--dev` block production,
//! the database, every subcommand) is the library's: this binary only names itself and says
//! which chain specs it knows.
//!
//! - `commons-node --dev` runs a single-node development chain (preset `development`) that
//!   produces a block every 3 s (`--dev-block-time <ms>` to change it, `--instant-seal` to
//!   produce one per transaction), with RPC on `ws://127.0.0.1:9944`.
//! - `--chain dev | local` builds the spec from the runtime's genesis preset;
//!   `--chain <path.json>` runs any chain spec, e.g. one from `chain-specs/`.
//! - `commons-node benchmark pallet | overhead --runtime <wasm>` measures weights on a runtime
//!   Wasm (see `benchmark.rs` and `scripts/benchmark.sh`).

mod benchmark;
mod chain_spec;

use polkadot_omni_node_lib::{run, runtime::DefaultRuntimeResolver, CliConfig, RunConfig};
use polkadot_sdk::sc_cli;

/// How `commons-node` describes itself on the command line.
struct Commons;

impl CliConfig for Commons {
	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		format!("{}/issues/new", env!("CARGO_PKG_REPOSITORY"))
	}

	fn copyright_start_year() -> u16 {
		2026
	}
}

fn main() -> sc_cli::Result<()> {
	if let Some(result) = benchmark::run_if_requested() {
		return result;
	}
	let config = RunConfig::new(
		Box::new(DefaultRuntimeResolver),
		Box::new(chain_spec::CommonsChainSpecLoader),
	);
	run::<Commons>(config)
}
