//! `commons-node benchmark pallet | overhead`: weights measured on a runtime Wasm.
//!
//! Both subcommands only execute the runtime Wasm they are given (`--runtime <path>`, built with
//! the runtime's `runtime-benchmarks` feature for `pallet`), with genesis from one of its presets.
//! They need no database, network or benchmarking build of the node, so the node the tests use
//! serves `scripts/benchmark.sh` as it is — the way `frame-omni-bencher` benchmarks any runtime.
//! `overhead` is not offered by `polkadot-omni-node-lib` at all; `pallet` is offered there only
//! when the whole node is built with `runtime-benchmarks`.
//!
//! Every other `benchmark` subcommand (`block`, `machine`, `storage`) goes to the library.

use polkadot_sdk::{
	sc_cli::{self, clap},
	sp_runtime::{generic, traits::BlakeTwo256, OpaqueExtrinsic},
};
use std::ffi::OsString;

use clap::Parser;
use frame_benchmarking_cli::{OverheadCmd, PalletCmd};

/// The block type the benchmarks build: the runtime's header and opaque extrinsics.
type Block = generic::Block<generic::Header<u32, BlakeTwo256>, OpaqueExtrinsic>;

/// Host functions a parachain runtime calls beyond Substrate's (and benchmarking's): the
/// storage-proof size that `cumulus-pallet-weight-reclaim` reads. `overhead` provides them itself.
type ParachainHostFunctions =
	cumulus_primitives_proof_size_hostfunction::storage_proof_size::HostFunctions;

/// The `benchmark` subcommands this binary runs itself.
#[derive(Debug, Parser)]
#[command(name = "commons-node benchmark")]
enum Benchmark {
	/// Benchmark the extrinsics of pallets in a runtime built with `runtime-benchmarks` and write
	/// their weights.
	Pallet(PalletCmd),
	/// Benchmark the runtime's base block and extrinsic execution (`BlockExecutionWeight`,
	/// `ExtrinsicBaseWeight`) and write them.
	Overhead(OverheadCmd),
}

/// Runs `benchmark pallet` or `benchmark overhead` when the command line asks for one of them;
/// `None` for any other command line, which the node library handles.
pub fn run_if_requested() -> Option<sc_cli::Result<()>> {
	let args: Vec<OsString> = std::env::args_os().collect();
	let subcommand = args.get(2).and_then(|s| s.to_str());
	if args.get(1).and_then(|s| s.to_str()) != Some("benchmark")
		|| !matches!(subcommand, Some("pallet" | "overhead"))
	{
		return None;
	}
	// Parse `<subcommand> ...`, named `commons-node benchmark` in the help and errors.
	let name = OsString::from("commons-node benchmark");
	let command = Benchmark::parse_from(std::iter::once(name).chain(args.into_iter().skip(2)));
	if let Err(error) = sc_cli::LoggerBuilder::new("").init() {
		return Some(Err(format!("cannot set up logging: {error}").into()));
	}
	Some(match command {
		Benchmark::Pallet(cmd) => cmd.run_with_spec::<BlakeTwo256, ParachainHostFunctions>(None),
		Benchmark::Overhead(cmd) => cmd.run_with_default_builder_and_spec::<Block, ()>(None),
	})
}
