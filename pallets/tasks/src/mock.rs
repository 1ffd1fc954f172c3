//! A test runtime: System, Balances, Assets, Projects and Tasks, with a ledger that records what
//! it is told.

#![allow(clippy::arithmetic_side_effects)]

use crate::{self as pallet_tasks};
use commons_primitives::{
	traits::{ProjectMembership, Standing, TaskLedger},
	BudgetAsset, Cid, MilestoneId, ProjectId, ReputationScore, TaskId,
};
use core::cell::RefCell;
use pallet_projects::CurrencyParams;
use polkadot_sdk::{
	frame_support::{
		self, assert_ok, derive_impl, parameter_types,
		traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, EitherOf},
		BoundedVec, PalletId,
	},
	frame_system::{self, EnsureRoot},
	pallet_assets, pallet_balances, sp_io,
	sp_runtime::{traits::ConvertInto, DispatchError, Perbill},
};

// Wide enough that the keyless accounts derived from a pallet id and an id stay distinct.

pub const BOND: Balance = 100;
pub const GRACE: u64 = 10;
/// How far after its claim a steward may move a claimed task's due block.
pub const MAX_EXTENSION: u64 = 200;
pub const MAX_REVISIONS: u32 = 2;

commons_primitives::test_runtime! {
	existential_deposit: 10;
	3 => Projects: pallet_projects,
	4 => Tasks: pallet_tasks,
}

parameter_types! {
	pub const TasksPalletId: PalletId = PalletId(*b"cm/tasks");
	pub const Treasury: AccountId = TREASURY;
	pub const UnclaimForfeit: Perbill = Perbill::from_percent(20);
}

type Governance =
	EitherOf<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, pallet_projects::EnsureProject>;

#[derive_impl(pallet_projects::config_preludes::TestDefaultConfig)]
impl pallet_projects::Config for Test {
	type NativeBalance = Balances;
	type Assets = Assets;
	type ProjectAssetId = ConvertInto;
	type GovernanceOrigin = Governance;
	type OutstandingWork = Tasks;
	type ReapBeneficiary = Treasury;
	type CurrencyMetadata = ();
}

/// What the ledger was told, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LedgerEntry {
	Paid { project: ProjectId, task: TaskId, worker: AccountId, reward: Balance, share: Perbill },
	Reviewed { project: ProjectId, task: TaskId, reviewer: AccountId, share: Perbill },
}

thread_local! {
	static LEDGER: RefCell<Vec<LedgerEntry>> = const { RefCell::new(Vec::new()) };
	/// Accounts that are not members of any project (every other account is one).
	static OUTSIDERS: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
}

/// Makes `who` a non-member of every project.
pub fn make_outsider(who: AccountId) {
	OUTSIDERS.with(|o| o.borrow_mut().push(who));
}

/// Every account is a member, but the outsiders the tests name.
pub struct MockMembership;
impl ProjectMembership<AccountId> for MockMembership {
	type BlockNumber = u64;

	fn reputation(project: ProjectId, who: &AccountId) -> ReputationScore {
		ReputationScore::from(Self::is_member(project, who))
	}
	fn is_member(_: ProjectId, who: &AccountId) -> bool {
		!OUTSIDERS.with(|o| o.borrow().contains(who))
	}
	fn voice(project: ProjectId, who: &AccountId) -> u32 {
		u32::from(Self::is_member(project, who))
	}
	fn standing(_: ProjectId, _: &AccountId) -> Option<Standing<u64>> {
		None
	}
	fn standing_weight() -> polkadot_sdk::sp_runtime::Weight {
		polkadot_sdk::sp_runtime::Weight::zero()
	}
	fn members_count(_: ProjectId) -> Result<(u32, u32), DispatchError> {
		Ok((0, 0))
	}
	fn max_settle() -> u32 {
		0
	}
	fn settle_weight(_: u32) -> polkadot_sdk::sp_runtime::Weight {
		polkadot_sdk::sp_runtime::Weight::zero()
	}
}

pub fn ledger() -> Vec<LedgerEntry> {
	LEDGER.with(|l| l.borrow().clone())
}

pub struct MockLedger;
impl TaskLedger<AccountId, Balance> for MockLedger {
	fn task_paid(
		project: ProjectId,
		task: TaskId,
		worker: &AccountId,
		_: BudgetAsset,
		reward: Balance,
		share: Perbill,
		_: &Cid,
	) {
		LEDGER.with(|l| {
			l.borrow_mut().push(LedgerEntry::Paid { project, task, worker: *worker, reward, share })
		});
	}

	fn task_reviewed(
		project: ProjectId,
		task: TaskId,
		reviewer: &AccountId,
		share: Perbill,
		_: &Cid,
	) {
		LEDGER.with(|l| {
			l.borrow_mut().push(LedgerEntry::Reviewed { project, task, reviewer: *reviewer, share })
		});
	}
}

impl pallet_tasks::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Assets = Assets;
	type Projects = Projects;
	type GovernanceOrigin = Governance;
	type Ledger = MockLedger;
	type Membership = MockMembership;
	type PalletId = TasksPalletId;
	type TaskDepositBase = ConstU64<40>;
	type DepositPerByte = ConstU64<1>;
	type ClaimBond = ConstU64<BOND>;
	type UnclaimForfeit = UnclaimForfeit;
	type Grace = ConstU64<GRACE>;
	type MaxDueExtension = ConstU64<MAX_EXTENSION>;
	type MaxRevisions = ConstU32<MAX_REVISIONS>;
	type MaxReviewers = ConstU32<5>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Projects;
}

pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build() -> sp_io::TestExternalities {
		let mut ext =
			endowed_ext((1..=10).map(|who| (who, INITIAL)).chain([(TREASURY, ED)]).collect());
		ext.execute_with(|| {
			LEDGER.with(|l| l.borrow_mut().clear());
			OUTSIDERS.with(|o| o.borrow_mut().clear());
		});
		ext
	}

	/// Runs `test`, then checks the invariants of both pallets, and that every escrow holds
	/// exactly its task's reward (nobody else pays into escrows in these tests).
	pub fn build_and_execute(test: impl FnOnce()) {
		Self::build().execute_with(|| {
			test();
			check_invariants();
		});
	}
}

/// The invariants of both pallets, plus exact escrows.
pub fn check_invariants() {
	Tasks::do_try_state().expect("task invariants hold");
	Projects::do_try_state().expect("project invariants hold");
	for (id, task) in crate::Tasks::<Test>::iter() {
		assert_eq!(escrow_balance(id, task.project, task.asset), task.reward, "escrow of {id}");
	}
}

pub fn escrow_balance(task: TaskId, project: ProjectId, asset: BudgetAsset) -> Balance {
	let escrow = Tasks::escrow_account(task);
	match asset {
		BudgetAsset::Native => Balances::free_balance(escrow),
		BudgetAsset::ProjectCurrency => Assets::balance(project, escrow),
	}
}

pub fn cid(s: &str) -> Cid {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

pub fn reviewers(who: &[AccountId]) -> BoundedVec<AccountId, ConstU32<5>> {
	BoundedVec::try_from(who.to_vec()).unwrap()
}

/// Alice creates a project with a currency (cap 1_000_000) and a milestone of `budget` in it,
/// funded by Root; returns (project, milestone).
pub fn funded_project(budget: Balance) -> (ProjectId, MilestoneId) {
	let project = pallet_projects::NextProjectId::<Test>::get();
	assert_ok!(Projects::create_project(
		RuntimeOrigin::signed(ALICE),
		BoundedVec::try_from(b"Commons".to_vec()).unwrap(),
		cid("plan"),
		Some(CurrencyParams {
			symbol: BoundedVec::try_from(b"CMN".to_vec()).unwrap(),
			name: BoundedVec::try_from(b"Commons".to_vec()).unwrap(),
			decimals: 2,
			cap: 1_000_000,
			min_balance: 5,
		}),
	));
	let milestone = add_funded_milestone(project, BudgetAsset::ProjectCurrency, budget);
	(project, milestone)
}

/// Adds a milestone to `project` and funds it (a native budget is donated first).
pub fn add_funded_milestone(
	project: ProjectId,
	asset: BudgetAsset,
	budget: Balance,
) -> MilestoneId {
	let milestone = pallet_projects::Projects::<Test>::get(project).unwrap().milestone_count;
	assert_ok!(Projects::add_milestone(
		RuntimeOrigin::signed(ALICE),
		project,
		cid("milestone"),
		asset,
		budget,
		1_000,
	));
	if asset == BudgetAsset::Native {
		assert_ok!(Projects::donate(RuntimeOrigin::signed(DAVE), project, budget));
	}
	assert_ok!(Projects::fund_milestone(RuntimeOrigin::root(), project, milestone));
	milestone
}

/// Alice posts a task of `reward` under the milestone, due at block 100, reviewed by Charlie and
/// Dave (both must approve) — returns its id.
pub fn post(project: ProjectId, milestone: MilestoneId, reward: Balance) -> TaskId {
	let id = crate::NextTaskId::<Test>::get();
	assert_ok!(Tasks::post_task(
		RuntimeOrigin::signed(ALICE),
		project,
		milestone,
		cid("spec"),
		reward,
		100,
		reviewers(&[CHARLIE, DAVE]),
		2,
	));
	id
}

/// The pallet's events so far, oldest first.
pub fn task_events() -> Vec<pallet_tasks::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Tasks(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> pallet_tasks::Event<Test> {
	task_events().pop().expect("an event")
}
