//! A test runtime: System, Balances, Assets and Projects.

#![allow(clippy::arithmetic_side_effects)]

use crate::{self as pallet_projects, types::ProjectId, OutstandingWork};
use core::cell::RefCell;
use polkadot_sdk::{
	frame_support::{
		self, derive_impl, parameter_types,
		traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, ConstU8, EitherOf},
		PalletId,
	},
	frame_system::{self, EnsureNever, EnsureRoot},
	pallet_assets, pallet_balances, sp_io,
	sp_runtime::{traits::ConvertInto, BuildStorage},
};

// Wide enough that the keyless accounts derived from a pallet id and a project id stay distinct
// (a u64 keeps only "modl" and the pallet id, so every project would share one treasury).
pub type AccountId = u128;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Has no funds at all.
pub const POOR: AccountId = 99;
/// Receives what is left in a reaped project's treasury.
pub const TREASURY: AccountId = 1000;
/// Every funded account starts with this much.
pub const INITIAL: Balance = 1_000_000;
pub const ED: Balance = 10;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(3)]
	pub type Projects = pallet_projects;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = polkadot_sdk::sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ConstU64<ED>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Currency = Balances;
	// As in the runtime: only the projects pallet (through `fungibles::Create`) and Root create.
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
}

thread_local! {
	static OUTSTANDING: RefCell<u32> = const { RefCell::new(0) };
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

/// The donations reported to `OnDonation`: (project, donor, amount).
pub fn reported_donations() -> Vec<(ProjectId, AccountId, Balance)> {
	DONATIONS.with(|d| d.borrow().clone())
}

pub struct MockDonations;
impl crate::OnDonation<AccountId, Balance> for MockDonations {
	fn donated(project: ProjectId, from: &AccountId, amount: Balance) {
		DONATIONS.with(|d| d.borrow_mut().push((project, *from, amount)));
	}
}

parameter_types! {
	pub const ProjectsPalletId: PalletId = PalletId(*b"cm/prjct");
	pub const Treasury: AccountId = TREASURY;
}

impl pallet_projects::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Assets = Assets;
	type ProjectAssetId = ConvertInto;
	type GovernanceOrigin =
		EitherOf<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, pallet_projects::EnsureProject>;
	type OutstandingWork = MockOutstanding;
	type OnDonation = MockDonations;
	type ReapBeneficiary = Treasury;
	type PalletId = ProjectsPalletId;
	type ProjectDepositBase = ConstU64<100>;
	type MilestoneDepositBase = ConstU64<50>;
	type DepositPerByte = ConstU64<1>;
	type CurrencyDeposit = ConstU64<200>;
	type MaxNameLen = ConstU32<32>;
	type MaxCidLen = ConstU32<64>;
	type MaxStewards = ConstU32<4>;
	type MaxMilestones = ConstU32<8>;
	type MaxSymbolLen = ConstU32<8>;
	type MaxCurrencyNameLen = ConstU32<32>;
	type MaxDecimals = ConstU8<18>;
	type WeightInfo = ();
}

/// Builds test externalities with funded accounts, and checks the invariants after each test.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build() -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=10).map(|who| (who, INITIAL)).chain([(TREASURY, ED)]).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			set_outstanding(0);
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
