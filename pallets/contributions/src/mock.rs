//! A test runtime: System and Contributions.

use crate as pallet_contributions;
use polkadot_sdk::{
	frame_support::{self, derive_impl, traits::ConstU32},
	frame_system, sp_io,
	sp_runtime::BuildStorage,
};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const HALF_LIFE: u64 = 1_000;
pub const TASK_REP: u128 = 1_000_000;
pub const REVIEW_REP: u128 = 100_000;

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
	pub type Contributions = pallet_contributions;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

polkadot_sdk::frame_support::parameter_types! {
	pub const DefaultHalfLife: u64 = HALF_LIFE;
	pub const TaskReputation: u128 = TASK_REP;
	pub const ReviewReputation: u128 = REVIEW_REP;
}

impl pallet_contributions::Config for Test {
	type Balance = u64;
	type DefaultHalfLife = DefaultHalfLife;
	type TaskReputation = TaskReputation;
	type ReviewReputation = ReviewReputation;
	type MaxCidLen = ConstU32<16>;
	type MaxRecent = ConstU32<3>;
	type MaxLeaderboard = ConstU32<3>;
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
