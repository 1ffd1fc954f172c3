//! A test runtime: System, Balances, Assets and Contributions, with mock projects.

use crate as pallet_contributions;
use commons_primitives::{
	traits::ProjectsInterface, BudgetAsset, MilestoneId, ProjectId, ProjectStatus, ReputationScore,
};
use core::cell::RefCell;
use polkadot_sdk::{
	frame_support::{
		self, derive_impl,
		traits::{AsEnsureOriginWithArg, ConstU32},
	},
	frame_system::{self, EnsureRoot},
	pallet_assets, pallet_balances, sp_io,
	sp_runtime::{DispatchError, DispatchResult},
};

pub const HALF_LIFE: u64 = 1_000;
pub const TASK_REP: ReputationScore = 1_000_000;
pub const REVIEW_REP: ReputationScore = 100_000;
pub const PERIOD: u64 = 100;
/// Half a task's reputation makes a member.
pub const THRESHOLD: ReputationScore = TASK_REP / 2;
pub const WINDOW: u64 = 50;
/// The length of a standing epoch.
pub const EPOCH: u64 = 10;
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

/// What the projects pallet would fail with, as the mock reports it.
pub const PROJECT_NOT_FOUND: DispatchError = DispatchError::Other("ProjectNotFound");
pub const PROJECT_CLOSED: DispatchError = DispatchError::Other("ProjectClosed");
pub const NOT_STEWARD: DispatchError = DispatchError::Other("NotSteward");
pub const MILESTONE_NOT_FOUND: DispatchError = DispatchError::Other("MilestoneNotFound");

/// Project 0 exists, is active and has one steward; its milestones pay unless `UNFUNDED`.
/// Project `CLOSED` is completed.
pub struct MockProjects;
impl ProjectsInterface<AccountId> for MockProjects {
	type Balance = u64;
	type AssetId = u32;

	fn status(project: ProjectId) -> Result<ProjectStatus, DispatchError> {
		match project {
			0 => Ok(ProjectStatus::Active),
			CLOSED => Ok(ProjectStatus::Completed),
			_ => Err(PROJECT_NOT_FOUND),
		}
	}
	fn ensure_open(project: ProjectId) -> Result<ProjectStatus, DispatchError> {
		let status = Self::status(project)?;
		if status.is_final() {
			return Err(PROJECT_CLOSED);
		}
		Ok(status)
	}
	fn ensure_active(project: ProjectId) -> DispatchResult {
		match Self::status(project)? {
			ProjectStatus::Active => Ok(()),
			_ => Err(DispatchError::Other("ProjectNotActive")),
		}
	}
	fn ensure_steward(project: ProjectId, who: &AccountId) -> DispatchResult {
		Self::status(project)?;
		if Self::is_steward(project, who) {
			Ok(())
		} else {
			Err(NOT_STEWARD)
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
		1_000 + AccountId::from(project)
	}
	fn currency(_: ProjectId) -> Option<u32> {
		Some(0)
	}
	fn milestone_budget(
		project: ProjectId,
		milestone: MilestoneId,
	) -> Result<(BudgetAsset, u64), DispatchError> {
		Self::status(project)?;
		if milestone > UNFUNDED {
			return Err(MILESTONE_NOT_FOUND);
		}
		Ok((BudgetAsset::ProjectCurrency, 1_000))
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

/// Project treasuries (1,000 to 1,099) are keyless.
pub struct Keyless;
impl polkadot_sdk::frame_support::traits::Contains<AccountId> for Keyless {
	fn contains(who: &AccountId) -> bool {
		(1_000..1_100).contains(who)
	}
}

commons_primitives::test_runtime! {
	existential_deposit: 1;
	3 => Contributions: pallet_contributions,
}

polkadot_sdk::frame_support::parameter_types! {
	pub const DefaultHalfLife: u64 = HALF_LIFE;
	pub const TaskReputation: ReputationScore = TASK_REP;
	pub const ReviewReputation: ReputationScore = REVIEW_REP;
	pub const RecognitionPeriod: u64 = PERIOD;
	pub const MaxRecognitionBoost: ReputationScore = 10 * TASK_REP;
	pub const AttestedReputation: ReputationScore = TASK_REP;
	pub const MemberThreshold: ReputationScore = THRESHOLD;
	pub const EndorsementWindow: u64 = WINDOW;
	pub const AttestationDeposit: u64 = DEPOSIT;
	/// Standing epochs of ten blocks.
	pub const StandingEpoch: u64 = EPOCH;
}

impl pallet_contributions::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Projects = MockProjects;
	type GovernanceOrigin = AsEnsureOriginWithArg<EnsureRoot<AccountId>>;
	type RecognitionPeriod = RecognitionPeriod;
	type MaxRecognitionBoost = MaxRecognitionBoost;
	type DefaultHalfLife = DefaultHalfLife;
	type TaskReputation = TaskReputation;
	type ReviewReputation = ReviewReputation;
	type AttestedReputation = AttestedReputation;
	type MemberThreshold = MemberThreshold;
	type ReputationPerVote = MemberThreshold;
	type StandingEpoch = StandingEpoch;
	type MaxSettle = ConstU32<4>;
	type MaxTopContributors = ConstU32<3>;
	type KeylessAccounts = Keyless;
	type RequiredEndorsements = ConstU32<2>;
	type EndorsementWindow = EndorsementWindow;
	type AttestationDeposit = AttestationDeposit;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockProjects;
}

#[cfg(feature = "runtime-benchmarks")]
impl commons_primitives::traits::ProjectsBenchmarkHelper<AccountId, u64> for MockProjects {
	fn funded_milestone(founder: &AccountId, _: BudgetAsset, _: u64) -> (ProjectId, MilestoneId) {
		BENCH_STEWARD.with(|s| *s.borrow_mut() = Some(*founder));
		(0, 0)
	}

	fn add_steward(_: ProjectId, who: &AccountId) {
		BENCH_STEWARD.with(|s| *s.borrow_mut() = Some(*who));
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = endowed_ext((1..=20).map(|who| (who, ENDOWMENT)).collect());
	ext.execute_with(|| {
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
