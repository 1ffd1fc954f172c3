//! The traits through which the Commons pallets couple, wired in the runtime.
//!
//! | trait | implemented by | used by |
//! | --- | --- | --- |
//! | [`ProjectsInterface`] | projects | tasks, contributions, quadratic voting |
//! | [`OutstandingWork`] | tasks, quadratic voting | projects (reaping) |
//! | [`ReapRecords`] | contributions, quadratic voting | projects (reaping) |
//! | [`OnDonation`] | contributions | projects |
//! | [`TaskLedger`] | contributions | tasks |
//! | [`ProjectMembership`] | contributions | quadratic voting, tasks |

use crate::{BudgetAsset, Cid, MilestoneId, ProjectId, ProjectStatus, ReputationScore, TaskId};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::weights::Weight,
	sp_runtime::{DispatchError, DispatchResult, Perbill},
};
use scale_info::TypeInfo;

/// What the projects pallet offers the others: a project's status, stewards, treasury and
/// currency, and its milestone budgets to spend.
///
/// The `ensure_*` checks fail with the projects pallet's own errors (`ProjectNotFound`,
/// `ProjectClosed`, `ProjectNotActive`, `NotSteward`, `MilestoneNotFound`), so a wallet names the
/// same error whichever pallet's call made the check.
pub trait ProjectsInterface<AccountId> {
	/// The native balance type, also used for project currencies.
	type Balance;
	/// The asset id type of project currencies.
	type AssetId;

	/// The project's status; fails with `ProjectNotFound`.
	fn status(project: ProjectId) -> Result<ProjectStatus, DispatchError>;
	/// The project's status if it is not completed or cancelled; fails with `ProjectNotFound` or
	/// `ProjectClosed`.
	fn ensure_open(project: ProjectId) -> Result<ProjectStatus, DispatchError>;
	/// Succeeds if the project is active; fails with `ProjectNotFound` or `ProjectNotActive`.
	fn ensure_active(project: ProjectId) -> DispatchResult;
	/// Whether `who` is a steward of `project` (false if the project does not exist).
	fn is_steward(project: ProjectId, who: &AccountId) -> bool;
	/// Succeeds if `who` is a steward of `project`; fails with `ProjectNotFound` or
	/// `NotSteward`.
	fn ensure_steward(project: ProjectId, who: &AccountId) -> DispatchResult;
	/// The project's stewards (founder first); empty if it does not exist.
	fn stewards(project: ProjectId) -> Vec<AccountId>;
	/// The project's keyless account (its treasury).
	fn project_account(project: ProjectId) -> AccountId;
	/// The project's currency, if it has one.
	fn currency(project: ProjectId) -> Option<Self::AssetId>;
	/// What a milestone's budget is paid in, and the budget the project's governance gave it;
	/// fails with `MilestoneNotFound`.
	fn milestone_budget(
		project: ProjectId,
		milestone: MilestoneId,
	) -> Result<(BudgetAsset, Self::Balance), DispatchError>;
	/// What a task's reward in `milestone` is a share of when its reputation is counted, and the
	/// milestone's budget asset: the larger of the milestone's budget and the largest budget the
	/// project ever funded in that asset. So reputation follows the value of work in the
	/// project's own units, however many milestones it was cut into. Fails with
	/// `MilestoneNotFound`.
	fn earning_budget(
		project: ProjectId,
		milestone: MilestoneId,
	) -> Result<(BudgetAsset, Self::Balance), DispatchError> {
		Self::milestone_budget(project, milestone)
	}

	/// Pays `amount` of a funded milestone's budget from the project treasury to `to` (a task
	/// escrow, a recognised contributor), and books it as spent. Fails unless the project is
	/// active, the milestone funded, and the budget and treasury hold enough.
	fn spend(
		project: ProjectId,
		milestone: MilestoneId,
		to: &AccountId,
		amount: Self::Balance,
	) -> Result<BudgetAsset, DispatchError>;
	/// Returns `amount` previously spent against a milestone from `from` to the project treasury,
	/// and books it back (project currency returned to a cancelled or achieved milestone, which
	/// can no longer spend it, is burned).
	fn refund(
		project: ProjectId,
		milestone: MilestoneId,
		from: &AccountId,
		amount: Self::Balance,
	) -> DispatchResult;
}

/// Reports work of other pallets that is still open in a project (escrowed tasks, running polls),
/// which must be wound down before the project can be reaped.
pub trait OutstandingWork {
	/// How many items are still open in `project`.
	fn outstanding(project: ProjectId) -> u32;
}

impl OutstandingWork for () {
	fn outstanding(_: ProjectId) -> u32 {
		0
	}
}

/// Open work of two pallets (tasks and polls, say).
impl<A: OutstandingWork, B: OutstandingWork> OutstandingWork for (A, B) {
	fn outstanding(project: ProjectId) -> u32 {
		A::outstanding(project).saturating_add(B::outstanding(project))
	}
}

/// Removes what a pallet keeps about a project once its work is done (ledger records, a
/// constitution), a page at a time: the projects pallet calls it from `reap_project` until
/// nothing is left, so a reaped project leaves no storage behind.
pub trait ReapRecords {
	/// Removes at most `limit` of `project`'s records; returns how many it removed. Fewer than
	/// `limit` means none is left.
	fn reap_records(project: ProjectId, limit: u32) -> u32;
	/// The most weight `reap_records` uses to remove `removed` records.
	fn reap_records_weight(removed: u32) -> Weight;
}

impl ReapRecords for () {
	fn reap_records(_: ProjectId, _: u32) -> u32 {
		0
	}
	fn reap_records_weight(_: u32) -> Weight {
		Weight::zero()
	}
}

/// The records of two pallets: the first's, then the second's.
impl<A: ReapRecords, B: ReapRecords> ReapRecords for (A, B) {
	fn reap_records(project: ProjectId, limit: u32) -> u32 {
		let first = A::reap_records(project, limit);
		if first >= limit {
			return first;
		}
		first.saturating_add(B::reap_records(project, limit.saturating_sub(first)))
	}
	fn reap_records_weight(removed: u32) -> Weight {
		A::reap_records_weight(removed).saturating_add(B::reap_records_weight(removed))
	}
}

/// Learns of donations to projects (the contributions ledger records them). `()` ignores them.
///
/// Its work is part of `donate`'s weight as the runtime's benchmarks measure it.
pub trait OnDonation<AccountId, Balance> {
	/// `from` gave `amount` of the native token to `project`'s treasury.
	fn donated(project: ProjectId, from: &AccountId, amount: Balance);
}

impl<AccountId, Balance> OnDonation<AccountId, Balance> for () {
	fn donated(_: ProjectId, _: &AccountId, _: Balance) {}
}

/// What the contributions ledger learns from the tasks pallet. `()` records nothing.
///
/// Task reputation is earned only at payout, and in proportion to `share`: the part of its
/// milestone's budget (money the project's governance voted for) that the reward is. So the
/// reputation a milestone's tasks can mint is bounded, however many tasks it is split into.
///
/// The ledger's work is part of `review`'s weight as the runtime's benchmarks measure it (they
/// run with the runtime's ledger wired in).
pub trait TaskLedger<AccountId, Balance> {
	/// A worker's accepted work was paid: `reward` of `asset`, `share` of its milestone's budget,
	/// for `task` in `project`.
	fn task_paid(
		project: ProjectId,
		task: TaskId,
		worker: &AccountId,
		asset: BudgetAsset,
		reward: Balance,
		share: Perbill,
		evidence: &Cid,
	);

	/// A reviewer approved the submission of `task` in `project` that was paid (only reviews
	/// that agree with the task's outcome earn, once per task); `share` is the task's.
	fn task_reviewed(
		project: ProjectId,
		task: TaskId,
		reviewer: &AccountId,
		share: Perbill,
		comment: &Cid,
	);
}

impl<AccountId, Balance> TaskLedger<AccountId, Balance> for () {
	fn task_paid(
		_: ProjectId,
		_: TaskId,
		_: &AccountId,
		_: BudgetAsset,
		_: Balance,
		_: Perbill,
		_: &Cid,
	) {
	}
	fn task_reviewed(_: ProjectId, _: TaskId, _: &AccountId, _: Perbill, _: &Cid) {}
}

/// A member's unbroken membership by earned reputation: from `since` until `until`
/// (exclusive).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Standing<BlockNumber> {
	/// The first block of the membership.
	pub since: BlockNumber,
	/// The first block at which it has ended (unless the member earns again before).
	pub until: BlockNumber,
}

impl<BlockNumber: PartialOrd> Standing<BlockNumber> {
	/// Whether the membership held at block `at`.
	pub fn held_at(&self, at: &BlockNumber) -> bool {
		self.since <= *at && *at < self.until
	}
}

/// Who the members of a project are, as quadratic voting and tasks see them: its stewards, and
/// accounts whose earned reputation is at least the membership threshold.
pub trait ProjectMembership<AccountId> {
	/// The block number type.
	type BlockNumber;

	/// `who`'s reputation in `project` now.
	fn reputation(project: ProjectId, who: &AccountId) -> ReputationScore;

	/// Whether `who` is a member of `project`: a steward, or an account whose earned reputation
	/// is at least the membership threshold. One small storage read, whatever the project's size.
	fn is_member(project: ProjectId, who: &AccountId) -> bool;

	/// How many votes `who`'s reputation in `project` is worth now: reputation counted in votes
	/// (a fixed amount of reputation per vote), so that the voice work earns is proportional to
	/// its value, whichever accounts did it. Zero without reputation.
	fn voice(project: ProjectId, who: &AccountId) -> u32;

	/// `who`'s latest membership of `project` by earned reputation (possibly ended), if any.
	fn standing(project: ProjectId, who: &AccountId) -> Option<Standing<Self::BlockNumber>>;

	/// The weight of one [`Self::standing`] (or [`Self::voice`]) read.
	fn standing_weight() -> Weight;

	/// How many accounts are members of `project` by earned reputation now (stewards not
	/// counted), and how many standing epochs were settled to count them exactly (at most
	/// [`Self::max_settle`]). Fails (with the ledger's named error) if the count cannot be made
	/// exact within that bound, until someone settles the project's standings.
	fn members_count(project: ProjectId) -> Result<(u32, u32), DispatchError>;

	/// The most standing epochs [`Self::members_count`] settles in one call.
	fn max_settle() -> u32;

	/// The weight [`Self::members_count`] adds to its caller's when it settled `epochs` (its
	/// caller's benchmark measures it with nothing to settle).
	fn settle_weight(epochs: u32) -> Weight;
}

/// Sets up projects for the benchmarks of the pallets built on the projects pallet (tasks,
/// contributions), which cannot create projects through [`ProjectsInterface`].
#[cfg(feature = "runtime-benchmarks")]
pub trait ProjectsBenchmarkHelper<AccountId, Balance> {
	/// Creates a project founded by `founder` (funded to pay for it), with a currency whose
	/// minimum balance is 1 and whose cap is the largest balance, and a funded milestone of
	/// `budget` in `asset` (a native budget is donated by the founder first).
	fn funded_milestone(
		founder: &AccountId,
		asset: BudgetAsset,
		budget: Balance,
	) -> (ProjectId, MilestoneId);

	/// Makes `who` a steward of `project` (a member, who may review its tasks).
	fn add_steward(project: ProjectId, who: &AccountId);
}

/// Makes the projects and members that the quadratic-voting benchmarks need.
#[cfg(feature = "runtime-benchmarks")]
pub trait MembersBenchmarkHelper<AccountId> {
	/// An open project in which `members` are members by reputation from now on.
	fn project_with_members(members: &[AccountId]) -> ProjectId;

	/// Makes opening a poll in `project` as costly as it gets: the most stewards (recorded with
	/// the poll), and a member count with as many epochs to settle as one call settles.
	fn worst_case_count(project: ProjectId);
}
