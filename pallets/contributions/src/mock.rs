//! A test runtime: System, Balances and Contributions, with mock projects.

use crate as pallet_contributions;
use core::cell::RefCell;
use pallet_projects::{BudgetAsset, MilestoneId, ProjectId, ProjectStatus, ProjectsInterface};
use polkadot_sdk::{
	frame_support::{
		self, derive_impl,
		traits::{AsEnsureOriginWithArg, ConstU32},
	},
	frame_system::{self, EnsureRoot},
	pallet_balances, sp_io,
	sp_runtime::{BuildStorage, DispatchError, DispatchResult},
};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const HALF_LIFE: u64 = 1_000;
pub const TASK_REP: u128 = 1_000_000;
pub const REVIEW_REP: u128 = 100_000;
pub const PERIOD: u64 = 100;
/// Half a task's reputation makes a member.
pub const THRESHOLD: u128 = TASK_REP / 2;
pub const WINDOW: u64 = 50;
pub const DEPOSIT: u64 = 10;
/// What every test account starts with.
pub const ENDOWMENT: u64 = 1_000;
/// The steward of project 0 (the only project that exists).
pub const STEWARD: AccountId = 1;
/// A completed project.
pub const CLOSED: ProjectId = 1;
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
/// Project `CLOSED` is completed.
pub struct MockProjects;
impl ProjectsInterface<AccountId> for MockProjects {
	type Balance = u64;
	type AssetId = u32;

	fn status(project: ProjectId) -> Option<ProjectStatus> {
		match project {
			0 => Some(ProjectStatus::Active),
			CLOSED => Some(ProjectStatus::Completed),
			_ => None,
		}
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
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Contributions = pallet_contributions;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

polkadot_sdk::frame_support::parameter_types! {
	pub const DefaultHalfLife: u64 = HALF_LIFE;
	pub const TaskReputation: u128 = TASK_REP;
	pub const ReviewReputation: u128 = REVIEW_REP;
	pub const RecognitionPeriod: u64 = PERIOD;
	pub const MaxRecognitionBoost: u128 = 10 * TASK_REP;
	pub const AttestedReputation: u128 = TASK_REP;
	pub const MemberThreshold: u128 = THRESHOLD;
	pub const EndorsementWindow: u64 = WINDOW;
	pub const ClaimDeposit: u64 = DEPOSIT;
	/// Tests of displacement lower it.
	pub static MaxMembers: u32 = 16;
}

impl pallet_contributions::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Balance = u64;
	type Projects = MockProjects;
	type GovernanceOrigin = AsEnsureOriginWithArg<EnsureRoot<AccountId>>;
	type RecognitionPeriod = RecognitionPeriod;
	type MaxRecognitionBoost = MaxRecognitionBoost;
	type DefaultHalfLife = DefaultHalfLife;
	type TaskReputation = TaskReputation;
	type ReviewReputation = ReviewReputation;
	type AttestedReputation = AttestedReputation;
	type MemberThreshold = MemberThreshold;
	type MaxMembers = MaxMembers;
	type RequiredEndorsements = ConstU32<2>;
	type EndorsementWindow = EndorsementWindow;
	type ClaimDeposit = ClaimDeposit;
	type MaxCidLen = ConstU32<16>;
	type MaxRecent = ConstU32<3>;
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
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=20).map(|who| (who, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		SPENT.with(|s| s.borrow_mut().clear());
		BENCH_STEWARD.with(|s| *s.borrow_mut() = None);
	});
	ext
}

/// Runs a test and checks the pallet's invariants after it.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		Contributions::do_try_state().expect("invariants hold");
	});
}
