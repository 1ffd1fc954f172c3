//! # Tasks
//!
//! Bounties under a project's milestones. A steward posts a task with a specification, a reward,
//! a due block and its reviewers; the reward moves at once from the project treasury into the
//! task's own keyless **escrow** account and is booked as spent against the milestone budget
//! ([`ProjectsInterface::spend`](commons_primitives::traits::ProjectsInterface::spend)): nothing
//! is promised that is not escrowed. A worker claims the task with a small native **bond**,
//! submits evidence, and the reviewers approve or reject; enough approvals pay the reward from
//! escrow to the worker and return the bond; a majority of rejections sends the work back for a
//! (bounded) revision.
//!
//! Nobody ever needs to keep a task alive: a claim that runs past its due block and a grace
//! period can be released by anyone ([`release_expired`](Pallet::release_expired)), which
//! forfeits the bond to the project and reopens the task.
//!
//! ## Who may do what
//!
//! | call | origin |
//! | --- | --- |
//! | [`post_task`](Pallet::post_task) | a steward of the project |
//! | [`claim_task`](Pallet::claim_task) | any signed account that is not a reviewer of the task |
//! | [`submit_work`](Pallet::submit_work), [`unclaim`](Pallet::unclaim) | the task's worker |
//! | [`review`](Pallet::review) | a reviewer of the task, once per submission |
//! | [`release_expired`](Pallet::release_expired) | any signed account |
//! | [`cancel_task`](Pallet::cancel_task) | a steward (open task), or the project's governance |
//! | [`reschedule_task`](Pallet::reschedule_task) | a steward, or the project's governance |
//!
//! ## Money
//!
//! - Reward: project treasury → escrow at posting; escrow → worker on approval; escrow → treasury
//!   when cancelled
//!   ([`ProjectsInterface::refund`](commons_primitives::traits::ProjectsInterface::refund)).
//! - Bond: held from the worker under [`HoldReason::ClaimBond`]; released on payout, on
//!   cancellation, and (minus [`Config::UnclaimForfeit`]) when the worker gives up; forfeited to
//!   the project treasury when a claim expires or revisions run out.
//! - Deposit: the poster's storage deposit, held under [`HoldReason::TaskDeposit`], returns when
//!   the task is paid or cancelled, which removes it from storage (its events are its record).
//!
//! A task's whole life, from posting to payout, is shown by this test:
#![doc = docify::embed!("src/tests.rs", task_lifecycle)]
#![cfg_attr(not(feature = "std"), no_std)]
#![warn(clippy::arithmetic_side_effects)]

extern crate alloc;

mod impls;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use commons_primitives::FungibleBalance;
use polkadot_sdk::{
	frame_support::traits::{fungible, fungibles},
	frame_system,
};

/// The account id type of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// The native balance type, also the balance type of project currencies.
pub type BalanceOf<T> = FungibleBalance<<T as Config>::NativeBalance, AccountIdOf<T>>;
/// The asset id type of project currencies.
pub type AssetIdOf<T> = <<T as Config>::Assets as fungibles::Inspect<AccountIdOf<T>>>::AssetId;

// FRAME's macros expand the pallet struct, storage items and errors to code that calls `expect`
// on values that cannot be absent; the lint is for our own code.
#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	// Named, as `pallet_prelude` also exports a `Task` trait.
	use crate::types::Task;
	use commons_primitives::{
		traits::{ProjectMembership, ProjectsInterface, TaskLedger},
		Actor, BudgetAsset, Cid, MilestoneId, ProjectId, TaskId,
	};
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::{fungible::MutateHold as _, DefensiveOption, EnsureOriginWithArg},
			PalletId,
		},
		frame_system::pallet_prelude::*,
		sp_runtime::{
			traits::{CheckedAdd, Saturating, Zero},
			ArithmeticError, Perbill,
		},
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The native token: deposits, bonds, and native rewards.
		type NativeBalance: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The assets that project currencies are (rewards in a project's currency).
		type Assets: fungibles::Inspect<Self::AccountId, Balance = BalanceOf<Self>>
			+ fungibles::Mutate<Self::AccountId>;

		/// The projects: stewards, status, treasury, and milestone budgets to spend.
		type Projects: ProjectsInterface<
			Self::AccountId,
			Balance = BalanceOf<Self>,
			AssetId = AssetIdOf<Self>,
		>;

		/// The project's governance: may cancel a task at any stage before payment.
		type GovernanceOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ProjectId>;

		/// Learns of payouts and reviews (the contributions ledger).
		type Ledger: TaskLedger<Self::AccountId, BalanceOf<Self>>;

		/// Who the members of a project are: only members review its tasks.
		type Membership: ProjectMembership<Self::AccountId>;

		/// Derives each task's escrow account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The fixed part of a task's storage deposit.
		#[pallet::constant]
		type TaskDepositBase: Get<BalanceOf<Self>>;

		/// The storage deposit per byte of the task record.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// The native bond a worker holds while a task is claimed.
		#[pallet::constant]
		type ClaimBond: Get<BalanceOf<Self>>;

		/// The share of the bond forfeited to the project when a worker gives a task up.
		#[pallet::constant]
		type UnclaimForfeit: Get<Perbill>;

		/// Blocks after the due block before a claim may be released by anyone.
		#[pallet::constant]
		type Grace: Get<BlockNumberFor<Self>>;

		/// How far after the block it was claimed in a steward may move a claimed task's due
		/// block, in blocks (a due block already later stays): no steward keeps a claim alive for
		/// ever. The project's governance may move it further.
		#[pallet::constant]
		type MaxDueExtension: Get<BlockNumberFor<Self>>;

		/// How many times a worker's submissions may be sent back before the task reopens.
		#[pallet::constant]
		type MaxRevisions: Get<u32>;

		/// The most reviewers a task may have (at most 32: reviews are kept as bit sets).
		#[pallet::constant]
		type MaxReviewers: Get<u32>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates funded projects for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: commons_primitives::traits::ProjectsBenchmarkHelper<
			Self::AccountId,
			BalanceOf<Self>,
		>;
	}

	/// Why this pallet holds native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a posted task.
		TaskDeposit,
		/// A worker's bond on a claimed task.
		ClaimBond,
	}

	/// The id the next task gets.
	#[pallet::storage]
	pub type NextTaskId<T: Config> = StorageValue<_, TaskId, ValueQuery>;

	/// Live tasks (open, claimed or submitted). Paid and cancelled tasks are removed.
	#[pallet::storage]
	pub type Tasks<T: Config> = StorageMap<_, Twox64Concat, TaskId, Task<T>>;

	/// Each project's task statistics: live tasks by status, what they escrow, and what was
	/// paid and cancelled ever (see [`TaskCounters`]).
	#[pallet::storage]
	pub type TaskStats<T: Config> =
		StorageMap<_, Twox64Concat, ProjectId, TaskCounters<T>, ValueQuery>;

	/// How many of a project's live tasks are due at each block: one small item per due block,
	/// changed in O(1) when a task is posted, rescheduled or settled, however many tasks the
	/// project has (each pays its deposit). [`Pallet::overdue`] sums the entries before the
	/// current block, off-chain.
	#[pallet::storage]
	pub type Dues<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProjectId,
		Twox64Concat,
		BlockNumberFor<T>,
		u32,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A steward posted a task; its reward is in its escrow account.
		TaskPosted {
			task: TaskId,
			project: ProjectId,
			milestone: MilestoneId,
			poster: T::AccountId,
			spec: Cid,
			asset: BudgetAsset,
			reward: BalanceOf<T>,
			due: BlockNumberFor<T>,
			reviewers: BoundedVec<T::AccountId, T::MaxReviewers>,
			approvals_required: u32,
			escrow: T::AccountId,
			deposit: BalanceOf<T>,
		},
		/// A worker claimed an open task and holds a bond for it.
		TaskClaimed { task: TaskId, project: ProjectId, worker: T::AccountId, bond: BalanceOf<T> },
		/// The worker submitted evidence of the work; reviews start over.
		WorkSubmitted {
			task: TaskId,
			project: ProjectId,
			worker: T::AccountId,
			evidence: Cid,
			revision: u32,
		},
		/// A reviewer approved or rejected the current submission.
		TaskReviewed {
			task: TaskId,
			project: ProjectId,
			reviewer: T::AccountId,
			approved: bool,
			comment: Cid,
			approvals: u32,
			rejections: u32,
		},
		/// A majority of reviewers rejected the submission: the worker revises and resubmits.
		RevisionRequested { task: TaskId, project: ProjectId, worker: T::AccountId, revision: u32 },
		/// Enough reviewers approved: the worker was paid from escrow and their bond returned.
		TaskPaid {
			task: TaskId,
			project: ProjectId,
			worker: T::AccountId,
			asset: BudgetAsset,
			reward: BalanceOf<T>,
		},
		/// A claimed task went back to open; `forfeited` of the worker's bond went to the project.
		TaskReopened {
			task: TaskId,
			project: ProjectId,
			worker: T::AccountId,
			reason: ReopenReason,
			forfeited: BalanceOf<T>,
			by: T::AccountId,
		},
		/// A task got a new due block.
		TaskRescheduled {
			task: TaskId,
			project: ProjectId,
			by: Actor<T::AccountId>,
			old: BlockNumberFor<T>,
			new: BlockNumberFor<T>,
		},
		/// A task was cancelled: its escrow went back to the project treasury, any bond to the
		/// worker, the deposit to the poster.
		TaskCancelled {
			task: TaskId,
			project: ProjectId,
			by: Actor<T::AccountId>,
			worker: Option<T::AccountId>,
			refunded: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No task has this id (or it was paid or cancelled and removed).
		TaskNotFound,
		/// A CID must not be empty (a rejection's comment included).
		EmptyCid,
		/// The reward must be at least the minimum balance of its asset, so the worker can
		/// receive it.
		RewardBelowMinimum,
		/// The due block must be in the future.
		DueInPast,
		/// A task needs at least one reviewer.
		NoReviewers,
		/// An account is listed as a reviewer twice.
		DuplicateReviewer,
		/// Approvals required must be between 1 and the number of reviewers.
		InvalidApprovals,
		/// The task is not open.
		NotOpen,
		/// A reviewer of a task cannot work on it.
		ReviewerCannotClaim,
		/// The poster of a task cannot work on it.
		PosterCannotClaim,
		/// The poster of a task cannot review it.
		PosterCannotReview,
		/// Only members of the project (stewards, or accounts with standing) review its tasks.
		ReviewerNotMember,
		/// A claimed task's due block can only move later.
		DueEarlier,
		/// The work was sent back or resubmitted as many times as allowed; a resubmission is a
		/// revision.
		NoRevisionsLeft,
		/// The task's due block has passed: it can no longer be claimed.
		PastDue,
		/// The task is not claimed (or its work is not in review).
		NotClaimed,
		/// Only the task's worker may do this.
		NotWorker,
		/// No work has been submitted for review.
		NotSubmitted,
		/// The caller is not a reviewer of the task.
		NotReviewer,
		/// The caller already reviewed this submission.
		AlreadyReviewed,
		/// The claim has not yet run past its due block and the grace period.
		NotExpired,
		/// A steward may cancel only an open task; the project's governance may cancel any.
		StewardMayCancelOnlyOpen,
		/// A steward may move a claimed task's due block at most `MaxDueExtension` blocks after
		/// the claim; the project's governance may move it further.
		ExtensionTooLong,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				(1..=32).contains(&T::MaxReviewers::get()),
				"reviews are bit sets of at most 32 reviewers"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Posts a task under a funded milestone of the project and escrows its reward.
		///
		/// The reward, in the milestone's budget asset, moves at once from the project treasury
		/// into the task's own escrow account and is booked as spent against the milestone's
		/// budget, so a posted task is always paid for. The caller pays the task's storage
		/// deposit ([`Config::TaskDepositBase`] plus [`Config::DepositPerByte`] per byte of the
		/// task record at its largest), held until the task is paid or cancelled. The task is
		/// then open: any account that is neither its poster nor one of its reviewers may claim it.
		/// The reputation the task earns (its worker, and the reviewers who approve the paid
		/// work) scales with the part its reward is of the milestone's budget, or of the
		/// project's largest funded budget in that asset if that is larger: reputation, and so
		/// voice, follows the value of the work, not the number of tasks or milestones.
		///
		/// ## Origin
		/// Signed by a steward of the project.
		///
		/// ## Parameters
		/// - `project`: the project; it must be active.
		/// - `milestone`: the project's funded milestone whose budget pays the reward.
		/// - `spec`: the task's specification, a CID of 1 to 96 bytes.
		/// - `reward`: the reward, in the milestone's budget asset: at least that asset's minimum
		///   balance, and at most what is left of the milestone's budget.
		/// - `due`: the block the work is due by; it must be after the current block.
		/// - `reviewers`: the accounts that review the work: 1 to [`Config::MaxReviewers`], all
		///   different, each a member of the project now (a steward, or with standing), none the
		///   caller.
		/// - `approvals_required`: how many reviewers must approve the work for it to be paid: 1
		///   to the number of reviewers.
		///
		/// ## Errors
		/// - `Projects::ProjectNotFound`: no project has this id.
		/// - `Projects::NotSteward`: the caller is not a steward of the project.
		/// - `Projects::ProjectNotActive`: the project is paused, completed or cancelled.
		/// - [`Error::EmptyCid`]: `spec` is empty.
		/// - [`Error::DueInPast`]: `due` is not after the current block.
		/// - [`Error::NoReviewers`]: `reviewers` is empty.
		/// - [`Error::DuplicateReviewer`]: an account is listed twice in `reviewers`.
		/// - [`Error::InvalidApprovals`]: `approvals_required` is zero or more than the number of
		///   reviewers.
		/// - [`Error::PosterCannotReview`]: the caller is one of `reviewers`.
		/// - [`Error::ReviewerNotMember`]: one of `reviewers` is not a member of the project.
		/// - `Projects::MilestoneNotFound`: the project has no milestone with this id.
		/// - [`Error::RewardBelowMinimum`]: `reward` is below the minimum balance of its asset.
		/// - `ArithmeticError::Overflow`: the task id or one of the project's task counters would
		///   overflow.
		/// - `TokenError::FundsUnavailable`: the caller cannot pay the task's deposit.
		/// - `Projects::MilestoneNotFunded`: the milestone is not funded (it is planned, achieved
		///   or cancelled).
		/// - `Projects::BudgetExceeded`: `reward` is more than what is left of the milestone's
		///   budget.
		///
		/// ## Events
		/// - [`Event::TaskPosted`].
		/// - `Projects::BudgetSpent`, for the reward moved into escrow.
		///
		/// ## Complexity
		/// O(1): 11 storage reads and 12 writes.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::post_task(reviewers.len() as u32))]
		pub fn post_task(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
			spec: Cid,
			reward: BalanceOf<T>,
			due: BlockNumberFor<T>,
			reviewers: BoundedVec<T::AccountId, T::MaxReviewers>,
			approvals_required: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			T::Projects::ensure_steward(project, &who)?;
			T::Projects::ensure_active(project)?;
			ensure!(!spec.is_empty(), Error::<T>::EmptyCid);
			ensure!(due > frame_system::Pallet::<T>::block_number(), Error::<T>::DueInPast);
			Self::ensure_valid_reviewers(&reviewers, approvals_required)?;
			ensure!(!reviewers.contains(&who), Error::<T>::PosterCannotReview);
			ensure!(
				reviewers.iter().all(|r| T::Membership::is_member(project, r)),
				Error::<T>::ReviewerNotMember
			);
			// The reward's share of the milestone's budget, or of the project's largest funded
			// budget if that is larger: reputation follows value, not the number of milestones.
			let (asset, budget) = T::Projects::earning_budget(project, milestone)?;
			ensure!(
				reward >= Self::minimum_balance(project, asset)?,
				Error::<T>::RewardBelowMinimum
			);
			let id = NextTaskId::<T>::get();
			let next_id = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let due_count =
				Dues::<T>::get(project, due).checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let mut counters = TaskStats::<T>::get(project);
			counters.open = counters.open.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let escrowed = counters.escrowed(asset);
			*escrowed = escrowed.checked_add(&reward).ok_or(ArithmeticError::Overflow)?;

			let escrow = Self::escrow_account(id);
			let mut task = Task {
				project,
				milestone,
				spec: spec.clone(),
				asset,
				reward,
				due,
				reviewers: reviewers.clone(),
				approvals_required,
				status: TaskStatus::Open,
				claim: None,
				evidence: None,
				approved: 0,
				rejected: 0,
				revisions: 0,
				poster: who.clone(),
				share: Perbill::from_rational(reward, budget.max(reward)),
				deposit: Zero::zero(),
			};
			let deposit = Self::task_deposit(&task);
			task.deposit = deposit;
			T::NativeBalance::hold(&HoldReason::TaskDeposit.into(), &who, deposit)?;
			// The escrow must exist to hold a project currency that is not sufficient; its own
			// provider is dropped when the task is settled.
			frame_system::Pallet::<T>::inc_providers(&escrow);
			T::Projects::spend(project, milestone, &escrow, reward)?;

			Tasks::<T>::insert(id, task);
			TaskStats::<T>::insert(project, counters);
			Dues::<T>::insert(project, due, due_count);
			NextTaskId::<T>::put(next_id);
			Self::deposit_event(Event::TaskPosted {
				task: id,
				project,
				milestone,
				poster: who,
				spec,
				asset,
				reward,
				due,
				reviewers,
				approvals_required,
				escrow,
				deposit,
			});
			Ok(())
		}

		/// Claims an open task to work on it, holding a bond from the caller.
		///
		/// The caller becomes the task's worker, and [`Config::ClaimBond`] is held from them. The
		/// bond is released in full when the work is paid or the task is cancelled; when the
		/// worker gives the task up ([`unclaim`](Pallet::unclaim)), [`Config::UnclaimForfeit`] of
		/// it goes to the project treasury. All of it goes to the project treasury when the claim
		/// expires (no work is in review [`Config::Grace`] blocks after the due block) or when the
		/// work is sent back more than [`Config::MaxRevisions`] times.
		///
		/// ## Origin
		/// Signed by any account that is not a reviewer of the task.
		///
		/// ## Parameters
		/// - `task`: the task; it must be open, and its due block not passed.
		///
		/// ## Errors
		/// - [`Error::TaskNotFound`]: no live task has this id.
		/// - [`Error::NotOpen`]: the task is already claimed.
		/// - [`Error::ReviewerCannotClaim`]: the caller is a reviewer of the task.
		/// - [`Error::PosterCannotClaim`]: the caller posted the task.
		/// - [`Error::PastDue`]: the task's due block has passed; it can be claimed again once it
		///   is rescheduled.
		/// - `TokenError::FundsUnavailable`: the caller cannot pay the bond.
		///
		/// ## Events
		/// - [`Event::TaskClaimed`].
		///
		/// ## Complexity
		/// O(1): 3 storage reads and 3 writes.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::claim_task())]
		pub fn claim_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::task(task)?;
			ensure!(record.status == TaskStatus::Open, Error::<T>::NotOpen);
			ensure!(record.reviewer_index(&who).is_none(), Error::<T>::ReviewerCannotClaim);
			ensure!(record.poster != who, Error::<T>::PosterCannotClaim);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= record.due, Error::<T>::PastDue);

			let bond = T::ClaimBond::get();
			T::NativeBalance::hold(&HoldReason::ClaimBond.into(), &who, bond)?;
			record.claim = Some(Claim { worker: who.clone(), bond, since: now });
			Self::set_status(&mut record, TaskStatus::Claimed);
			let project = record.project;
			Tasks::<T>::insert(task, record);
			Self::deposit_event(Event::TaskClaimed { task, project, worker: who, bond });
			Ok(())
		}

		/// Submits evidence of the work on a claimed task for review, or resubmits it.
		///
		/// The task's reviewers then review the evidence; a resubmission replaces the evidence,
		/// clears the reviews so far and counts as a revision (at most [`Config::MaxRevisions`]
		/// in all). Work may be submitted after the due block as long as
		/// nobody has ended the expired claim. While work is in review the claim cannot expire;
		/// work the reviewers send back for a revision can expire again.
		///
		/// ## Origin
		/// Signed by the task's worker.
		///
		/// ## Parameters
		/// - `task`: the task; it must be claimed, or its work in review.
		/// - `evidence`: a CID of the work, 1 to 96 bytes.
		///
		/// ## Errors
		/// - [`Error::TaskNotFound`]: no live task has this id.
		/// - [`Error::NotClaimed`]: the task is open (nobody has claimed it).
		/// - [`Error::NotWorker`]: the caller is not the task's worker.
		/// - [`Error::EmptyCid`]: `evidence` is empty.
		/// - [`Error::NoRevisionsLeft`]: a resubmission, and the work was already revised
		///   [`Config::MaxRevisions`] times.
		///
		/// ## Events
		/// - [`Event::WorkSubmitted`].
		///
		/// ## Complexity
		/// O(1): 2 storage reads and 2 writes.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::submit_work())]
		pub fn submit_work(origin: OriginFor<T>, task: TaskId, evidence: Cid) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::task(task)?;
			ensure!(
				matches!(record.status, TaskStatus::Claimed | TaskStatus::Submitted),
				Error::<T>::NotClaimed
			);
			ensure!(record.worker() == Some(&who), Error::<T>::NotWorker);
			ensure!(!evidence.is_empty(), Error::<T>::EmptyCid);
			if record.status == TaskStatus::Submitted {
				ensure!(record.revisions < T::MaxRevisions::get(), Error::<T>::NoRevisionsLeft);
				record.revisions = record.revisions.saturating_add(1);
			}

			record.evidence = Some(evidence.clone());
			record.approved = 0;
			record.rejected = 0;
			Self::set_status(&mut record, TaskStatus::Submitted);
			let (project, revision) = (record.project, record.revisions);
			Tasks::<T>::insert(task, record);
			Self::deposit_event(Event::WorkSubmitted {
				task,
				project,
				worker: who,
				evidence,
				revision,
			});
			Ok(())
		}

		/// Approves or rejects the work submitted for a task.
		///
		/// Each reviewer reviews each submission once; a rejection must say what to revise, in a
		/// comment. Reviews earn reputation only when they agree with the task's outcome: when
		/// the work is paid, each reviewer who approved it is recorded in the project's
		/// contributions ledger, once. Then:
		/// - when the approvals reach the number required, the reward is paid from escrow to the
		///   worker, the worker's bond and the poster's deposit are released, the work is recorded
		///   in the contributions ledger and the task is removed ([`Event::TaskPaid`]);
		/// - when more than half of the reviewers have rejected the work, or all have reviewed it
		///   without enough approvals, it goes back to the worker for a revision
		///   ([`Event::RevisionRequested`]), at most [`Config::MaxRevisions`] times; the next
		///   time, the task reopens and the worker's whole bond goes to the project treasury
		///   ([`Event::TaskReopened`]);
		/// - otherwise the review is kept and the work waits for more reviews.
		///
		/// The fee is charged for a payout, the dearest outcome; the unused part is refunded.
		///
		/// ## Origin
		/// Signed by a reviewer of the task.
		///
		/// ## Parameters
		/// - `task`: the task; its work must be in review.
		/// - `approve`: `true` to approve the work, `false` to reject it.
		/// - `comment`: a CID of the review's comment, at most 96 bytes; it may be empty only
		///   when approving.
		///
		/// ## Errors
		/// - [`Error::TaskNotFound`]: no live task has this id.
		/// - [`Error::NotSubmitted`]: no work is in review for the task.
		/// - [`Error::NotReviewer`]: the caller is not a reviewer of the task.
		/// - [`Error::AlreadyReviewed`]: the caller already reviewed this submission.
		/// - [`Error::EmptyCid`]: `comment` is empty on a rejection.
		///
		/// ## Events
		/// - [`Event::TaskReviewed`].
		/// - [`Event::TaskPaid`], [`Event::RevisionRequested`] or [`Event::TaskReopened`], when
		///   the review decides the submission.
		/// - `Contributions::Contributed`, on payout, for the work and each approving review.
		///
		/// ## Complexity
		/// O(A) in the approving reviewers A (at most [`Config::MaxReviewers`]) for a payout,
		/// which records the worker's contribution and each approving reviewer's: charged for
		/// every reviewer approving, refunded to the approvals the payout had; O(1) when the work
		/// is sent back, the task reopens, or the review decides nothing yet. No cost depends on
		/// the project's size.
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::review_and_pay(T::MaxReviewers::get())
				.max(T::WeightInfo::review_and_reopen())
				.max(T::WeightInfo::review_and_record())
		)]
		pub fn review(
			origin: OriginFor<T>,
			task: TaskId,
			approve: bool,
			comment: Cid,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut record = Self::task(task)?;
			ensure!(record.status == TaskStatus::Submitted, Error::<T>::NotSubmitted);
			let index = record.reviewer_index(&who).ok_or(Error::<T>::NotReviewer)?;
			// `MaxReviewers` is at most 32 (`integrity_test`), so every index has its bit.
			let bit = 1u32.checked_shl(index).defensive_ok_or(DispatchError::Corruption)?;
			ensure!((record.approved | record.rejected) & bit == 0, Error::<T>::AlreadyReviewed);
			ensure!(approve || !comment.is_empty(), Error::<T>::EmptyCid);

			if approve {
				record.approved |= bit;
			} else {
				record.rejected |= bit;
			}
			let project = record.project;
			Self::deposit_event(Event::TaskReviewed {
				task,
				project,
				reviewer: who.clone(),
				approved: approve,
				comment,
				approvals: record.approvals(),
				rejections: record.rejections(),
			});

			let taken = if record.approvals() >= record.approvals_required {
				let approvals = record.approvals();
				Self::pay(task, record)?;
				T::WeightInfo::review_and_pay(approvals)
			} else if record.rejected_by_majority() || record.all_reviewed() {
				// Rejected, or every reviewer spoke without enough approvals: a revision (or a
				// reopening, the dearer of the two, which its weight measures).
				Self::send_back(task, record, &who)?;
				T::WeightInfo::review_and_reopen()
			} else {
				Tasks::<T>::insert(task, record);
				T::WeightInfo::review_and_record()
			};
			Ok(Some(taken).into())
		}

		/// Gives up a claimed task, which reopens for others to claim.
		///
		/// [`Config::UnclaimForfeit`] of the worker's bond goes to the project treasury and the
		/// rest is released. Any work in review and its reviews are discarded, and the count of
		/// revisions starts over. A task whose due block has passed can be claimed again only
		/// once it is rescheduled.
		///
		/// ## Origin
		/// Signed by the task's worker.
		///
		/// ## Parameters
		/// - `task`: the task; it must be claimed, or its work in review.
		///
		/// ## Errors
		/// - [`Error::TaskNotFound`]: no live task has this id.
		/// - [`Error::NotClaimed`]: the task is open (nobody has claimed it).
		/// - [`Error::NotWorker`]: the caller is not the task's worker.
		///
		/// ## Events
		/// - [`Event::TaskReopened`].
		///
		/// ## Complexity
		/// O(1): 5 storage reads and 5 writes.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::unclaim())]
		pub fn unclaim(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Self::task(task)?;
			ensure!(
				matches!(record.status, TaskStatus::Claimed | TaskStatus::Submitted),
				Error::<T>::NotClaimed
			);
			ensure!(record.worker() == Some(&who), Error::<T>::NotWorker);
			Self::reopen(task, record, ReopenReason::Unclaimed, T::UnclaimForfeit::get(), &who)
		}

		/// Ends an expired claim on a task, forfeits the worker's bond and reopens the task.
		///
		/// A claim expires when no work is in review once [`Config::Grace`] blocks have passed
		/// after the task's due block (work in review is for the reviewers to finish). Anyone may
		/// end it, so that no task stays blocked: the worker's whole bond goes to the project
		/// treasury, any evidence and reviews are discarded, and the task reopens. It can be
		/// claimed again once it is rescheduled.
		///
		/// ## Origin
		/// Signed by any account.
		///
		/// ## Parameters
		/// - `task`: the task; it must be claimed, with no work in review.
		///
		/// ## Errors
		/// - [`Error::TaskNotFound`]: no live task has this id.
		/// - [`Error::NotClaimed`]: the task is open, or its work is in review.
		/// - [`Error::NotExpired`]: the current block is not yet past the task's due block plus
		///   [`Config::Grace`].
		///
		/// ## Events
		/// - [`Event::TaskReopened`].
		///
		/// ## Complexity
		/// O(1): 5 storage reads and 5 writes.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::release_expired())]
		pub fn release_expired(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Self::task(task)?;
			ensure!(record.status == TaskStatus::Claimed, Error::<T>::NotClaimed);
			let deadline = record.due.saturating_add(T::Grace::get());
			ensure!(frame_system::Pallet::<T>::block_number() > deadline, Error::<T>::NotExpired);
			Self::reopen(task, record, ReopenReason::Expired, Perbill::one(), &who)
		}

		/// Cancels a task and returns its reward from escrow to the project treasury.
		///
		/// The reward is booked back against the milestone's budget (a reward in the project's
		/// currency returned to a cancelled milestone is burned). A worker's bond is released in
		/// full, the poster's deposit is released, and the task is removed.
		///
		/// ## Origin
		/// Signed by a steward of the project, while the task is open — at any stage once the
		/// project is completed or cancelled (it can hold no poll then); or the project's
		/// governance ([`Config::GovernanceOrigin`]): a passed project poll, or Root, at any stage
		/// before the task is paid.
		///
		/// ## Parameters
		/// - `task`: the task.
		///
		/// ## Errors
		/// - [`Error::TaskNotFound`]: no live task has this id.
		/// - `Projects::NotSteward`: the caller is signed but not a steward of the project.
		/// - `BadOrigin`: the origin is neither signed nor the project's governance.
		/// - [`Error::StewardMayCancelOnlyOpen`]: a steward tried to cancel a task of an open
		///   project that is claimed or whose work is in review.
		///
		/// ## Events
		/// - [`Event::TaskCancelled`].
		/// - `Projects::BudgetRefunded`, for the reward returned to the treasury.
		///
		/// ## Complexity
		/// O(1): 13 storage reads and 13 writes.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::cancel_task())]
		pub fn cancel_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let mut record = Self::task(task)?;
			let project = record.project;
			let by = Self::ensure_steward_or_governance(origin, project)?;
			// Once a project is completed or cancelled it can no longer hold polls: its stewards
			// then settle every task it left behind.
			if matches!(by, Actor::Steward(_)) && !T::Projects::status(project)?.is_final() {
				ensure!(record.status == TaskStatus::Open, Error::<T>::StewardMayCancelOnlyOpen);
			}

			let worker = match record.claim.take() {
				Some(claim) => {
					Self::release_bond(&claim.worker, claim.bond);
					Some(claim.worker)
				},
				None => None,
			};
			let escrow = Self::escrow_account(task);
			T::Projects::refund(project, record.milestone, &escrow, record.reward)?;
			let refunded = record.reward;
			Self::settle(task, &record, &escrow, |counters| {
				counters.cancelled = counters.cancelled.saturating_add(1);
			});
			Self::deposit_event(Event::TaskCancelled { task, project, by, worker, refunded });
			Ok(())
		}

		/// Sets a new due block for a task.
		///
		/// The task keeps its status and its worker, if it has one. The new due block also moves
		/// the point at which a claim expires ([`Config::Grace`] blocks after it), and lets an
		/// open task whose due block had passed be claimed again.
		///
		/// ## Origin
		/// Signed by a steward of the project, or the project's governance
		/// ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `task`: the task.
		/// - `due`: the new due block; it must be after the current block, and for a claimed task
		///   (or one in review) no earlier than its due block (a worker's time is never cut) and,
		///   when a steward moves it, at most [`Config::MaxDueExtension`] blocks after the block
		///   it was claimed in, or its due block if that is later (no steward keeps a claim alive
		///   for ever).
		///
		/// ## Errors
		/// - [`Error::TaskNotFound`]: no live task has this id.
		/// - `Projects::NotSteward`: the caller is signed but not a steward of the project.
		/// - `BadOrigin`: the origin is neither signed nor the project's governance.
		/// - [`Error::DueInPast`]: `due` is not after the current block.
		/// - [`Error::DueEarlier`]: the task is claimed and `due` is before its due block.
		/// - [`Error::ExtensionTooLong`]: a steward moved a claimed task's due block more than
		///   [`Config::MaxDueExtension`] blocks after its claim.
		///
		/// ## Events
		/// - [`Event::TaskRescheduled`].
		///
		/// ## Complexity
		/// O(1): 3 storage reads and 2 writes.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reschedule_task())]
		pub fn reschedule_task(
			origin: OriginFor<T>,
			task: TaskId,
			due: BlockNumberFor<T>,
		) -> DispatchResult {
			let mut record = Self::task(task)?;
			let project = record.project;
			let by = Self::ensure_steward_or_governance(origin, project)?;
			ensure!(due > frame_system::Pallet::<T>::block_number(), Error::<T>::DueInPast);
			ensure!(record.status == TaskStatus::Open || due >= record.due, Error::<T>::DueEarlier);
			if let (Some(claim), Actor::Steward(_)) = (&record.claim, &by) {
				let limit = record.due.max(claim.since.saturating_add(T::MaxDueExtension::get()));
				ensure!(due <= limit, Error::<T>::ExtensionTooLong);
			}

			let old = core::mem::replace(&mut record.due, due);
			if old != due {
				let due_count =
					Dues::<T>::get(project, due).checked_add(1).ok_or(ArithmeticError::Overflow)?;
				Self::forget_due(project, old);
				Dues::<T>::insert(project, due, due_count);
			}
			Tasks::<T>::insert(task, record);
			Self::deposit_event(Event::TaskRescheduled { task, project, by, old, new: due });
			Ok(())
		}
	}
}

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::tasks";
