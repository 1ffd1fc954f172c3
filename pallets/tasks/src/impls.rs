//! The state changes the calls share, what this pallet offers others, and its invariants.

use crate::{
	pallet::*,
	types::{Task, *},
	AssetIdOf, BalanceOf,
};
use codec::{Encode, MaxEncodedLen};
use commons_primitives::{
	traits::{OutstandingWork, ProjectsInterface, TaskLedger},
	Actor, BudgetAsset, Cid, ProjectId, TaskId,
};
use polkadot_sdk::{
	frame_support::{
		ensure,
		pallet_prelude::*,
		traits::{
			fungible::{self, Inspect as _, MutateHold as _},
			fungibles,
			tokens::{
				DepositConsequence, Fortitude, Precision, Preservation, Provenance, Restriction,
			},
			DefensiveOption,
		},
	},
	frame_system::{self, pallet_prelude::*},
	sp_runtime::{
		traits::{AccountIdConversion, Saturating, Zero},
		Perbill,
	},
};

impl<T: Config> Pallet<T> {
	/// The keyless account that holds a task's reward until it is paid or returned.
	pub fn escrow_account(task: TaskId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(task)
	}

	/// How many of the project's live tasks are past their due block.
	///
	/// Reads one item per distinct due block of the project's live tasks: for runtime APIs
	/// (off-chain), never for calls.
	pub fn overdue(project: ProjectId) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		Dues::<T>::iter_prefix(project)
			.filter(|(due, _)| *due < now)
			.fold(0u32, |sum, (_, count)| sum.saturating_add(count))
	}

	/// One task of `project` due at `due` is no longer live (or no longer due then).
	pub(crate) fn forget_due(project: ProjectId, due: BlockNumberFor<T>) {
		Dues::<T>::mutate_exists(project, due, |count| {
			*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
		});
	}

	/// The task, or `TaskNotFound`.
	pub(crate) fn task(task: TaskId) -> Result<Task<T>, DispatchError> {
		Tasks::<T>::get(task).ok_or_else(|| Error::<T>::TaskNotFound.into())
	}

	/// A steward of `project` by a signed call, or the project's governance origin.
	pub(crate) fn ensure_steward_or_governance(
		origin: OriginFor<T>,
		project: ProjectId,
	) -> Result<Actor<T::AccountId>, DispatchError> {
		commons_primitives::ensure_steward_or_governance::<T::Projects, T::GovernanceOrigin, _, _>(
			origin, project,
		)
	}

	/// 1 to `MaxReviewers` distinct reviewers, and approvals required between 1 and their number.
	pub(crate) fn ensure_valid_reviewers(
		reviewers: &[T::AccountId],
		approvals_required: u32,
	) -> DispatchResult {
		ensure!(!reviewers.is_empty(), Error::<T>::NoReviewers);
		for (i, reviewer) in reviewers.iter().enumerate() {
			ensure!(
				!reviewers.iter().skip(i.saturating_add(1)).any(|other| other == reviewer),
				Error::<T>::DuplicateReviewer
			);
		}
		let count = u32::try_from(reviewers.len()).unwrap_or(u32::MAX);
		ensure!((1..=count).contains(&approvals_required), Error::<T>::InvalidApprovals);
		Ok(())
	}

	/// The least a reward in `asset` of `project` may be: its asset's minimum balance.
	pub(crate) fn minimum_balance(
		project: ProjectId,
		asset: BudgetAsset,
	) -> Result<BalanceOf<T>, DispatchError> {
		Ok(match asset {
			BudgetAsset::Native => T::NativeBalance::minimum_balance(),
			BudgetAsset::ProjectCurrency => {
				<T::Assets as fungibles::Inspect<_>>::minimum_balance(Self::currency(project)?)
			},
		})
	}

	/// The currency of `project`, whose milestone budgets are in it: the projects pallet plans
	/// a budget in project currency only in a project that has one, so its absence is a broken
	/// invariant.
	pub(crate) fn currency(project: ProjectId) -> Result<AssetIdOf<T>, DispatchError> {
		T::Projects::currency(project).defensive_ok_or(DispatchError::Corruption)
	}

	/// The storage deposit of a task: a base plus a price per byte of its record at its largest
	/// (as posted, plus a claim and the longest evidence).
	pub(crate) fn task_deposit(task: &Task<T>) -> BalanceOf<T> {
		let largest = task
			.encoded_size()
			.saturating_add(Claim::<T>::max_encoded_len())
			.saturating_add(Cid::max_encoded_len());
		let bytes = u32::try_from(largest).unwrap_or(u32::MAX);
		T::TaskDepositBase::get()
			.saturating_add(T::DepositPerByte::get().saturating_mul(bytes.into()))
	}

	/// Moves a task to `status` and its project's live counters with it.
	pub(crate) fn set_status(record: &mut Task<T>, status: TaskStatus) {
		if record.status != status {
			TaskStats::<T>::mutate(record.project, |c| c.transition(record.status, status));
			record.status = status;
		}
	}

	/// Pays the reward from escrow to the worker, returns the bond, and settles the task.
	pub(crate) fn pay(task: TaskId, record: Task<T>) -> DispatchResult {
		// A submitted task has a worker: the task pallet's invariants say so.
		let claim = record.claim.clone().defensive_ok_or(DispatchError::Corruption)?;
		let escrow = Self::escrow_account(task);
		let (project, asset, reward) = (record.project, record.asset, record.reward);
		match asset {
			BudgetAsset::Native => {
				<T::NativeBalance as fungible::Mutate<_>>::transfer(
					&escrow,
					&claim.worker,
					reward,
					Preservation::Expendable,
				)?;
			},
			BudgetAsset::ProjectCurrency => {
				<T::Assets as fungibles::Mutate<_>>::transfer(
					Self::currency(project)?,
					&escrow,
					&claim.worker,
					reward,
					Preservation::Expendable,
				)?;
			},
		}
		Self::release_bond(&claim.worker, claim.bond);
		Self::settle(task, &record, &escrow, |counters| {
			counters.paid = counters.paid.saturating_add(1);
			let paid = match asset {
				BudgetAsset::Native => &mut counters.paid_native,
				BudgetAsset::ProjectCurrency => &mut counters.paid_currency,
			};
			*paid = paid.saturating_add(reward);
		});
		let evidence = record.evidence.clone().unwrap_or_default();
		let share = record.share;
		T::Ledger::task_paid(project, task, &claim.worker, asset, reward, share, &evidence);
		for reviewer in record.approvers() {
			T::Ledger::task_reviewed(project, task, reviewer, share, &evidence);
		}
		Self::deposit_event(Event::TaskPaid { task, project, worker: claim.worker, asset, reward });
		Ok(())
	}

	/// The submission was rejected (by a majority, or by every reviewer having spoken without
	/// enough approvals): back to the worker for a revision, or, past the limit, the task
	/// reopens and the bond goes to the project.
	pub(crate) fn send_back(
		task: TaskId,
		mut record: Task<T>,
		by: &T::AccountId,
	) -> DispatchResult {
		record.revisions = record.revisions.saturating_add(1);
		if record.revisions > T::MaxRevisions::get() {
			return Self::reopen(
				task,
				record,
				ReopenReason::RevisionsExhausted,
				Perbill::one(),
				by,
			);
		}
		let worker = record.worker().cloned().ok_or(Error::<T>::NotClaimed)?;
		record.evidence = None;
		record.approved = 0;
		record.rejected = 0;
		Self::set_status(&mut record, TaskStatus::Claimed);
		let (project, revision) = (record.project, record.revisions);
		Tasks::<T>::insert(task, record);
		Self::deposit_event(Event::RevisionRequested { task, project, worker, revision });
		Ok(())
	}

	/// Ends the claim on a task and reopens it; `share` of the bond is forfeited to the project.
	pub(crate) fn reopen(
		task: TaskId,
		mut record: Task<T>,
		reason: ReopenReason,
		share: Perbill,
		by: &T::AccountId,
	) -> DispatchResult {
		let claim = record.claim.take().ok_or(Error::<T>::NotClaimed)?;
		let project = record.project;
		let forfeited =
			Self::forfeit_bond(project, &claim.worker, claim.bond, share.mul_floor(claim.bond))?;
		record.evidence = None;
		record.approved = 0;
		record.rejected = 0;
		record.revisions = 0;
		Self::set_status(&mut record, TaskStatus::Open);
		if reason == ReopenReason::Expired {
			TaskStats::<T>::mutate(project, |c| c.expired = c.expired.saturating_add(1));
		}
		Tasks::<T>::insert(task, record);
		Self::deposit_event(Event::TaskReopened {
			task,
			project,
			worker: claim.worker,
			reason,
			forfeited,
			by: by.clone(),
		});
		Ok(())
	}

	/// Moves `forfeit` of a worker's bond to the project treasury and releases the rest. If the
	/// treasury cannot receive it (a sum below the existential deposit into an empty treasury),
	/// nothing is forfeited. Returns what was.
	fn forfeit_bond(
		project: ProjectId,
		worker: &T::AccountId,
		bond: BalanceOf<T>,
		forfeit: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let treasury = T::Projects::project_account(project);
		let mut forfeited = Zero::zero();
		if !forfeit.is_zero()
			&& T::NativeBalance::can_deposit(&treasury, forfeit, Provenance::Extant)
				== DepositConsequence::Success
		{
			forfeited = T::NativeBalance::transfer_on_hold(
				&HoldReason::ClaimBond.into(),
				worker,
				&treasury,
				forfeit,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		Self::release_bond(worker, bond.saturating_sub(forfeited));
		Ok(forfeited)
	}

	/// Releases a worker's bond; a shortfall (which the invariants rule out) is logged.
	pub(crate) fn release_bond(worker: &T::AccountId, amount: BalanceOf<T>) {
		Self::release(HoldReason::ClaimBond, worker, amount);
	}

	fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		commons_primitives::release_hold::<_, T::NativeBalance>(&reason.into(), who, amount);
	}

	/// Removes a paid or cancelled task whose escrow is empty: its due block leaves the
	/// project's live dues, its counters leave the live ones (then `book` adds the outcome), the
	/// poster's deposit returns, and the escrow account loses the provider it was given.
	pub(crate) fn settle(
		task: TaskId,
		record: &Task<T>,
		escrow: &T::AccountId,
		book: impl FnOnce(&mut TaskCounters<T>),
	) {
		let project = record.project;
		Tasks::<T>::remove(task);
		Self::forget_due(project, record.due);
		TaskStats::<T>::mutate(project, |counters| {
			let live = counters.of(record.status);
			*live = live.saturating_sub(1);
			let escrowed = counters.escrowed(record.asset);
			*escrowed = escrowed.saturating_sub(record.reward);
			book(counters);
		});
		Self::release(HoldReason::TaskDeposit, &record.poster, record.deposit);
		if frame_system::Pallet::<T>::dec_providers(escrow).is_err() {
			// Someone gave the escrow another asset; the account lingers with it.
			log::warn!(target: crate::LOG_TARGET, "escrow of task {task} keeps a consumer");
		}
	}

	/// Checks every invariant of the pallet's storage:
	///
	/// - ids: every task id is below [`NextTaskId`];
	/// - tasks: 1..=32 distinct reviewers, approvals required in range, never the worker; a
	///   claim exactly when claimed or submitted, evidence only when submitted; reviews only by
	///   listed reviewers, each at most once, and a submission still in review has fewer
	///   approvals than required;
	/// - escrow: each task's escrow account holds at least its reward (exactly, unless someone
	///   sent it more);
	/// - counters: the live counters and escrowed sums of each project equal a scan of its
	///   tasks, and [`Dues`] counts exactly their due blocks;
	/// - holds: what is held from each account under [`HoldReason::ClaimBond`] and
	///   [`HoldReason::TaskDeposit`] equals the bonds and deposits recorded for it.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use alloc::{collections::btree_map::BTreeMap, vec::Vec};
		use polkadot_sdk::frame_support::traits::fungible::InspectHold;

		let next_id = NextTaskId::<T>::get();
		let mut scans: BTreeMap<ProjectId, (TaskCounters<T>, Vec<BlockNumberFor<T>>)> =
			BTreeMap::new();
		let mut held: BTreeMap<(T::AccountId, bool), BalanceOf<T>> = BTreeMap::new();
		let mut add_held = |who: &T::AccountId, bond: bool, amount: BalanceOf<T>| {
			let entry = held.entry((who.clone(), bond)).or_insert_with(Zero::zero);
			*entry = entry.saturating_add(amount);
		};

		for (id, task) in Tasks::<T>::iter() {
			ensure!(id < next_id, "a task id at or above NextTaskId");
			Self::ensure_valid_reviewers(&task.reviewers, task.approvals_required)
				.map_err(|_| "invalid reviewers")?;
			let claimed = matches!(task.status, TaskStatus::Claimed | TaskStatus::Submitted);
			ensure!(task.claim.is_some() == claimed, "a claim without a claimed status");
			ensure!(
				task.evidence.is_none() || task.status == TaskStatus::Submitted,
				"evidence outside review"
			);
			if let Some(claim) = &task.claim {
				ensure!(task.reviewer_index(&claim.worker).is_none(), "a reviewer is the worker");
				add_held(&claim.worker, true, claim.bond);
			}
			let everyone = 1u64.checked_shl(task.reviewers.len() as u32).unwrap_or(0);
			let reviewed = u64::from(task.approved | task.rejected);
			ensure!(reviewed < everyone, "a review by no listed reviewer");
			ensure!(task.approved & task.rejected == 0, "a reviewer both approved and rejected");
			ensure!(
				task.status == TaskStatus::Submitted || reviewed == 0,
				"reviews of no submission"
			);
			ensure!(task.approvals() < task.approvals_required, "approved but not paid");
			ensure!(
				!task.rejected_by_majority() && !task.all_reviewed(),
				"rejected but not sent back"
			);

			let escrow = Self::escrow_account(id);
			let in_escrow = match task.asset {
				BudgetAsset::Native => T::NativeBalance::balance(&escrow),
				BudgetAsset::ProjectCurrency => {
					let asset = T::Projects::currency(task.project).ok_or("no currency")?;
					<T::Assets as fungibles::Inspect<_>>::balance(asset, &escrow)
				},
			};
			ensure!(in_escrow >= task.reward, "an escrow holds less than its task's reward");
			add_held(&task.poster, false, task.deposit);

			let (counters, dues) = scans.entry(task.project).or_default();
			let live = counters.of(task.status);
			*live = live.saturating_add(1);
			let escrowed = counters.escrowed(task.asset);
			*escrowed = escrowed.saturating_add(task.reward);
			dues.push(task.due);
		}

		for (project, counters) in TaskStats::<T>::iter() {
			let (scan, mut dues) = scans.remove(&project).unwrap_or_default();
			ensure!(counters.open == scan.open, "open counter differs from the tasks");
			ensure!(counters.claimed == scan.claimed, "claimed counter differs from the tasks");
			ensure!(counters.submitted == scan.submitted, "submitted counter differs");
			ensure!(counters.escrowed_native == scan.escrowed_native, "native escrow differs");
			ensure!(counters.escrowed_currency == scan.escrowed_currency, "escrow differs");
			let mut counted: Vec<_> = Dues::<T>::iter_prefix(project)
				.flat_map(|(due, count)| core::iter::repeat_n(due, count as usize))
				.collect();
			counted.sort();
			dues.sort();
			ensure!(counted == dues, "due counts differ from the tasks");
		}
		ensure!(scans.is_empty(), "tasks of a project without counters");
		for (project, _, count) in Dues::<T>::iter() {
			ensure!(count > 0, "a zero due count is stored");
			ensure!(
				TaskStats::<T>::contains_key(project),
				"due counts of a project without counters"
			);
		}

		for ((who, bond), recorded) in held {
			let reason = if bond { HoldReason::ClaimBond } else { HoldReason::TaskDeposit };
			let on_hold = T::NativeBalance::balance_on_hold(&reason.into(), &who);
			ensure!(on_hold == recorded, "held bonds or deposits differ from the recorded ones");
		}
		Ok(())
	}
}

/// The projects pallet may reap a project only when it has no live task.
impl<T: Config> OutstandingWork for Pallet<T> {
	fn outstanding(project: ProjectId) -> u32 {
		TaskStats::<T>::get(project).live()
	}
}
