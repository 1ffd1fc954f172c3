//! Tests of the runtime's composition: presets, constants and fees.

use crate::{
	configs::{TreasuryAccount, WeightToFee},
	constants::*,
	genesis_config_presets::{get_preset, preset_names, DEFAULT_PARA_ID, PRODUCTION_PRESET},
	weights::ExtrinsicBaseWeight,
	AccountId, Runtime, RuntimeGenesisConfig,
};
use polkadot_sdk::*;

use frame_support::{genesis_builder_helper::build_state, weights::WeightToFee as _};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

/// Applies a JSON patch the way a node applies a preset to the default genesis config.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// An operator's collator: a key of its own, not a well-known one.
fn operator_collator() -> (AccountId, crate::AuraId) {
	use sp_core::Pair;
	let pair = sp_core::sr25519::Pair::from_seed(&[7; 32]);
	(pair.public().into(), pair.public().into())
}

/// What `scripts/production-spec` makes of the production preset: the operator's collator, its
/// session key and endowment added (the endowment after the preset's own).
fn operator_patch() -> serde_json::Value {
	let (account, aura) = operator_collator();
	let preset = get_preset(&PresetId::from(PRODUCTION_PRESET)).expect("the preset exists");
	let preset: serde_json::Value = serde_json::from_slice(&preset).expect("a preset is JSON");
	let mut balances = preset["balances"]["balances"].as_array().cloned().unwrap_or_default();
	balances.push(serde_json::json!([account, 1_000 * UNIT]));
	serde_json::json!({
		"balances": { "balances": balances },
		"collatorSelection": { "invulnerables": [account] },
		"session": { "keys": [[account, account, { "aura": aura }]] },
	})
}

/// Builds the genesis state of `preset` (with `extra` applied after it, as an operator's patch)
/// the way a node does, and runs `check` on it.
fn with_patched_preset(preset: &str, extra: Option<serde_json::Value>, check: impl FnOnce()) {
	let patch = get_preset(&PresetId::from(preset)).expect("the preset exists");
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("a preset is JSON");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("the default serializes");
	merge(&mut config, patch);
	if let Some(extra) = extra {
		merge(&mut config, extra);
	}
	let config = serde_json::to_vec(&config).expect("JSON serializes");
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(config).expect("the preset builds a genesis state");
		check();
	});
}

/// Builds the genesis state of `preset` the way a node does, and runs `check` on it.
fn with_preset(preset: &str, check: impl FnOnce()) {
	with_patched_preset(preset, None, check)
}

fn free_balance(who: &AccountId) -> crate::Balance {
	pallet_balances::Pallet::<Runtime>::free_balance(who)
}

/// Every account id and public key of the well-known development keyrings (Alice to Ferdie,
/// their stashes, One and Two, in sr25519 and ed25519), as they appear in a genesis patch: SS58
/// and hex.
fn dev_key_spellings() -> Vec<String> {
	use sp_core::crypto::Ss58Codec;
	let sr = sp_keyring::Sr25519Keyring::iter().map(|k| k.public().0);
	let ed = sp_keyring::Ed25519Keyring::iter().map(|k| k.public().0);
	sr.chain(ed)
		.flat_map(|raw| {
			let account = AccountId::from(raw);
			[account.to_ss58check(), format!("0x{}", hex(&raw)), hex(&raw)]
		})
		.collect()
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn every_listed_preset_builds_and_unknown_ones_do_not_exist() {
	let names = preset_names();
	assert_eq!(names.len(), 3);
	for name in &names {
		let name = core::str::from_utf8(name.as_ref()).expect("preset names are UTF-8");
		// The production preset has no collator of its own: it builds with the operator's.
		let extra = (name == PRODUCTION_PRESET).then(operator_patch);
		with_patched_preset(name, extra, || {
			assert_eq!(crate::ParachainInfo::parachain_id(), DEFAULT_PARA_ID.into());
			assert!(!pallet_aura::Authorities::<Runtime>::get().is_empty());
		});
	}
	assert!(get_preset(&PresetId::from("mainnet")).is_none());
}

#[test]
fn no_preset_but_the_development_ones_holds_a_dev_key_or_a_sudo_key() {
	let spellings = dev_key_spellings();
	// The keyrings are what the check looks for: Alice's account must be among them.
	assert!(spellings.contains(&"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY".to_string()));
	let mut checked = 0;
	for name in preset_names() {
		let name = core::str::from_utf8(name.as_ref()).expect("preset names are UTF-8");
		if [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET].contains(&name) {
			continue;
		}
		let patch = get_preset(&PresetId::from(name)).expect("a listed preset exists");
		let text = String::from_utf8(patch).expect("a preset is UTF-8 JSON");
		for spelling in &spellings {
			assert!(
				!text.contains(spelling.as_str()),
				"preset {name} holds the dev key {spelling}"
			);
		}
		let patch: serde_json::Value = serde_json::from_str(&text).expect("a preset is JSON");
		assert!(patch.get("sudo").is_none(), "preset {name} configures sudo");
		checked += 1;
	}
	assert_eq!(checked, 1, "the production preset is checked");
}

#[test]
fn development_preset_funds_dev_accounts_and_makes_alice_collator() {
	with_preset(DEV_RUNTIME_PRESET, || {
		let alice = Sr25519Keyring::Alice.to_account_id();
		#[cfg(feature = "sudo")]
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice.clone()));
		assert_eq!(
			pallet_collator_selection::Invulnerables::<Runtime>::get().to_vec(),
			vec![alice.clone()]
		);
		for key in Sr25519Keyring::well_known() {
			assert_eq!(free_balance(&key.to_account_id()), 1_000_000 * UNIT);
		}
	});
}

#[test]
fn local_testnet_preset_has_two_collators() {
	with_preset(LOCAL_TESTNET_RUNTIME_PRESET, || {
		assert_eq!(pallet_collator_selection::Invulnerables::<Runtime>::get().len(), 2);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 2);
	});
}

#[test]
fn production_preset_funds_the_treasury_and_only_the_operators_accounts() {
	with_patched_preset(PRODUCTION_PRESET, Some(operator_patch()), || {
		let (operator, _) = operator_collator();
		assert_eq!(free_balance(&TreasuryAccount::get()), 10_000_000 * UNIT);
		assert_eq!(free_balance(&operator), 1_000 * UNIT);
		assert_eq!(pallet_collator_selection::Invulnerables::<Runtime>::get().to_vec(), [operator]);
		for key in Sr25519Keyring::iter() {
			assert_eq!(free_balance(&key.to_account_id()), 0);
		}
		#[cfg(feature = "sudo")]
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
}

#[test]
fn sudo_is_compiled_in_only_for_development_chains() {
	use frame_support::traits::PalletsInfoAccess;
	let names: Vec<&str> = crate::AllPalletsWithSystem::infos().iter().map(|p| p.name).collect();
	assert!(names.contains(&"Democracy"));
	// The node's runtime (`development`: fast-runtime and sudo) has it; the runtime built for
	// deployment (scripts/test.sh runs these tests in that build too) has not.
	assert_eq!(names.contains(&"Sudo"), cfg!(feature = "sudo"));
}

#[test]
fn base_extrinsic_costs_a_tenth_of_a_milli_unit() {
	let fee = WeightToFee::weight_to_fee(&ExtrinsicBaseWeight::get());
	// The polynomial's integer part truncates: allow the rounding of one part in a million.
	let expected = MILLI_UNIT / 10;
	assert!(fee.abs_diff(expected) <= expected / 1_000_000, "fee {fee} != {expected}");
}

#[test]
fn deposits_grow_with_items_and_bytes() {
	assert_eq!(deposit(0, 0), 0);
	assert_eq!(deposit(1, 0), 20 * MILLI_UNIT);
	assert_eq!(deposit(0, 1), 100 * MICRO_UNIT);
	assert_eq!(deposit(2, 10), 40 * MILLI_UNIT + 1_000 * MICRO_UNIT);
	// Exact at the largest arguments: with a u128 balance, u32 counts of items and bytes are far
	// from overflowing (u32::MAX items cost about 8.6e19, u128 holds 3.4e38), so the deposit is
	// never clipped and a larger item always costs more.
	let most = crate::Balance::from(u32::MAX);
	assert_eq!(deposit(u32::MAX, 0), most * 20 * MILLI_UNIT);
	assert_eq!(deposit(u32::MAX, u32::MAX), most * (20 * MILLI_UNIT + 100 * MICRO_UNIT));
	assert!(deposit(u32::MAX, u32::MAX) > deposit(u32::MAX, u32::MAX - 1));
}

#[test]
fn governance_periods_match_the_build() {
	use crate::configs::{EnactmentPeriod, LaunchPeriod, VotingPeriod};
	if cfg!(feature = "fast-runtime") {
		// A referendum passes within a minute of one-second blocks.
		assert!(LaunchPeriod::get() + VotingPeriod::get() + EnactmentPeriod::get() <= 20);
	} else {
		assert_eq!(LaunchPeriod::get(), 7 * DAYS);
		assert_eq!(VotingPeriod::get(), 7 * DAYS);
		assert_eq!(EnactmentPeriod::get(), DAYS);
	}
}

#[test]
fn runtime_integrity() {
	// Every pallet's `integrity_test`: constants within bounds, weights within the block.
	use frame_support::traits::IntegrityTest;
	sp_io::TestExternalities::default().execute_with(crate::AllPalletsWithSystem::integrity_test);
}

#[test]
fn project_currency_metadata_fits_the_asset_pallet() {
	use frame_support::traits::Get;
	type Assets = <Runtime as pallet_assets::Config>::StringLimit;
	type Symbol = <Runtime as pallet_projects::Config>::MaxSymbolLen;
	type Name = <Runtime as pallet_projects::Config>::MaxCurrencyNameLen;
	let limit = <Assets as Get<u32>>::get();
	assert!(<Symbol as Get<u32>>::get() <= limit);
	assert!(<Name as Get<u32>>::get() <= limit);
}

#[test]
fn project_deposits_follow_the_chain_storage_price() {
	// A project at the longest name, and a milestone at the longest title: what a creator pays
	// is one storage item plus its bytes at the chain's price, as for any other deposit.
	let project = pallet_projects::Pallet::<Runtime>::project_deposit(64);
	let milestone = pallet_projects::Pallet::<Runtime>::milestone_deposit(96);
	assert!(project > deposit(1, 64) && project < deposit(1, 4096), "project deposit {project}");
	assert!(milestone > deposit(1, 96) && milestone < deposit(1, 1024), "milestone {milestone}");
}
