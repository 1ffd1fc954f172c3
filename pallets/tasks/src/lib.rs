//! # Tasks
//!
//! Bounties under a project's milestones. A steward posts a task with a specification, a reward,
//! a due block and its reviewers; the reward moves at once from the project treasury into the
//! task's own keyless **escrow** account and is booked as spent against the milestone budget
//! (through [`pallet_projects::ProjectsInterface::spend`]): nothing is promised that is not
//! escrowed. A worker claims the task with a small native **bond**, submits evidence, and the
//! reviewers approve or reject; enough approvals pay the reward from escrow to the worker and
//! return the bond; a majority of rejections sends the work back for a (bounded) revision.
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
//! | [`cancel_task`](Pallet::cancel_task) | a steward while the task is open; the project's governance before payment |
//! | [`reschedule_task`](Pallet::reschedule_task) | a steward, or the project's governance |
//!
//! ## Money
//!
//! - Reward: project treasury → escrow at posting; escrow → worker on approval; escrow → treasury
//!   when cancelled ([`pallet_projects::ProjectsInterface::refund`]).
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

use polkadot_sdk::{
	frame_support::traits::{fungible, fungibles},
	frame_system,
};

pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
pub type BalanceOf<T> =
	<<T as Config>::NativeBalance as fungible::Inspect<AccountIdOf<T>>>::Balance;
pub type AssetIdOf<T> = <<T as Config>::Assets as fungibles::Inspect<AccountIdOf<T>>>::AssetId;

// FRAME's macros expand the pallet struct, storage items and errors to code that calls `expect`
// on values that cannot be absent; the lint is for our own code.
#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	// Named, as `pallet_prelude` also exports a `Task` trait.
	use crate::types::Task;
	use pallet_projects::{BudgetAsset, MilestoneId, ProjectId, ProjectStatus, ProjectsInterface};
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::{fungible::MutateHold as _, EnsureOriginWithArg},
			PalletId,
		},
		frame_system::pallet_prelude::*,
		sp_runtime::{
			traits::{CheckedAdd, Saturating, Zero},
			Perbill,
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

		/// How many times a worker's submissions may be sent back before the task reopens.
		#[pallet::constant]
		type MaxRevisions: Get<u32>;

		/// The most reviewers a task may have (at most 32: reviews are kept as bit sets).
		#[pallet::constant]
		type MaxReviewers: Get<u32>;

		/// The longest CID (specification, evidence, review comment).
		#[pallet::constant]
		type MaxCidLen: Get<u32>;

		/// The most live (open, claimed or submitted) tasks a project may have at once.
		#[pallet::constant]
		type MaxLiveTasks: Get<u32>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates funded projects for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: pallet_projects::BenchmarkHelper<Self::AccountId, BalanceOf<Self>>;
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
	pub type Tasks<T: Config> = StorageMap<_, Blake2_128Concat, TaskId, Task<T>>;

	/// Each project's task counters (see [`TaskCounters`]).
	#[pallet::storage]
	pub type Counters<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, TaskCounters<T>, ValueQuery>;

	/// The due blocks of each project's live tasks, sorted: how many are overdue is one binary
	/// search, and their number bounds the project's live tasks.
	#[pallet::storage]
	pub type LiveDues<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		ProjectId,
		BoundedVec<BlockNumberFor<T>, T::MaxLiveTasks>,
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
			spec: Cid<T>,
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
			evidence: Cid<T>,
			revision: u32,
		},
		/// A reviewer approved or rejected the current submission.
		TaskReviewed {
			task: TaskId,
			project: ProjectId,
			reviewer: T::AccountId,
			approved: bool,
			comment: Cid<T>,
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
		/// The project does not exist.
		ProjectNotFound,
		/// Only an active project takes new tasks.
		ProjectNotActive,
		/// The caller is not a steward of the project.
		NotSteward,
		/// The milestone does not exist.
		MilestoneNotFound,
		/// The project has no currency, so its milestone budgets cannot be in it.
		NoCurrency,
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
		/// The project already has the most live tasks it may have.
		TooManyLiveTasks,
		/// The task is not open.
		NotOpen,
		/// A reviewer of a task cannot work on it.
		ReviewerCannotClaim,
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
		/// A counter or balance would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				(1..=32).contains(&T::MaxReviewers::get()),
				"reviews are bit sets of at most 32 reviewers"
			);
			assert!(T::MaxCidLen::get() >= 1, "a CID needs room");
			assert!(T::MaxLiveTasks::get() >= 1, "a project needs room for a task");
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
		/// Posts a task under a funded milestone and escrows its reward.
		///
		/// A steward of an active project. The reward is in the milestone's budget asset, at
		/// least that asset's minimum balance; it moves from the project treasury into the
		/// task's escrow account and is booked as spent against the milestone. Reviewers: 1 to
		/// `MaxReviewers` distinct accounts, of whom `approvals_required` must approve. The
		/// poster pays the task's storage deposit. Emits [`Event::TaskPosted`]. Fails with
		/// `NotSteward`, `ProjectNotActive`, `EmptyCid`, `DueInPast`, `NoReviewers`,
		/// `DuplicateReviewer`, `InvalidApprovals`, `MilestoneNotFound`, `NoCurrency`,
		/// `RewardBelowMinimum`, `TooManyLiveTasks`, `Overflow`, the projects pallet's
		/// `MilestoneNotFunded` / `BudgetExceeded` when the budget cannot pay, or a balance
		/// error when the treasury or the poster cannot.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): the reward moves into
		/// the task's own escrow account (two asset accounts, the asset's account count, the escrow
		/// account's provider), the poster's deposit is held, and the spend is booked on the
		/// project and the milestone along with the task's id, counters and due block: twelve
		/// storage writes.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::post_task())]
		pub fn post_task(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
			spec: Cid<T>,
			reward: BalanceOf<T>,
			due: BlockNumberFor<T>,
			reviewers: BoundedVec<T::AccountId, T::MaxReviewers>,
			approvals_required: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let status = T::Projects::status(project).ok_or(Error::<T>::ProjectNotFound)?;
			ensure!(T::Projects::is_steward(project, &who), Error::<T>::NotSteward);
			ensure!(status == ProjectStatus::Active, Error::<T>::ProjectNotActive);
			ensure!(!spec.is_empty(), Error::<T>::EmptyCid);
			ensure!(due > frame_system::Pallet::<T>::block_number(), Error::<T>::DueInPast);
			Self::ensure_valid_reviewers(&reviewers, approvals_required)?;
			let asset = T::Projects::milestone_asset(project, milestone)
				.ok_or(Error::<T>::MilestoneNotFound)?;
			ensure!(
				reward >= Self::minimum_balance(project, asset)?,
				Error::<T>::RewardBelowMinimum
			);
			let id = NextTaskId::<T>::get();
			let next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let mut dues = LiveDues::<T>::get(project);
			pallet_projects::dues::insert(&mut dues, due)
				.map_err(|_| Error::<T>::TooManyLiveTasks)?;
			let mut counters = Counters::<T>::get(project);
			counters.open = counters.open.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let escrowed = counters.escrowed(asset);
			*escrowed = escrowed.checked_add(&reward).ok_or(Error::<T>::Overflow)?;

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
			Counters::<T>::insert(project, counters);
			LiveDues::<T>::insert(project, dues);
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

		/// Claims an open task, holding the claim bond.
		///
		/// Any signed account that is not one of the task's reviewers, up to the task's due
		/// block. Emits [`Event::TaskClaimed`]. Fails with `TaskNotFound`, `NotOpen`,
		/// `ReviewerCannotClaim`, `PastDue`, or a balance error if the bond cannot be held.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::claim_task())]
		pub fn claim_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::task(task)?;
			ensure!(record.status == TaskStatus::Open, Error::<T>::NotOpen);
			ensure!(record.reviewer_index(&who).is_none(), Error::<T>::ReviewerCannotClaim);
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

		/// Submits (or resubmits) evidence of the work for review.
		///
		/// The task's worker, while it is claimed or in review; a resubmission clears the
		/// reviews so far. Emits [`Event::WorkSubmitted`]. Fails with `TaskNotFound`,
		/// `NotClaimed`, `NotWorker`, `EmptyCid`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::submit_work())]
		pub fn submit_work(origin: OriginFor<T>, task: TaskId, evidence: Cid<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::task(task)?;
			ensure!(
				matches!(record.status, TaskStatus::Claimed | TaskStatus::Submitted),
				Error::<T>::NotClaimed
			);
			ensure!(record.worker() == Some(&who), Error::<T>::NotWorker);
			ensure!(!evidence.is_empty(), Error::<T>::EmptyCid);

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

		/// Approves or rejects the submitted work.
		///
		/// A reviewer of the task, once per submission; a rejection needs a comment CID (what
		/// to revise). When the approvals reach `approvals_required`, the reward is paid from
		/// escrow to the worker, their bond returned, the task removed and the poster's deposit
		/// returned ([`Event::TaskPaid`]). When more than half of the reviewers reject, or all
		/// have reviewed without enough approvals, the work goes back for revision
		/// ([`Event::RevisionRequested`]), or, past `MaxRevisions`, the task reopens and the bond
		/// goes to the project ([`Event::TaskReopened`]). Each review, and a payout, is reported
		/// to the contributions ledger (part of this call's benchmarked weight). Emits [`Event::TaskReviewed`]. Fails with
		/// `TaskNotFound`, `NotSubmitted`, `NotReviewer`, `AlreadyReviewed`, `EmptyCid`.
		///
		/// Charged for its heaviest outcome and refunded to the outcome taken: a review that
		/// decides nothing yet costs about a third of a payout.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): a payout pays the
		/// worker from escrow and closes the escrow account, releases the bond and the poster's
		/// deposit, removes the task, and records the work and the review in the contributions
		/// ledger (totals, recent records, reputation and standing of two accounts): nineteen
		/// storage writes.
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::review_and_pay()
				.max(T::WeightInfo::review_and_reopen())
				.max(T::WeightInfo::review_and_record())
		)]
		pub fn review(
			origin: OriginFor<T>,
			task: TaskId,
			approve: bool,
			comment: Cid<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut record = Self::task(task)?;
			ensure!(record.status == TaskStatus::Submitted, Error::<T>::NotSubmitted);
			let index = record.reviewer_index(&who).ok_or(Error::<T>::NotReviewer)?;
			let bit = 1u32.checked_shl(index).ok_or(Error::<T>::NotReviewer)?;
			ensure!((record.approved | record.rejected) & bit == 0, Error::<T>::AlreadyReviewed);
			ensure!(approve || !comment.is_empty(), Error::<T>::EmptyCid);

			if approve {
				record.approved |= bit;
			} else {
				record.rejected |= bit;
			}
			let project = record.project;
			T::Ledger::task_reviewed(project, task, &who, approve, &comment);
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
				Self::pay(task, record)?;
				T::WeightInfo::review_and_pay()
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

		/// Gives a claimed task up; it reopens.
		///
		/// The task's worker, while it is claimed or in review. `UnclaimForfeit` of the bond
		/// goes to the project treasury, the rest is released. Emits [`Event::TaskReopened`].
		/// Fails with `TaskNotFound`, `NotClaimed`, `NotWorker`.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): splitting the bond
		/// between the treasury and the worker releases a hold and writes both accounts, besides
		/// the task and its counters: five storage writes.
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

		/// Releases a claim that ran past the task's due block and the grace period.
		///
		/// Any signed account: nobody has to keep tasks alive. The task must be claimed (work
		/// in review is the reviewers' to finish) and the current block past `due + Grace`. The
		/// whole bond goes to the project treasury and the task reopens. Emits
		/// [`Event::TaskReopened`]. Fails with `TaskNotFound`, `NotClaimed`, `NotExpired`.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): moving the bond to the
		/// treasury releases a hold and writes both accounts, besides the task and its counters:
		/// five storage writes.
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

		/// Cancels a task and returns its escrow to the project treasury.
		///
		/// A steward of the project while the task is open, or the project's governance at
		/// any stage before payment (a worker's bond is then released in full). The poster's
		/// deposit returns and the task is removed. Emits [`Event::TaskCancelled`]. Fails with
		/// `TaskNotFound`, `NotSteward`, `StewardMayCancelOnlyOpen`, or an error of the
		/// projects pallet if the refund cannot be booked.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): the escrow returns to
		/// the treasury (two asset accounts, the escrow account closed), the poster's deposit and
		/// any bond are released, and the spend is taken off the project and the milestone:
		/// thirteen storage writes.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::cancel_task())]
		pub fn cancel_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let mut record = Self::task(task)?;
			let project = record.project;
			let by = Self::ensure_steward_or_governance(origin, project)?;
			if matches!(by, Actor::Steward(_)) {
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
		/// A steward of the project, or the project's governance. A task reopened after its
		/// due block (an expired claim) can be claimed again once it has a new one. The new due
		/// block must be in the future. Emits [`Event::TaskRescheduled`]. Fails with
		/// `TaskNotFound`, `NotSteward`, `DueInPast`.
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

			let old = core::mem::replace(&mut record.due, due);
			LiveDues::<T>::try_mutate(project, |dues| {
				pallet_projects::dues::remove(dues, &old);
				pallet_projects::dues::insert(dues, due).map_err(|_| Error::<T>::TooManyLiveTasks)
			})?;
			Tasks::<T>::insert(task, record);
			Self::deposit_event(Event::TaskRescheduled { task, project, by, old, new: due });
			Ok(())
		}
	}
}

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::tasks";
