//! A test runtime: System, Balances, Assets and Projects.

#![allow(clippy::arithmetic_side_effects)]

use crate::{self as pallet_projects, ProjectId};
use commons_primitives::traits::{OnDonation, OutstandingWork, ReapRecords};
use core::cell::RefCell;
use polkadot_sdk::{
	frame_support::{
		self, derive_impl, parameter_types,
		traits::{AsEnsureOriginWithArg, EitherOf},
	},
	frame_system::{self, EnsureRoot},
	pallet_assets, pallet_balances, sp_io,
	sp_runtime::traits::ConvertInto,
	sp_runtime::Weight,
};

commons_primitives::test_runtime! {
	existential_deposit: 10;
	3 => Projects: pallet_projects,
}

thread_local! {
	static OUTSTANDING: RefCell<u32> = const { RefCell::new(0) };
	static RECORDS: RefCell<u32> = const { RefCell::new(0) };
	static DONATIONS: RefCell<Vec<(ProjectId, AccountId, Balance)>> = const { RefCell::new(Vec::new()) };
}

/// Pretends other pallets have `n` open items in every project.
pub fn set_outstanding(n: u32) {
	OUTSTANDING.with(|o| *o.borrow_mut() = n);
}

pub struct MockOutstanding;
impl OutstandingWork for MockOutstanding {
	fn outstanding(_: ProjectId) -> u32 {
		OUTSTANDING.with(|o| *o.borrow())
	}
}

/// Pretends other pallets keep `n` records of the project to be reaped.
pub fn set_records(n: u32) {
	RECORDS.with(|r| *r.borrow_mut() = n);
}

/// How many records other pallets still keep (see [`set_records`]).
pub fn records_left() -> u32 {
	RECORDS.with(|r| *r.borrow())
}

pub struct MockRecords;
impl ReapRecords for MockRecords {
	fn reap_records(_: ProjectId, limit: u32) -> u32 {
		RECORDS.with(|r| {
			let removed = (*r.borrow()).min(limit);
			*r.borrow_mut() -= removed;
			removed
		})
	}
	fn reap_records_weight(removed: u32) -> Weight {
		Weight::from_parts(1_000 * removed as u64, 0)
	}
}

/// The donations reported to `OnDonation`: (project, donor, amount).
pub fn reported_donations() -> Vec<(ProjectId, AccountId, Balance)> {
	DONATIONS.with(|d| d.borrow().clone())
}

pub struct MockDonations;
impl OnDonation<AccountId, Balance> for MockDonations {
	fn donated(project: ProjectId, from: &AccountId, amount: Balance) {
		DONATIONS.with(|d| d.borrow_mut().push((project, *from, amount)));
	}
}

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
}

#[derive_impl(pallet_projects::config_preludes::TestDefaultConfig)]
impl pallet_projects::Config for Test {
	type NativeBalance = Balances;
	type Assets = Assets;
	type ProjectAssetId = ConvertInto;
	type GovernanceOrigin =
		EitherOf<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, pallet_projects::EnsureProject>;
	type OutstandingWork = MockOutstanding;
	type ProjectRecords = MockRecords;
	type OnDonation = MockDonations;
	type ReapBeneficiary = Treasury;
	type CurrencyMetadata = KeepMetadata;
}

/// Frees the metadata deposit as the runtime does: clears the metadata with the owner's origin,
/// then sets it again by force (without a deposit).
pub struct KeepMetadata;
impl crate::ReleaseMetadataDeposit<AccountId, u32> for KeepMetadata {
	fn release(asset: u32, owner: &AccountId) -> polkadot_sdk::sp_runtime::DispatchResult {
		use frame_support::traits::fungibles::metadata::Inspect;
		let (name, symbol) = (Assets::name(asset), Assets::symbol(asset));
		let decimals = Assets::decimals(asset);
		Assets::clear_metadata(RuntimeOrigin::signed(*owner), asset)?;
		Assets::force_set_metadata(RuntimeOrigin::root(), asset, name, symbol, decimals, false)
	}
}

/// Builds test externalities with funded accounts, and checks the invariants after each test.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build() -> sp_io::TestExternalities {
		let mut ext =
			endowed_ext((1..=10).map(|who| (who, INITIAL)).chain([(TREASURY, ED)]).collect());
		ext.execute_with(|| {
			set_outstanding(0);
			set_records(0);
		});
		ext
	}

	/// Runs `test`, then checks every invariant of the pallet.
	pub fn build_and_execute(test: impl FnOnce()) {
		Self::build().execute_with(|| {
			test();
			Projects::do_try_state().expect("invariants hold after the test");
		});
	}
}

/// The pallet's events so far, oldest first.
pub fn project_events() -> Vec<pallet_projects::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Projects(e) => Some(e),
			_ => None,
		})
		.collect()
}
