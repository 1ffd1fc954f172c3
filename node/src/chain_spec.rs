//! The chain specs `commons-node` knows by name, built from the runtime's genesis presets.
//!
//! The node embeds the runtime built with `fast-runtime` (short governance periods), so it only
//! offers the development and local-testnet specs by name. A production spec is generated from a
//! runtime built without that feature (`scripts/generate-chain-specs.sh`) and run with
//! `--chain <path>`.

use commons_runtime::{
	constants::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL},
	genesis_config_presets::DEFAULT_PARA_ID,
};
use polkadot_omni_node_lib::chain_spec::{ChainSpec, Extensions, GenericChainSpec, LoadSpec};
use polkadot_sdk::{
	sc_chain_spec::{ChainType, Properties},
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
};

/// The relay chain a development chain is declared to belong to. Under `--dev` the relay chain is
/// mocked, but subcommands such as `purge-chain` load the declared relay chain's spec by name:
/// Paseo's (the parachain testnet) is embedded in every node, while `rococo-local` would need a
/// node built with polkadot's `rococo-native` feature.
const DEV_RELAY_CHAIN: &str = "paseo";

/// The relay chain a local testnet belongs to: the `rococo-local` relay chain of a zombienet
/// (whose spec is passed after `--`).
const LOCAL_RELAY_CHAIN: &str = "rococo-local";

/// Loads `dev` and `local` from the runtime's presets, anything else from a JSON file.
pub struct CommonsChainSpecLoader;

impl LoadSpec for CommonsChainSpecLoader {
	fn load_spec(&self, id: &str) -> Result<Box<dyn ChainSpec>, String> {
		Ok(Box::new(match id {
			"" | "dev" | "development" => from_preset(
				"Commons Development",
				"commons_dev",
				ChainType::Development,
				DEV_RUNTIME_PRESET,
				DEV_RELAY_CHAIN,
			)?,
			"local" | "local_testnet" => from_preset(
				"Commons Local Testnet",
				"commons_local",
				ChainType::Local,
				LOCAL_TESTNET_RUNTIME_PRESET,
				LOCAL_RELAY_CHAIN,
			)?,
			path => GenericChainSpec::from_json_file(path.into())?,
		}))
	}
}

/// The token's symbol and decimals and the address format, for wallets and Polkadot.js Apps.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
	relay_chain: &str,
) -> Result<GenericChainSpec, String> {
	let wasm = commons_runtime::WASM_BINARY
		.ok_or("the Commons runtime Wasm was not built (was SKIP_WASM_BUILD set?)")?;
	Ok(GenericChainSpec::builder(wasm, Extensions::new(relay_chain.into(), DEFAULT_PARA_ID))
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}
