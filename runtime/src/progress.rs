//! A project's progress and gaps in one call: what leaders look at.
//!
//! Every number comes from a counter the pallets keep up to date on every change (milestone and
//! task counters, supply minted and burned, sorted due blocks, contributor counts, standings):
//! reading a project's progress is a bounded number of storage reads, never a scan of its tasks
//! or contributors. Each pallet's `try_state` checks its counters against a full scan of its
//! storage.

use crate::{AccountId, Balance, Contributions, Projects, Runtime, Tasks};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use commons_primitives::{ProjectId, ProjectStatus, ReputationScore};
use scale_info::TypeInfo;

/// How many top contributors [`ProjectProgress`] lists.
pub const TOP_CONTRIBUTORS: u32 = 10;

/// A project's milestones by status.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, Default, TypeInfo)]
pub struct MilestoneProgress {
	/// Planned, not yet funded.
	pub planned: u32,
	/// Funded: their budget is in the treasury (minted, for a currency budget).
	pub funded: u32,
	/// Achieved.
	pub achieved: u32,
	/// Cancelled.
	pub cancelled: u32,
	/// Planned or funded milestones past their due block.
	pub overdue: u32,
}

/// A project's tasks by status.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, Default, TypeInfo)]
pub struct TaskProgress {
	/// Posted and unclaimed: the gaps, where help is wanted.
	pub open: u32,
	/// Claimed, being worked on.
	pub claimed: u32,
	/// Submitted, in review.
	pub submitted: u32,
	/// Paid out, ever.
	pub paid: u32,
	/// Cancelled, ever.
	pub cancelled: u32,
	/// Claims released after running past due and grace, ever.
	pub expired: u32,
	/// Live tasks past their due block.
	pub overdue: u32,
}

/// Where a project's money is.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, Default, TypeInfo)]
pub struct BudgetProgress<Balance> {
	/// Project currency minted by funding milestones, ever.
	pub minted: Balance,
	/// Project currency burned (cancelled milestones, reaping), ever.
	pub burned: Balance,
	/// Project currency spent from milestone budgets (into task escrow, recognitions).
	pub spent_currency: Balance,
	/// Native tokens spent from milestone budgets.
	pub spent_native: Balance,
	/// Project currency in task escrow now.
	pub escrowed_currency: Balance,
	/// Native tokens in task escrow now.
	pub escrowed_native: Balance,
	/// Project currency paid to workers, ever.
	pub paid_currency: Balance,
	/// Native tokens paid to workers, ever.
	pub paid_native: Balance,
}

/// A project's progress and gaps.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct ProjectProgress<AccountId, Balance> {
	/// Where the project is in its lifecycle.
	pub status: ProjectStatus,
	/// The plan's version: 1 at creation, one more per amendment.
	pub plan_version: u32,
	/// Milestones by status, and overdue.
	pub milestones: MilestoneProgress,
	/// Tasks by status, and overdue.
	pub tasks: TaskProgress,
	/// Budget minted, spent, escrowed, paid, burned.
	pub budget: BudgetProgress<Balance>,
	/// How many accounts ever contributed.
	pub contributors: u32,
	/// How many members the project has now (stewards and members by reputation).
	pub members: u32,
	/// Polls open now.
	pub open_polls: u32,
	/// The top contributors (at most [`TOP_CONTRIBUTORS`]) with their reputation now.
	pub top_contributors: Vec<(AccountId, ReputationScore)>,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// A project's progress and gaps in one call.
	pub trait ProgressApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// The project's milestones, tasks (open ones are its gaps), budget, contributors,
		/// members, open polls and top contributors; `None` if there is no such project.
		fn project_progress(project: ProjectId) -> Option<ProjectProgress<AccountId, Balance>>;
	}
}

/// Assembles a project's progress from the pallets' counters.
pub fn project_progress(project: ProjectId) -> Option<ProjectProgress<AccountId, Balance>> {
	let record = pallet_projects::Projects::<Runtime>::get(project)?;
	let counters = &record.counters;
	let tasks = pallet_tasks::TaskStats::<Runtime>::get(project);
	let (minted, burned) =
		record.currency.as_ref().map(|c| (c.minted, c.burned)).unwrap_or_default();
	Some(ProjectProgress {
		status: record.status,
		plan_version: record.plan.version,
		milestones: MilestoneProgress {
			planned: counters.planned,
			funded: counters.funded,
			achieved: counters.achieved,
			cancelled: counters.cancelled,
			overdue: Projects::overdue_milestones(project),
		},
		tasks: TaskProgress {
			open: tasks.open,
			claimed: tasks.claimed,
			submitted: tasks.submitted,
			paid: tasks.paid,
			cancelled: tasks.cancelled,
			expired: tasks.expired,
			overdue: Tasks::overdue(project),
		},
		budget: BudgetProgress {
			minted,
			burned,
			spent_currency: counters.spent_currency,
			spent_native: counters.spent_native,
			escrowed_currency: tasks.escrowed_currency,
			escrowed_native: tasks.escrowed_native,
			paid_currency: tasks.paid_currency,
			paid_native: tasks.paid_native,
		},
		contributors: pallet_contributions::Books::<Runtime>::get(project).contributors,
		members: Contributions::members_count(project),
		open_polls: pallet_quadratic_voting::OpenPolls::<Runtime>::get(project),
		top_contributors: Contributions::top_contributors(project, TOP_CONTRIBUTORS),
	})
}
