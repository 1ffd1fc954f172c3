//! Benchmarks of every call, each in its worst case: the most reviewers, the longest CIDs, the
//! fullest list of live dues, rewards in the project currency (an asset transfer, dearer than a
//! native one), and for `review` each of its outcomes (payout, reopening with a forfeited
//! bond, and a review that decides nothing yet, to which the call refunds). A payout pays its
//! milestone's whole budget to a worker and reviewers who already stand: every one of their
//! standings moves to a later epoch, the most standing-end buckets a payout writes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::vec::Vec;
use commons_primitives::{
	traits::{ProjectMembership as _, ProjectsBenchmarkHelper as _, TaskLedger as _},
	Actor, BudgetAsset, Cid, MilestoneId, ProjectId, TaskId, MAX_CID_LEN,
};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{fungible::Mutate as _, EnsureOriginWithArg, Get},
		BoundedVec,
	},
	frame_system::{self, RawOrigin},
	sp_runtime::{traits::Saturating as _, Perbill},
};

const REWARD: u32 = 1_000;

fn fund<T: Config>(who: &T::AccountId) {
	use polkadot_sdk::frame_support::traits::fungible::Inspect;
	let plenty = T::NativeBalance::minimum_balance().saturating_mul(1_000_000_000u32.into());
	T::NativeBalance::set_balance(who, plenty);
}

fn filled(byte: u8) -> Cid {
	BoundedVec::try_from(alloc::vec![byte; MAX_CID_LEN as usize]).unwrap()
}

/// The most reviewers, each a steward of `project` (only members review).
fn all_reviewers<T: Config>(project: ProjectId) -> BoundedVec<T::AccountId, T::MaxReviewers> {
	let reviewers: Vec<T::AccountId> =
		(0..T::MaxReviewers::get()).map(|i| account("reviewer", i, 0)).collect();
	for reviewer in &reviewers {
		fund::<T>(reviewer);
		if !T::Membership::is_member(project, reviewer) {
			T::BenchmarkHelper::add_steward(project, reviewer);
		}
	}
	BoundedVec::try_from(reviewers).unwrap()
}

/// A funded project-currency milestone (room for a thousand rewards) and a steward.
fn setup<T: Config>() -> (T::AccountId, ProjectId, MilestoneId) {
	setup_with::<T>(BalanceOf::<T>::from(REWARD).saturating_mul(1_000u32.into()))
}

/// A funded project-currency milestone of `budget` and a steward.
fn setup_with<T: Config>(budget: BalanceOf<T>) -> (T::AccountId, ProjectId, MilestoneId) {
	let steward: T::AccountId = account("steward", 0, 0);
	let (project, milestone) =
		T::BenchmarkHelper::funded_milestone(&steward, BudgetAsset::ProjectCurrency, budget);
	(steward, project, milestone)
}

/// Posts a task with every reviewer required; returns its id.
fn post<T: Config>(steward: &T::AccountId, project: ProjectId, milestone: MilestoneId) -> TaskId {
	let id = NextTaskId::<T>::get();
	Pallet::<T>::post_task(
		RawOrigin::Signed(steward.clone()).into(),
		project,
		milestone,
		filled(b's'),
		REWARD.into(),
		frame_system::Pallet::<T>::block_number() + 100u32.into(),
		all_reviewers::<T>(project),
		T::MaxReviewers::get(),
	)
	.unwrap();
	id
}

/// A task claimed by a funded worker; returns (task, worker).
fn claimed<T: Config>() -> (TaskId, T::AccountId, ProjectId) {
	let (steward, project, milestone) = setup::<T>();
	let task = post::<T>(&steward, project, milestone);
	let worker: T::AccountId = account("worker", 0, 0);
	fund::<T>(&worker);
	Pallet::<T>::claim_task(RawOrigin::Signed(worker.clone()).into(), task).unwrap();
	(task, worker, project)
}

/// A claimed task with work submitted.
fn submitted<T: Config>() -> (TaskId, T::AccountId, ProjectId) {
	let (task, worker, project) = claimed::<T>();
	Pallet::<T>::submit_work(RawOrigin::Signed(worker.clone()).into(), task, filled(b'w')).unwrap();
	(task, worker, project)
}

/// A task whose reward is its milestone's whole budget, claimed and submitted by a worker who,
/// like every reviewer, already has a standing in the project: paying it moves every payee's
/// standing to a later epoch (two standing-end buckets each), the dearest payout there is.
fn submitted_worth_a_milestone<T: Config>() -> (TaskId, T::AccountId, ProjectId) {
	let (steward, project, milestone) = setup_with::<T>(REWARD.into());
	let task = post::<T>(&steward, project, milestone);
	let worker: T::AccountId = account("worker", 0, 0);
	fund::<T>(&worker);
	let earlier = u64::MAX;
	let half = Perbill::from_percent(50);
	T::Ledger::task_paid(
		project,
		earlier,
		&worker,
		BudgetAsset::ProjectCurrency,
		REWARD.into(),
		half,
		&filled(b'p'),
	);
	for i in 0..T::MaxReviewers::get() {
		T::Ledger::task_reviewed(project, earlier, &reviewer::<T>(i), half, &filled(b'r'));
	}
	Pallet::<T>::claim_task(RawOrigin::Signed(worker.clone()).into(), task).unwrap();
	Pallet::<T>::submit_work(RawOrigin::Signed(worker.clone()).into(), task, filled(b'w')).unwrap();
	(task, worker, project)
}

fn reviewer<T: Config>(i: u32) -> T::AccountId {
	account("reviewer", i, 0)
}

fn last_event<T: Config>(event: Event<T>) {
	let event: <T as frame_system::Config>::RuntimeEvent = event.into();
	frame_system::Pallet::<T>::assert_last_event(event);
}

#[benchmarks(where <T as frame_system::Config>::RuntimeEvent: From<Event<T>>)]
mod benchmarks {
	use super::*;

	/// `r` reviewers, each a member whose record is read.
	#[benchmark]
	fn post_task(r: Linear<1, { T::MaxReviewers::get() }>) {
		let (steward, project, milestone) = setup::<T>();
		let mut reviewers = all_reviewers::<T>(project);
		reviewers.truncate(r as usize);
		let due = frame_system::Pallet::<T>::block_number() + 100u32.into();
		let id = NextTaskId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(steward),
			project,
			milestone,
			filled(b's'),
			REWARD.into(),
			due,
			reviewers,
			r,
		);

		assert!(Tasks::<T>::contains_key(id));
		assert_eq!(Dues::<T>::get(project, due), 1);
	}

	#[benchmark]
	fn claim_task() {
		let (steward, project, milestone) = setup::<T>();
		let task = post::<T>(&steward, project, milestone);
		let worker: T::AccountId = whitelisted_caller();
		fund::<T>(&worker);

		#[extrinsic_call]
		_(RawOrigin::Signed(worker.clone()), task);

		last_event::<T>(Event::TaskClaimed { task, project, worker, bond: T::ClaimBond::get() });
	}

	#[benchmark]
	fn submit_work() {
		let (task, worker, project) = claimed::<T>();
		let evidence = filled(b'e');

		#[extrinsic_call]
		_(RawOrigin::Signed(worker.clone()), task, evidence.clone());

		last_event::<T>(Event::WorkSubmitted { task, project, worker, evidence, revision: 0 });
	}

	/// The `a`-th of `a` required approvals (of every reviewer there may be) pays: the worker
	/// and `a` reviewers are recorded in the ledger, each earning its whole milestone's share and
	/// moving a standing it already had.
	#[benchmark]
	fn review_and_pay(a: Linear<1, { T::MaxReviewers::get() }>) {
		let (task, worker, project) = submitted_worth_a_milestone::<T>();
		Tasks::<T>::mutate(task, |t| t.as_mut().unwrap().approvals_required = a);
		let last = a - 1;
		for i in 0..last {
			Pallet::<T>::review(
				RawOrigin::Signed(reviewer::<T>(i)).into(),
				task,
				true,
				filled(b'c'),
			)
			.unwrap();
		}

		#[extrinsic_call]
		review(RawOrigin::Signed(reviewer::<T>(last)), task, true, filled(b'c'));

		last_event::<T>(Event::TaskPaid {
			task,
			project,
			worker,
			asset: BudgetAsset::ProjectCurrency,
			reward: REWARD.into(),
		});
	}

	#[benchmark]
	fn review_and_reopen() {
		let (task, worker, project) = submitted::<T>();
		Tasks::<T>::mutate(task, |t| t.as_mut().unwrap().revisions = T::MaxRevisions::get());
		// A majority is more than half: the last of them decides.
		let majority = T::MaxReviewers::get() / 2 + 1;
		for i in 0..majority - 1 {
			Pallet::<T>::review(
				RawOrigin::Signed(reviewer::<T>(i)).into(),
				task,
				false,
				filled(b'c'),
			)
			.unwrap();
		}
		let decider = reviewer::<T>(majority - 1);

		#[extrinsic_call]
		review(RawOrigin::Signed(decider.clone()), task, false, filled(b'c'));

		last_event::<T>(Event::TaskReopened {
			task,
			project,
			worker,
			reason: ReopenReason::RevisionsExhausted,
			forfeited: T::ClaimBond::get(),
			by: decider,
		});
	}

	#[benchmark]
	fn unclaim() {
		let (task, worker, _) = submitted::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), task);

		assert_eq!(Tasks::<T>::get(task).unwrap().status, TaskStatus::Open);
	}

	#[benchmark]
	fn release_expired() {
		let (task, worker, project) = claimed::<T>();
		let due = Tasks::<T>::get(task).unwrap().due;
		frame_system::Pallet::<T>::set_block_number(due + T::Grace::get() + 1u32.into());
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), task);

		last_event::<T>(Event::TaskReopened {
			task,
			project,
			worker,
			reason: ReopenReason::Expired,
			forfeited: T::ClaimBond::get(),
			by: caller,
		});
	}

	#[benchmark]
	fn cancel_task() -> Result<(), BenchmarkError> {
		let (task, worker, project) = submitted::<T>();
		let origin = T::GovernanceOrigin::try_successful_origin(&project)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, task);

		last_event::<T>(Event::TaskCancelled {
			task,
			project,
			by: Actor::Governance,
			worker: Some(worker),
			refunded: REWARD.into(),
		});
		Ok(())
	}

	#[benchmark]
	fn review_and_record() {
		// Every reviewer's approval is required: the first decides nothing yet, and is recorded
		// in the ledger for a reviewer who has never contributed.
		let (task, _, project) = submitted::<T>();
		let first = reviewer::<T>(0);

		#[extrinsic_call]
		review(RawOrigin::Signed(first.clone()), task, true, filled(b'c'));

		last_event::<T>(Event::TaskReviewed {
			task,
			project,
			reviewer: first,
			approved: true,
			comment: filled(b'c'),
			approvals: 1,
			rejections: 0,
		});
		assert_eq!(Tasks::<T>::get(task).map(|t| t.status), Some(TaskStatus::Submitted));
	}

	#[benchmark]
	fn reschedule_task() {
		let (steward, project, milestone) = setup::<T>();
		let task = post::<T>(&steward, project, milestone);
		// Moves the task's due block from the front of the full list to its end.
		let due = frame_system::Pallet::<T>::block_number() + 20_000_000u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(steward), task, due);

		assert_eq!(Dues::<T>::get(project, due), 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder::build(), crate::mock::Test);
}
