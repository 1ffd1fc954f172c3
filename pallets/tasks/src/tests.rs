//! Unit tests: every call's effects and events, every error, the money flows, and random call
//! sequences against the invariants.

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{mock::*, Dues, Error, Event, NextTaskId, ReopenReason, TaskStats, TaskStatus};
use commons_primitives::{
	testing::SeededRng, traits::OutstandingWork, BudgetAsset, Cid, ProjectId, ProjectOrigin,
	ProjectStatus, TaskId,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{fungible::InspectHold, fungibles::Inspect as _},
	},
	sp_runtime::{ArithmeticError, DispatchError, Perbill, TokenError},
};

fn bond_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::ClaimBond.into(), &who)
}

fn deposit_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::TaskDeposit.into(), &who)
}

fn status(task: TaskId) -> TaskStatus {
	crate::Tasks::<Test>::get(task).expect("task exists").status
}

fn run_to(block: u64) {
	System::set_block_number(block);
}

#[docify::export]
#[test]
fn task_lifecycle() {
	ExtBuilder::build_and_execute(|| {
		// Alice's project funds a milestone of 1_000 in its currency; she posts a task of 300.
		let (project, milestone) = funded_project(1_000);
		let treasury = Projects::project_account(project);
		let task = post(project, milestone, 300);
		assert_eq!(escrow_balance(task, project, BudgetAsset::ProjectCurrency), 300);
		assert_eq!(Assets::balance(project, treasury), 700);
		assert!(deposit_held(ALICE) > 0);

		// Bob claims it (holding the bond) and submits his work.
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_eq!(bond_held(BOB), BOND);
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("work")));

		// Both reviewers approve: Bob is paid, his bond returns, the task is gone.
		assert_ok!(Tasks::review(RuntimeOrigin::signed(CHARLIE), task, true, cid("")));
		assert_eq!(status(task), TaskStatus::Submitted);
		assert_ok!(Tasks::review(RuntimeOrigin::signed(DAVE), task, true, cid("great")));
		assert_eq!(
			last_event(),
			Event::TaskPaid {
				task,
				project,
				worker: BOB,
				asset: BudgetAsset::ProjectCurrency,
				reward: 300
			}
		);
		assert_eq!(Assets::balance(project, BOB), 300);
		assert_eq!(escrow_balance(task, project, BudgetAsset::ProjectCurrency), 0);
		assert_eq!(bond_held(BOB), 0);
		assert_eq!(deposit_held(ALICE), 0);
		assert!(crate::Tasks::<Test>::get(task).is_none());
		assert!(!System::account_exists(&Tasks::escrow_account(task)));
		let counters = TaskStats::<Test>::get(project);
		assert_eq!((counters.paid, counters.live(), counters.paid_currency), (1, 0, 300));
		// The work and both approving reviews earn, once, in proportion to the 30% of the
		// milestone's budget the task paid.
		let share = Perbill::from_percent(30);
		assert_eq!(
			ledger(),
			vec![
				LedgerEntry::Paid { project, task, worker: BOB, reward: 300, share },
				LedgerEntry::Reviewed { project, task, reviewer: CHARLIE, share },
				LedgerEntry::Reviewed { project, task, reviewer: DAVE, share },
			]
		);
	});
}

#[test]
fn post_task_escrows_and_counts() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 250);
		let record = crate::Tasks::<Test>::get(task).unwrap();
		assert_eq!(
			last_event(),
			Event::TaskPosted {
				task,
				project,
				milestone,
				poster: ALICE,
				spec: cid("spec"),
				asset: BudgetAsset::ProjectCurrency,
				reward: 250,
				due: 100,
				reviewers: reviewers(&[CHARLIE, DAVE]),
				approvals_required: 2,
				escrow: Tasks::escrow_account(task),
				deposit: record.deposit,
			}
		);
		let largest = codec::Encode::encoded_size(&record)
			+ <crate::Claim<Test> as codec::MaxEncodedLen>::max_encoded_len()
			+ <Cid as codec::MaxEncodedLen>::max_encoded_len();
		assert_eq!(record.deposit, 40 + largest as u64);
		let counters = TaskStats::<Test>::get(project);
		assert_eq!((counters.open, counters.escrowed_currency), (1, 250));
		assert_eq!(dues(project), vec![(100, 1)]);
		// The milestone's budget is spent by the reward.
		let milestone_record =
			pallet_projects::Milestones::<Test>::get(project, milestone).unwrap();
		assert_eq!(milestone_record.spent, 250);
		// The project has outstanding work and cannot be reaped.
		assert_eq!(<Tasks as OutstandingWork>::outstanding(project), 1);
	});
}

#[test]
fn native_rewards_are_escrowed_and_paid() {
	ExtBuilder::build_and_execute(|| {
		let (project, _) = funded_project(1_000);
		let milestone = add_funded_milestone(project, BudgetAsset::Native, 500);
		let task = post(project, milestone, 200);
		assert_eq!(escrow_balance(task, project, BudgetAsset::Native), 200);
		let bob_before = Balances::free_balance(BOB);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("work")));
		assert_ok!(Tasks::review(RuntimeOrigin::signed(CHARLIE), task, true, cid("")));
		assert_ok!(Tasks::review(RuntimeOrigin::signed(DAVE), task, true, cid("")));
		assert_eq!(Balances::free_balance(BOB), bob_before + 200);
		assert!(!System::account_exists(&Tasks::escrow_account(task)));
		assert_eq!(TaskStats::<Test>::get(project).paid_native, 200);
	});
}

#[test]
fn post_task_errors() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let post_as = |who: AccountId,
		               project: u32,
		               milestone: u32,
		               spec: &str,
		               reward: Balance,
		               due: u64,
		               revs: &[AccountId],
		               required: u32| {
			Tasks::post_task(
				RuntimeOrigin::signed(who),
				project,
				milestone,
				cid(spec),
				reward,
				due,
				reviewers(revs),
				required,
			)
		};
		let cd = [CHARLIE, DAVE];
		assert_noop!(
			post_as(ALICE, 9, 0, "s", 10, 100, &cd, 1),
			pallet_projects::Error::<Test>::ProjectNotFound
		);
		assert_noop!(
			post_as(BOB, project, milestone, "s", 10, 100, &cd, 1),
			pallet_projects::Error::<Test>::NotSteward
		);
		assert_noop!(
			post_as(ALICE, project, milestone, "", 10, 100, &cd, 1),
			Error::<Test>::EmptyCid
		);
		assert_noop!(
			post_as(ALICE, project, milestone, "s", 10, 1, &cd, 1),
			Error::<Test>::DueInPast
		);
		assert_noop!(
			post_as(ALICE, project, milestone, "s", 10, 100, &[], 1),
			Error::<Test>::NoReviewers
		);
		assert_noop!(
			post_as(ALICE, project, milestone, "s", 10, 100, &[CHARLIE, CHARLIE], 1),
			Error::<Test>::DuplicateReviewer
		);
		assert_noop!(
			post_as(ALICE, project, milestone, "s", 10, 100, &cd, 0),
			Error::<Test>::InvalidApprovals
		);
		assert_noop!(
			post_as(ALICE, project, milestone, "s", 10, 100, &cd, 3),
			Error::<Test>::InvalidApprovals
		);
		assert_noop!(
			post_as(ALICE, project, 7, "s", 10, 100, &cd, 1),
			pallet_projects::Error::<Test>::MilestoneNotFound
		);
		// The currency's minimum balance is 5.
		assert_noop!(
			post_as(ALICE, project, milestone, "s", 4, 100, &cd, 1),
			Error::<Test>::RewardBelowMinimum
		);
		// More than the budget left.
		assert_noop!(
			post_as(ALICE, project, milestone, "s", 1_001, 100, &cd, 1),
			pallet_projects::Error::<Test>::BudgetExceeded
		);
		// A milestone not yet funded.
		assert_ok!(Projects::add_milestone(
			RuntimeOrigin::signed(ALICE),
			project,
			cid("later"),
			BudgetAsset::ProjectCurrency,
			100,
			500
		));
		assert_noop!(
			post_as(ALICE, project, milestone + 1, "s", 10, 100, &cd, 1),
			pallet_projects::Error::<Test>::MilestoneNotFunded
		);
		// The poster cannot pay the deposit.
		assert_ok!(Projects::add_steward(RuntimeOrigin::root(), project, POOR));
		assert_noop!(
			post_as(POOR, project, milestone, "s", 10, 100, &cd, 1),
			TokenError::FundsUnavailable
		);
		// Live tasks have no count limit but their deposits (the scale test posts 1 000).
		for _ in 0..6 {
			post(project, milestone, 10);
		}
		// Ids cannot overflow.
		NextTaskId::<Test>::put(u64::MAX);
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			post_as(ALICE, project, milestone, "s", 10, 100, &cd, 1),
			ArithmeticError::Overflow
		);
		NextTaskId::<Test>::put(7);
		// A paused project takes no tasks.
		assert_ok!(Projects::set_status(RuntimeOrigin::root(), project, ProjectStatus::Paused));
		assert_noop!(
			post_as(ALICE, project, milestone, "s", 10, 100, &cd, 1),
			pallet_projects::Error::<Test>::ProjectNotActive
		);
	});
}

#[test]
#[cfg_attr(debug_assertions, should_panic(expected = "Defensive failure"))]
fn no_currency_is_refused_defensively() {
	ExtBuilder::build_and_execute(|| {
		// A project without a currency, whose storage claims a currency budget (which the
		// projects pallet never allows): the task is refused, not paid in nothing.
		assert_ok!(Projects::create_project(
			RuntimeOrigin::signed(ALICE),
			polkadot_sdk::frame_support::BoundedVec::try_from(b"No coin".to_vec()).unwrap(),
			cid("plan"),
			None,
		));
		assert_ok!(Projects::add_milestone(
			RuntimeOrigin::signed(ALICE),
			0,
			cid("m"),
			BudgetAsset::Native,
			100,
			500
		));
		pallet_projects::Milestones::<Test>::mutate(0, 0, |m| {
			m.as_mut().unwrap().asset = BudgetAsset::ProjectCurrency
		});
		assert_noop!(
			Tasks::post_task(
				RuntimeOrigin::signed(ALICE),
				0,
				0,
				cid("s"),
				10,
				100,
				reviewers(&[CHARLIE]),
				1
			),
			DispatchError::Corruption
		);
		// Put it back so the projects invariants hold.
		pallet_projects::Milestones::<Test>::mutate(0, 0, |m| {
			m.as_mut().unwrap().asset = BudgetAsset::Native
		});
	});
}

#[test]
fn claim_task_errors() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 100);
		assert_noop!(Tasks::claim_task(RuntimeOrigin::signed(BOB), 9), Error::<Test>::TaskNotFound);
		assert_noop!(
			Tasks::claim_task(RuntimeOrigin::signed(CHARLIE), task),
			Error::<Test>::ReviewerCannotClaim
		);
		assert_noop!(
			Tasks::claim_task(RuntimeOrigin::signed(POOR), task),
			TokenError::FundsUnavailable
		);
		run_to(101);
		assert_noop!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task), Error::<Test>::PastDue);
		run_to(100);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_eq!(last_event(), Event::TaskClaimed { task, project, worker: BOB, bond: BOND });
		assert_noop!(Tasks::claim_task(RuntimeOrigin::signed(EVE), task), Error::<Test>::NotOpen);
	});
}

#[test]
fn submit_work_errors() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 100);
		assert_noop!(
			Tasks::submit_work(RuntimeOrigin::signed(BOB), 9, cid("w")),
			Error::<Test>::TaskNotFound
		);
		assert_noop!(
			Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")),
			Error::<Test>::NotClaimed
		);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_noop!(
			Tasks::submit_work(RuntimeOrigin::signed(EVE), task, cid("w")),
			Error::<Test>::NotWorker
		);
		assert_noop!(
			Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("")),
			Error::<Test>::EmptyCid
		);
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")));
		assert_eq!(
			last_event(),
			Event::WorkSubmitted { task, project, worker: BOB, evidence: cid("w"), revision: 0 }
		);
		// A resubmission clears the reviews so far, and counts as a revision.
		assert_ok!(Tasks::review(RuntimeOrigin::signed(CHARLIE), task, true, cid("")));
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w2")));
		let record = crate::Tasks::<Test>::get(task).unwrap();
		assert_eq!((record.approved, record.evidence), (0, Some(cid("w2"))));
		assert_eq!(record.revisions, 1);
		assert_eq!(TaskStats::<Test>::get(project).submitted, 1);
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w3")));
		assert_noop!(
			Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w4")),
			Error::<Test>::NoRevisionsLeft
		);
	});
}

#[test]
fn review_errors() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 100);
		let review = |who, approve, comment| {
			Tasks::review(RuntimeOrigin::signed(who), task, approve, cid(comment))
		};
		assert_noop!(
			Tasks::review(RuntimeOrigin::signed(CHARLIE), 9, true, cid("")),
			Error::<Test>::TaskNotFound
		);
		assert_noop!(review(CHARLIE, true, ""), Error::<Test>::NotSubmitted);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_noop!(review(CHARLIE, true, ""), Error::<Test>::NotSubmitted);
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")));
		assert_noop!(review(EVE, true, ""), Error::<Test>::NotReviewer);
		assert_noop!(review(BOB, true, ""), Error::<Test>::NotReviewer);
		assert_noop!(review(CHARLIE, false, ""), Error::<Test>::EmptyCid);
		assert_ok!(review(CHARLIE, true, ""));
		assert_eq!(
			last_event(),
			Event::TaskReviewed {
				task,
				project,
				reviewer: CHARLIE,
				approved: true,
				comment: cid(""),
				approvals: 1,
				rejections: 0
			}
		);
		assert_noop!(review(CHARLIE, false, "changed my mind"), Error::<Test>::AlreadyReviewed);
	});
}

#[test]
fn majority_rejection_asks_for_revision_then_reopens() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let treasury = Projects::project_account(project);
		let task = post(project, milestone, 100);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		// Two reviewers: one rejection is not a majority, two are.
		for revision in 1..=MAX_REVISIONS {
			assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")));
			assert_ok!(Tasks::review(RuntimeOrigin::signed(CHARLIE), task, false, cid("no")));
			assert_eq!(status(task), TaskStatus::Submitted);
			assert_ok!(Tasks::review(RuntimeOrigin::signed(DAVE), task, false, cid("no")));
			assert_eq!(
				last_event(),
				Event::RevisionRequested { task, project, worker: BOB, revision }
			);
			assert_eq!(status(task), TaskStatus::Claimed);
		}
		// One rejection too many: the task reopens and the bond goes to the project.
		let treasury_before = Balances::free_balance(treasury);
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")));
		assert_ok!(Tasks::review(RuntimeOrigin::signed(CHARLIE), task, false, cid("no")));
		assert_ok!(Tasks::review(RuntimeOrigin::signed(DAVE), task, false, cid("no")));
		assert_eq!(
			last_event(),
			Event::TaskReopened {
				task,
				project,
				worker: BOB,
				reason: ReopenReason::RevisionsExhausted,
				forfeited: BOND,
				by: DAVE
			}
		);
		assert_eq!(status(task), TaskStatus::Open);
		assert_eq!(Balances::free_balance(treasury), treasury_before + BOND);
		assert_eq!(bond_held(BOB), 0);
		// Someone else may now claim it, with a fresh count of revisions.
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(EVE), task));
		assert_eq!(crate::Tasks::<Test>::get(task).unwrap().revisions, 0);
	});
}

#[test]
fn unclaim_forfeits_a_share_of_the_bond() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let treasury = Projects::project_account(project);
		let task = post(project, milestone, 100);
		assert_noop!(Tasks::unclaim(RuntimeOrigin::signed(BOB), 9), Error::<Test>::TaskNotFound);
		assert_noop!(Tasks::unclaim(RuntimeOrigin::signed(BOB), task), Error::<Test>::NotClaimed);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_noop!(Tasks::unclaim(RuntimeOrigin::signed(EVE), task), Error::<Test>::NotWorker);
		let (bob_before, treasury_before) =
			(Balances::free_balance(BOB), Balances::free_balance(treasury));
		assert_ok!(Tasks::unclaim(RuntimeOrigin::signed(BOB), task));
		assert_eq!(
			last_event(),
			Event::TaskReopened {
				task,
				project,
				worker: BOB,
				reason: ReopenReason::Unclaimed,
				forfeited: 20,
				by: BOB
			}
		);
		assert_eq!(Balances::free_balance(BOB), bob_before + BOND - 20);
		assert_eq!(Balances::free_balance(treasury), treasury_before + 20);
		assert_eq!(status(task), TaskStatus::Open);
	});
}

#[test]
fn anyone_releases_an_expired_claim() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let treasury = Projects::project_account(project);
		let task = post(project, milestone, 100);
		assert_noop!(
			Tasks::release_expired(RuntimeOrigin::signed(EVE), 9),
			Error::<Test>::TaskNotFound
		);
		assert_noop!(
			Tasks::release_expired(RuntimeOrigin::signed(EVE), task),
			Error::<Test>::NotClaimed
		);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		run_to(100 + GRACE);
		assert_noop!(
			Tasks::release_expired(RuntimeOrigin::signed(EVE), task),
			Error::<Test>::NotExpired
		);
		assert_eq!(Tasks::overdue(project), 1);
		run_to(101 + GRACE);
		let treasury_before = Balances::free_balance(treasury);
		assert_ok!(Tasks::release_expired(RuntimeOrigin::signed(EVE), task));
		assert_eq!(
			last_event(),
			Event::TaskReopened {
				task,
				project,
				worker: BOB,
				reason: ReopenReason::Expired,
				forfeited: BOND,
				by: EVE
			}
		);
		assert_eq!(Balances::free_balance(treasury), treasury_before + BOND);
		assert_eq!(TaskStats::<Test>::get(project).expired, 1);
		// Work in review is not released: the reviewers are late, not the worker.
		let second = post_due(project, milestone, 200);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), second));
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), second, cid("w")));
		run_to(500);
		assert_noop!(
			Tasks::release_expired(RuntimeOrigin::signed(EVE), second),
			Error::<Test>::NotClaimed
		);
	});
}

#[test]
fn an_expired_task_is_rescheduled_and_claimed_again() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 100);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		run_to(101 + GRACE);
		assert_ok!(Tasks::release_expired(RuntimeOrigin::signed(EVE), task));
		// Past its due block nobody can claim it ...
		assert_noop!(Tasks::claim_task(RuntimeOrigin::signed(EVE), task), Error::<Test>::PastDue);
		assert_noop!(
			Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), 9, 500),
			Error::<Test>::TaskNotFound
		);
		assert_noop!(
			Tasks::reschedule_task(RuntimeOrigin::signed(BOB), task, 500),
			pallet_projects::Error::<Test>::NotSteward
		);
		assert_noop!(
			Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), task, 101 + GRACE),
			Error::<Test>::DueInPast
		);
		// ... until a steward gives it a new one.
		assert_ok!(Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), task, 500));
		assert_eq!(
			last_event(),
			Event::TaskRescheduled {
				task,
				project,
				by: commons_primitives::Actor::Steward(ALICE),
				old: 100,
				new: 500
			}
		);
		assert_eq!(dues(project), vec![(500, 1)]);
		assert_eq!(Tasks::overdue(project), 0);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(EVE), task));
		// The project's governance may reschedule too (a claimed task only later).
		assert_ok!(Tasks::reschedule_task(RuntimeOrigin::root(), task, 600));
		assert_eq!(dues(project), vec![(600, 1)]);
	});
}

#[test]
fn a_split_verdict_goes_back_for_revision() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		// Three reviewers, all three must approve: one rejection is not a majority, but once
		// everyone has spoken the work cannot pass as it is.
		let task = NextTaskId::<Test>::get();
		assert_ok!(Tasks::post_task(
			RuntimeOrigin::signed(ALICE),
			project,
			milestone,
			cid("spec"),
			100,
			100,
			reviewers(&[CHARLIE, DAVE, EVE]),
			3,
		));
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")));
		assert_ok!(Tasks::review(RuntimeOrigin::signed(CHARLIE), task, true, cid("")));
		assert_ok!(Tasks::review(RuntimeOrigin::signed(DAVE), task, false, cid("fix it")));
		assert_eq!(status(task), TaskStatus::Submitted);
		assert_ok!(Tasks::review(RuntimeOrigin::signed(EVE), task, true, cid("")));
		assert_eq!(
			last_event(),
			Event::RevisionRequested { task, project, worker: BOB, revision: 1 }
		);
		assert_eq!(status(task), TaskStatus::Claimed);
	});
}

#[test]
fn a_review_is_refunded_to_the_outcome_it_took() {
	use crate::WeightInfo;
	ExtBuilder::build_and_execute(|| {
		let declared = <() as WeightInfo>::review_and_pay(5)
			.max(<() as WeightInfo>::review_and_reopen())
			.max(<() as WeightInfo>::review_and_record());
		let charged = |who, task, approve, comment| {
			let post = Tasks::review(RuntimeOrigin::signed(who), task, approve, cid(comment))
				.expect("the review is taken");
			assert!(post.actual_weight.is_some_and(|w| w.all_lte(declared)));
			post.actual_weight
		};
		let (project, milestone) = funded_project(1_000);

		// Two reviewers, both required: the first approval decides nothing and pays the least.
		let task = post(project, milestone, 100);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")));
		let record = charged(CHARLIE, task, true, "");
		assert_eq!(record, Some(<() as WeightInfo>::review_and_record()));
		assert!(record.is_some_and(|w| w.ref_time() < declared.ref_time()));
		// A rejection by the other is a split verdict: a revision, charged as a reopening.
		assert_eq!(charged(DAVE, task, false, "no"), Some(<() as WeightInfo>::review_and_reopen()));
		assert_eq!(status(task), TaskStatus::Claimed);

		// Approved by both: the payout is charged.
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w2")));
		assert_eq!(charged(CHARLIE, task, true, ""), Some(<() as WeightInfo>::review_and_record()));
		assert_eq!(charged(DAVE, task, true, ""), Some(<() as WeightInfo>::review_and_pay(2)));
		assert!(crate::Tasks::<Test>::get(task).is_none());
	});
}

fn post_due(project: u32, milestone: u32, due: u64) -> TaskId {
	let id = NextTaskId::<Test>::get();
	assert_ok!(Tasks::post_task(
		RuntimeOrigin::signed(ALICE),
		project,
		milestone,
		cid("spec"),
		10,
		due,
		reviewers(&[CHARLIE, DAVE]),
		2,
	));
	id
}

/// The project's due counts, by due block.
fn dues(project: ProjectId) -> Vec<(u64, u32)> {
	let mut dues: Vec<_> = Dues::<Test>::iter_prefix(project).collect();
	dues.sort();
	dues
}

#[test]
fn overdue_counts_live_tasks_past_due() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let a = post_due(project, milestone, 30);
		post_due(project, milestone, 10);
		post_due(project, milestone, 20);
		post_due(project, milestone, 20);
		assert_eq!(dues(project), vec![(10, 1), (20, 2), (30, 1)]);
		run_to(20);
		assert_eq!(Tasks::overdue(project), 1);
		run_to(21);
		assert_eq!(Tasks::overdue(project), 3);
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(ALICE), 2));
		assert_eq!(Tasks::overdue(project), 2);
		run_to(31);
		assert_eq!(Tasks::overdue(project), 3);
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(ALICE), a));
		assert_eq!(dues(project), vec![(10, 1), (20, 1)]);
	});
}

#[test]
fn cancel_task_returns_escrow() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let treasury = Projects::project_account(project);
		let task = post(project, milestone, 300);
		assert_noop!(
			Tasks::cancel_task(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::TaskNotFound
		);
		assert_noop!(
			Tasks::cancel_task(RuntimeOrigin::signed(BOB), task),
			pallet_projects::Error::<Test>::NotSteward
		);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_noop!(
			Tasks::cancel_task(RuntimeOrigin::signed(ALICE), task),
			Error::<Test>::StewardMayCancelOnlyOpen
		);
		// Governance may cancel a claimed task; Bob's bond is released in full.
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::root(), task));
		assert_eq!(
			last_event(),
			Event::TaskCancelled {
				task,
				project,
				by: commons_primitives::Actor::Governance,
				worker: Some(BOB),
				refunded: 300
			}
		);
		assert_eq!(bond_held(BOB), 0);
		assert_eq!(Assets::balance(project, treasury), 1_000);
		assert_eq!(deposit_held(ALICE), 0);
		assert!(!System::account_exists(&Tasks::escrow_account(task)));
		let milestone_record =
			pallet_projects::Milestones::<Test>::get(project, milestone).unwrap();
		assert_eq!(milestone_record.spent, 0);
		let counters = TaskStats::<Test>::get(project);
		assert_eq!((counters.cancelled, counters.live(), counters.escrowed_currency), (1, 0, 0));
		// The project's own origin counts as its governance too.
		let second = post(project, milestone, 100);
		assert_ok!(Tasks::cancel_task(ProjectOrigin::Project(project).into(), second));
	});
}

#[test]
fn a_project_with_live_tasks_cannot_be_reaped() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 300);
		assert_ok!(Projects::set_status(RuntimeOrigin::root(), project, ProjectStatus::Cancelled));
		assert_noop!(
			Projects::reap_project(RuntimeOrigin::signed(EVE), project),
			pallet_projects::Error::<Test>::OutstandingWork
		);
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::root(), task));
		assert_ok!(Projects::reap_project(RuntimeOrigin::signed(EVE), project));
	});
}

#[test]
fn a_cancelled_milestone_burns_what_its_tasks_return() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 300);
		// The unspent 700 are burned at once; the 300 in escrow when the task is cancelled.
		assert_ok!(Projects::cancel_milestone(RuntimeOrigin::root(), project, milestone));
		assert_eq!(Assets::total_issuance(project), 300);
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::root(), task));
		assert_eq!(Assets::total_issuance(project), 0);
	});
}

#[test]
fn unsigned_origins_are_refused() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 300);
		assert_noop!(Tasks::claim_task(RuntimeOrigin::none(), task), DispatchError::BadOrigin);
		assert_noop!(Tasks::cancel_task(RuntimeOrigin::none(), task), DispatchError::BadOrigin);
		// Another project's origin is not this project's governance.
		assert_noop!(
			Tasks::cancel_task(ProjectOrigin::Project(project + 1).into(), task),
			DispatchError::BadOrigin
		);
	});
}

/// Random sequences of calls from random accounts with random arguments; after every step the
/// invariants of both pallets hold, and every kind of call succeeds somewhere in the run.
#[test]
fn random_call_sequences_keep_the_invariants() {
	use std::collections::BTreeSet;
	let mut succeeded = BTreeSet::new();
	for seed in 0..150u64 {
		let mut rng = SeededRng::new(seed);
		ExtBuilder::build().execute_with(|| {
			let (project, milestone) = funded_project(100_000);
			let native = add_funded_milestone(project, BudgetAsset::Native, 50_000);
			for step in 0..80u64 {
				run_to(1 + step * 3);
				let anyone = *rng.pick(&[ALICE, BOB, CHARLIE, DAVE, EVE, POOR]).unwrap();
				// Mostly a live task, and mostly the account that may act on it, so that every
				// path is reached; sometimes anything at all, so that every refusal is too.
				let live: Vec<TaskId> = crate::Tasks::<Test>::iter_keys().collect();
				let task = match rng.pick(&live) {
					Some(id) if rng.chance(80) => *id,
					_ => rng.below(NextTaskId::<Test>::get() + 1),
				};
				let record = crate::Tasks::<Test>::get(task);
				let worker = record.as_ref().and_then(|t| t.worker().copied());
				let reviewer = record.as_ref().and_then(|t| rng.pick(&t.reviewers).copied());
				let steward = if rng.chance(50) { ALICE } else { anyone };
				let (kind, result) = match rng.below(9) {
					0 | 1 => {
						let who = steward;
						let budget = if rng.below(2) == 0 { milestone } else { native };
						let revs: Vec<AccountId> = [CHARLIE, DAVE, EVE, BOB]
							.into_iter()
							.filter(|_| rng.below(2) == 0)
							.collect();
						let required = rng.below(revs.len() as u64 + 1) as u32;
						(
							"post",
							Tasks::post_task(
								RuntimeOrigin::signed(who),
								project,
								budget,
								cid("spec"),
								10 + rng.below(3_000),
								2 + step * 3 + rng.below(60),
								reviewers(&revs),
								required,
							),
						)
					},
					2 => ("claim", Tasks::claim_task(RuntimeOrigin::signed(anyone), task)),
					3 => {
						let who = worker.filter(|_| rng.chance(70)).unwrap_or(anyone);
						("submit", Tasks::submit_work(RuntimeOrigin::signed(who), task, cid("w")))
					},
					4 => {
						let who = reviewer.filter(|_| rng.chance(70)).unwrap_or(anyone);
						let approve = rng.below(3) != 0;
						let comment = if rng.below(4) == 0 { "" } else { "c" };
						(
							"review",
							Tasks::review(RuntimeOrigin::signed(who), task, approve, cid(comment))
								.map(drop)
								.map_err(|e| e.error),
						)
					},
					5 => {
						let who = worker.filter(|_| rng.chance(50)).unwrap_or(anyone);
						("unclaim", Tasks::unclaim(RuntimeOrigin::signed(who), task))
					},
					6 => ("release", Tasks::release_expired(RuntimeOrigin::signed(anyone), task)),
					7 => {
						let due = 2 + step * 3 + rng.below(60);
						(
							"reschedule",
							Tasks::reschedule_task(RuntimeOrigin::signed(steward), task, due),
						)
					},
					_ => {
						let origin = if rng.below(3) == 0 {
							RuntimeOrigin::root()
						} else {
							RuntimeOrigin::signed(steward)
						};
						("cancel", Tasks::cancel_task(origin, task))
					},
				};
				if result.is_ok() {
					succeeded.insert(kind);
				}
				check_invariants();
			}
		});
	}
	for kind in ["post", "claim", "submit", "review", "unclaim", "release", "reschedule", "cancel"]
	{
		assert!(succeeded.contains(kind), "no {kind} succeeded in any run");
	}
}

/// Attack: a steward posts a task, claims it and has a puppet approve it, paying the budget to
/// themselves. The poster can neither claim nor review its own task, and reviewers must be
/// members (a puppet earns no standing alone).
#[test]
fn a_poster_cannot_pay_itself() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 100);
		assert_noop!(
			Tasks::claim_task(RuntimeOrigin::signed(ALICE), task),
			Error::<Test>::PosterCannotClaim
		);
		let post_with = |reviewers_: &[AccountId]| {
			Tasks::post_task(
				RuntimeOrigin::signed(ALICE),
				project,
				milestone,
				cid("spec"),
				100,
				100,
				reviewers(reviewers_),
				1,
			)
		};
		assert_noop!(post_with(&[ALICE, CHARLIE]), Error::<Test>::PosterCannotReview);
		let puppet = 42;
		make_outsider(puppet);
		assert_noop!(post_with(&[puppet]), Error::<Test>::ReviewerNotMember);
		assert_ok!(post_with(&[CHARLIE]));
	});
}

/// Attack: reviewers farm reputation by reviewing, rejecting, and reviewing resubmissions. Only
/// the approving reviews of the paid submission earn, once each, scaled by the task's share of
/// its milestone's budget; every resubmission is a revision.
#[test]
fn reviews_earn_once_and_only_when_they_agree_with_the_outcome() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 50);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		for round in 0..MAX_REVISIONS {
			assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")));
			assert_ok!(Tasks::review(RuntimeOrigin::signed(CHARLIE), task, false, cid("no")));
			assert_ok!(Tasks::review(RuntimeOrigin::signed(DAVE), task, true, cid("")));
			assert_eq!(crate::Tasks::<Test>::get(task).unwrap().revisions, round + 1);
		}
		assert!(ledger().is_empty(), "no review earned before the outcome");
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")));
		assert_ok!(Tasks::review(RuntimeOrigin::signed(CHARLIE), task, true, cid("")));
		assert_ok!(Tasks::review(RuntimeOrigin::signed(DAVE), task, true, cid("")));
		let share = Perbill::from_percent(5);
		assert_eq!(
			ledger(),
			vec![
				LedgerEntry::Paid { project, task, worker: BOB, reward: 50, share },
				LedgerEntry::Reviewed { project, task, reviewer: CHARLIE, share },
				LedgerEntry::Reviewed { project, task, reviewer: DAVE, share },
			]
		);
	});
}

/// Attack: a steward pulls a claimed task's due block to the next block, waits out the grace
/// period and confiscates the honest worker's bond. A claimed task's due block only moves later.
#[test]
fn a_claimed_task_is_never_rescheduled_earlier() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 100);
		// An open task may move either way.
		assert_ok!(Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), task, 50));
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_noop!(
			Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), task, 2),
			Error::<Test>::DueEarlier
		);
		assert_noop!(
			Tasks::reschedule_task(RuntimeOrigin::root(), task, 49),
			Error::<Test>::DueEarlier
		);
		assert_ok!(Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), task, 80));
		run_to(80 + GRACE);
		assert_noop!(
			Tasks::release_expired(RuntimeOrigin::signed(EVE), task),
			Error::<Test>::NotExpired
		);
	});
}

/// A completed project can hold no poll: its stewards settle any task it left behind, whatever
/// its stage, and the worker's bond returns in full.
#[test]
fn a_final_projects_stewards_settle_its_tasks() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 100);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		assert_ok!(Tasks::submit_work(RuntimeOrigin::signed(BOB), task, cid("w")));
		assert_noop!(
			Tasks::cancel_task(RuntimeOrigin::signed(ALICE), task),
			Error::<Test>::StewardMayCancelOnlyOpen
		);
		assert_ok!(Projects::set_status(
			RuntimeOrigin::root(),
			project,
			commons_primitives::ProjectStatus::Completed
		));
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(ALICE), task));
		assert_eq!(bond_held(BOB), 0);
		assert!(crate::Tasks::<Test>::get(task).is_none());
	});
}

/// No steward keeps a claim alive for ever: a claimed task's due block moves at most
/// `MaxDueExtension` blocks past its claim by a steward's hand (the community may give more), so
/// a squatted task is released once that and the grace period pass.
#[test]
fn a_steward_cannot_keep_a_claim_alive_for_ever() {
	ExtBuilder::build_and_execute(|| {
		let (project, milestone) = funded_project(1_000);
		let task = post(project, milestone, 100);
		run_to(10);
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(BOB), task));
		// Claimed at block 10: a steward may move the due block up to 10 + MAX_EXTENSION.
		assert_noop!(
			Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), task, 10 + MAX_EXTENSION + 1),
			Error::<Test>::ExtensionTooLong
		);
		assert_ok!(Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), task, 10 + MAX_EXTENSION));
		// Again and again: no further.
		assert_noop!(
			Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), task, 10 + MAX_EXTENSION + 1),
			Error::<Test>::ExtensionTooLong
		);
		// Anyone releases the claim once that and the grace period have passed.
		run_to(10 + MAX_EXTENSION + GRACE + 1);
		assert_ok!(Tasks::release_expired(RuntimeOrigin::signed(EVE), task));
		assert_eq!(status(task), TaskStatus::Open);
		// The project's governance may give a claim more time than a steward may.
		assert_ok!(Tasks::reschedule_task(RuntimeOrigin::signed(ALICE), task, 1_000));
		assert_ok!(Tasks::claim_task(RuntimeOrigin::signed(EVE), task));
		assert_ok!(Tasks::reschedule_task(RuntimeOrigin::root(), task, 5_000));
		assert_eq!(Tasks::task(task).map(|t| t.due).ok(), Some(5_000));
	});
}
