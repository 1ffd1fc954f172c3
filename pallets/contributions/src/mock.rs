//! A test runtime: System and Contributions.

use crate as pallet_contributions;
use core::cell::RefCell;
use pallet_projects::{BudgetAsset, MilestoneId, ProjectId, ProjectStatus, ProjectsInterface};
use polkadot_sdk::{
	frame_support::{
		self, derive_impl,
		traits::{AsEnsureOriginWithArg, ConstU32},
	},
	frame_system::{self, EnsureRoot},
	sp_io,
	sp_runtime::{BuildStorage, DispatchError, DispatchResult},
};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const HALF_LIFE: u64 = 1_000;
pub const TASK_REP: u128 = 1_000_000;
pub const REVIEW_REP: u128 = 100_000;
pub const PERIOD: u64 = 100;
/// The steward of project 0 (the only project that exists).
pub const STEWARD: AccountId = 1;
/// Spending from milestone 9 fails, as if it were not funded.
pub const UNFUNDED: MilestoneId = 9;

thread_local! {
	/// A steward the benchmarks make.
	static BENCH_STEWARD: RefCell<Option<AccountId>> = const { RefCell::new(None) };
	static SPENT: RefCell<Vec<(ProjectId, MilestoneId, AccountId, u64)>> = const { RefCell::new(Vec::new()) };
}

/// What was spent from milestone budgets so far.
pub fn spent() -> Vec<(ProjectId, MilestoneId, AccountId, u64)> {
	SPENT.with(|s| s.borrow().clone())
}

/// Project 0 exists, is active and has one steward; its milestones pay unless `UNFUNDED`.
pub struct MockProjects;
impl ProjectsInterface<AccountId> for MockProjects {
	type Balance = u64;
	type AssetId = u32;

	fn status(project: ProjectId) -> Option<ProjectStatus> {
		(project == 0).then_some(ProjectStatus::Active)
	}
	fn is_steward(project: ProjectId, who: &AccountId) -> bool {
		project == 0 && (*who == STEWARD || BENCH_STEWARD.with(|s| *s.borrow() == Some(*who)))
	}
	fn stewards(project: ProjectId) -> Vec<AccountId> {
		if project == 0 {
			vec![STEWARD]
		} else {
			vec![]
		}
	}
	fn project_account(project: ProjectId) -> AccountId {
		1_000 + u64::from(project)
	}
	fn currency(_: ProjectId) -> Option<u32> {
		Some(0)
	}
	fn milestone_asset(_: ProjectId, _: MilestoneId) -> Option<BudgetAsset> {
		Some(BudgetAsset::ProjectCurrency)
	}
	fn spend(
		project: ProjectId,
		milestone: MilestoneId,
		to: &AccountId,
		amount: u64,
	) -> Result<BudgetAsset, DispatchError> {
		if milestone == UNFUNDED {
			return Err(DispatchError::Other("milestone not funded"));
		}
		SPENT.with(|s| s.borrow_mut().push((project, milestone, *to, amount)));
		Ok(BudgetAsset::ProjectCurrency)
	}
	fn refund(_: ProjectId, _: MilestoneId, _: &AccountId, _: u64) -> DispatchResult {
		Ok(())
	}
}

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
	pub const RecognitionPeriod: u64 = PERIOD;
	pub const MaxRecognitionBoost: u128 = 10 * TASK_REP;
}

impl pallet_contributions::Config for Test {
	type Balance = u64;
	type Projects = MockProjects;
	type GovernanceOrigin = AsEnsureOriginWithArg<EnsureRoot<AccountId>>;
	type RecognitionPeriod = RecognitionPeriod;
	type MaxRecognitionBoost = MaxRecognitionBoost;
	type DefaultHalfLife = DefaultHalfLife;
	type TaskReputation = TaskReputation;
	type ReviewReputation = ReviewReputation;
	type MaxCidLen = ConstU32<16>;
	type MaxRecent = ConstU32<3>;
	type MaxLeaderboard = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockProjects;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_projects::BenchmarkHelper<AccountId, u64> for MockProjects {
	fn funded_milestone(founder: &AccountId, _: BudgetAsset, _: u64) -> (ProjectId, MilestoneId) {
		BENCH_STEWARD.with(|s| *s.borrow_mut() = Some(*founder));
		(0, 0)
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		SPENT.with(|s| s.borrow_mut().clear());
	});
	ext
}
