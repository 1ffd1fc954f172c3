//! Genesis presets: the starting state of a Commons chain.
//!
//! - `development`: one collator (Alice), the well-known dev accounts funded, Alice as sudo (in a
//!   runtime built with the `sudo` feature). Used by `commons-node --dev`.
//! - `local_testnet`: two collators (Alice, Bob), the dev accounts funded, Alice as sudo (likewise).
//! - `production`: what every real Commons chain starts with, and nothing anyone's keys control:
//!   no sudo key (only referenda govern), no collator and no endowed account, the treasury funded.
//!   It is not launchable alone — a genesis needs collators — on purpose: the operator's
//!   collators, session keys, endowments and para id are added to it by
//!   `scripts/production-spec`, which refuses every well-known development key (docs/deploy.md).

use alloc::{vec, vec::Vec};

#[cfg(feature = "sudo")]
use crate::SudoConfig;
use crate::{
	constants::*, AccountId, AuraId, BalancesConfig, CollatorSelectionConfig, ParachainInfoConfig,
	PolkadotXcmConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
};
use polkadot_sdk::{staging_xcm as xcm, *};

use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::AccountIdConversion;

/// The para id of development and local-testnet chains.
pub const DEFAULT_PARA_ID: u32 = 2000;
/// The name of the production-like preset.
pub const PRODUCTION_PRESET: &str = "production";
/// The XCM version assumed for peers that have not told theirs.
const SAFE_XCM_VERSION: u32 = xcm::prelude::XCM_VERSION;
/// What each development account starts with: a million tokens.
const DEV_ENDOWMENT: crate::Balance = 1_000_000 * UNIT;
/// What the treasury starts with on a development chain.
const DEV_TREASURY_ENDOWMENT: crate::Balance = 1_000 * UNIT;
/// What the treasury starts with on a production chain.
const TREASURY_ENDOWMENT: crate::Balance = 10_000_000 * UNIT;

fn session_keys(aura: AuraId) -> SessionKeys {
	SessionKeys { aura }
}

/// The genesis patch of a chain with these collators, endowments, sudo key (kept only in a
/// runtime built with the `sudo` feature) and para id.
fn genesis(
	collators: Vec<(AccountId, AuraId)>,
	endowed: Vec<(AccountId, crate::Balance)>,
	root: Option<AccountId>,
	para_id: ParaId,
) -> serde_json::Value {
	#[cfg_attr(not(feature = "sudo"), allow(unused_mut))]
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		parachain_info: ParachainInfoConfig { parachain_id: para_id },
		collator_selection: CollatorSelectionConfig {
			invulnerables: collators.iter().map(|(account, _)| account.clone()).collect(),
			candidacy_bond: 100 * UNIT,
		},
		session: SessionConfig {
			keys: collators
				.into_iter()
				.map(|(account, aura)| (account.clone(), account, session_keys(aura)))
				.collect::<Vec<_>>(),
		},
		polkadot_xcm: PolkadotXcmConfig { safe_xcm_version: Some(SAFE_XCM_VERSION) },
	});
	#[cfg(feature = "sudo")]
	if let (Some(key), serde_json::Value::Object(fields)) = (root, &mut patch) {
		fields.insert("sudo".into(), build_struct_json_patch!(SudoConfig { key: Some(key) }));
	}
	#[cfg(not(feature = "sudo"))]
	let _ = root;
	patch
}

fn collator(key: Sr25519Keyring) -> (AccountId, AuraId) {
	(key.to_account_id(), key.public().into())
}

fn treasury() -> AccountId {
	crate::configs::TreasuryPalletId::get().into_account_truncating()
}

/// The dev accounts, and the treasury with enough to exist, so that fees accrue to it from the
/// first block.
fn dev_endowments() -> Vec<(AccountId, crate::Balance)> {
	Sr25519Keyring::well_known()
		.map(|k| (k.to_account_id(), DEV_ENDOWMENT))
		.chain(core::iter::once((treasury(), DEV_TREASURY_ENDOWMENT)))
		.collect()
}

fn development() -> serde_json::Value {
	genesis(
		vec![collator(Sr25519Keyring::Alice)],
		dev_endowments(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		DEFAULT_PARA_ID.into(),
	)
}

fn local_testnet() -> serde_json::Value {
	genesis(
		vec![collator(Sr25519Keyring::Alice), collator(Sr25519Keyring::Bob)],
		dev_endowments(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		DEFAULT_PARA_ID.into(),
	)
}

/// No collator, no endowed account, no sudo key: the operator's are added by
/// `scripts/production-spec`.
fn production() -> serde_json::Value {
	genesis(vec![], vec![(treasury(), TREASURY_ENDOWMENT)], None, DEFAULT_PARA_ID.into())
}

/// The JSON patch of the preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		PRODUCTION_PRESET => production(),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).unwrap_or_default().into_bytes())
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_PRESET),
	]
}
