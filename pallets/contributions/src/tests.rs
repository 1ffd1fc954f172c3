//! Unit tests of the ledger, reputation and leaderboard.

#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, ContributionKind, Recent, Totals};
use pallet_projects::BudgetAsset;
use pallet_tasks::TaskLedger;

fn paid(who: AccountId, reward: u64) {
	<Contributions as TaskLedger<AccountId, u64>>::task_paid(
		0,
		0,
		&who,
		BudgetAsset::ProjectCurrency,
		reward,
		b"evidence",
	);
}

#[test]
fn accepted_work_and_reviews_are_recorded_and_earn_reputation() {
	new_test_ext().execute_with(|| {
		paid(2, 300);
		<Contributions as TaskLedger<AccountId, u64>>::task_reviewed(0, 0, &3, true, b"ok");
		let totals = Totals::<Test>::get(0, 2);
		assert_eq!((totals.tasks.count, totals.tasks.value), (1, 300));
		assert_eq!(Totals::<Test>::get(0, 3).reviews.count, 1);
		assert_eq!(Contributions::reputation(0, &2), TASK_REP);
		assert_eq!(Contributions::reputation(0, &3), REVIEW_REP);
		assert_eq!(Contributions::reputation(1, &2), 0, "reputation is per project");
		let recent = Recent::<Test>::get(0, 2);
		assert_eq!(recent.len(), 1);
		assert_eq!(recent[0].kind, ContributionKind::Task);
		assert_eq!(recent[0].evidence.to_vec(), b"evidence".to_vec());
	});
}

#[test]
fn recent_records_are_bounded_and_totals_are_not() {
	new_test_ext().execute_with(|| {
		for reward in 1..=5 {
			paid(2, reward);
		}
		let recent = Recent::<Test>::get(0, 2);
		assert_eq!(recent.iter().map(|r| r.value).collect::<Vec<_>>(), vec![3, 4, 5]);
		assert_eq!(Totals::<Test>::get(0, 2).tasks.count, 5);
		assert_eq!(Totals::<Test>::get(0, 2).tasks.value, 15);
	});
}

#[test]
fn reputation_halves_every_half_life() {
	new_test_ext().execute_with(|| {
		paid(2, 1);
		System::set_block_number(1 + HALF_LIFE);
		let half = Contributions::reputation(0, &2);
		assert_eq!(half, TASK_REP / 2);
		System::set_block_number(1 + 10 * HALF_LIFE);
		assert!(Contributions::reputation(0, &2) < TASK_REP / 1000);
		// Earning again adds to what is left.
		System::set_block_number(1 + HALF_LIFE);
		paid(2, 1);
		assert_eq!(Contributions::reputation(0, &2), TASK_REP / 2 + TASK_REP);
	});
}

#[test]
fn the_leaderboard_keeps_the_top_earners() {
	new_test_ext().execute_with(|| {
		paid(1, 1);
		paid(2, 1);
		paid(2, 1);
		paid(3, 1);
		// Full (3). A fourth account with less reputation does not get in ...
		<Contributions as TaskLedger<AccountId, u64>>::task_reviewed(0, 0, &4, true, b"");
		let top: Vec<_> =
			Contributions::top_contributors(0, 10).into_iter().map(|(a, _)| a).collect();
		assert_eq!(top[0], 2);
		assert!(!top.contains(&4));
		// ... one with more replaces the lowest.
		paid(4, 1);
		paid(4, 1);
		paid(4, 1);
		let top = Contributions::top_contributors(0, 2);
		assert_eq!(top.iter().map(|(a, _)| *a).collect::<Vec<_>>(), vec![4, 2]);
		assert_eq!(top[0].1, 3 * TASK_REP + REVIEW_REP);
	});
}
