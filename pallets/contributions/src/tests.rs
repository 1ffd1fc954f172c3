//! Unit tests of the ledger, reputation and leaderboard.

#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, ContributionKind, Error, Event, Recent, Totals};
use pallet_projects::BudgetAsset;
use pallet_tasks::TaskLedger;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_runtime::DispatchError,
};

fn reason(s: &str) -> BoundedVec<u8, polkadot_sdk::frame_support::traits::ConstU32<16>> {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

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

#[test]
fn recognition_pays_a_bonus_within_the_budget_and_boosts_reputation() {
	new_test_ext().execute_with(|| {
		assert_ok!(Contributions::set_recognition_budget(RuntimeOrigin::root(), 0, 500));
		assert_ok!(Contributions::recognize(
			RuntimeOrigin::signed(STEWARD),
			0,
			2,
			7,
			300,
			TASK_REP,
			reason("above and beyond"),
		));
		assert_eq!(spent(), vec![(0, 2, 7, 300)]);
		assert_eq!(Contributions::reputation(0, &7), TASK_REP);
		let totals = Totals::<Test>::get(0, 7);
		assert_eq!((totals.recognitions.count, totals.recognitions.value), (1, 300));
		assert_eq!(Recent::<Test>::get(0, 7)[0].kind, ContributionKind::Recognition);
		System::assert_last_event(
			Event::Recognized {
				project: 0,
				milestone: 2,
				who: 7,
				by: pallet_projects::Actor::Steward(STEWARD),
				amount: 300,
				boost: TASK_REP,
				reason: reason("above and beyond"),
			}
			.into(),
		);
		// 300 of 500 spent this period: 201 more is too much, 200 is not.
		assert_noop!(
			Contributions::recognize(RuntimeOrigin::root(), 0, 2, 8, 201, 0, reason("r")),
			Error::<Test>::RecognitionBudgetExceeded
		);
		assert_ok!(Contributions::recognize(RuntimeOrigin::root(), 0, 2, 8, 200, 0, reason("r")));
		// A new period, a new budget.
		System::set_block_number(PERIOD);
		assert_ok!(Contributions::recognize(RuntimeOrigin::root(), 0, 2, 8, 500, 0, reason("r")));
	});
}

#[test]
fn recognition_errors() {
	new_test_ext().execute_with(|| {
		let recognize = |origin, milestone, amount, boost, why: &str| {
			Contributions::recognize(origin, 0, milestone, 7, amount, boost, reason(why))
		};
		assert_noop!(recognize(RuntimeOrigin::signed(7), 0, 0, 0, "r"), Error::<Test>::NotSteward);
		assert_noop!(recognize(RuntimeOrigin::none(), 0, 0, 0, "r"), DispatchError::BadOrigin);
		assert_noop!(recognize(RuntimeOrigin::root(), 0, 0, 0, ""), Error::<Test>::EmptyCid);
		assert_noop!(
			recognize(RuntimeOrigin::root(), 0, 0, 10 * TASK_REP + 1, "r"),
			Error::<Test>::BoostTooHigh
		);
		// No budget was set: only bonus-free recognition.
		assert_noop!(
			recognize(RuntimeOrigin::root(), 0, 1, 0, "r"),
			Error::<Test>::RecognitionBudgetExceeded
		);
		assert_ok!(Contributions::set_recognition_budget(RuntimeOrigin::root(), 0, u64::MAX));
		assert_ok!(recognize(RuntimeOrigin::root(), 0, u64::MAX, 0, "r"));
		assert_noop!(recognize(RuntimeOrigin::root(), 0, 1, 0, "r"), Error::<Test>::Overflow);
		System::set_block_number(PERIOD);
		assert_noop!(
			recognize(RuntimeOrigin::root(), UNFUNDED, 1, 0, "r"),
			DispatchError::Other("milestone not funded")
		);
	});
}

#[test]
fn governance_sets_the_half_life() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Contributions::set_half_life(RuntimeOrigin::signed(STEWARD), 0, 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Contributions::set_half_life(RuntimeOrigin::root(), 0, 0),
			Error::<Test>::ZeroHalfLife
		);
		paid(2, 1);
		assert_ok!(Contributions::set_half_life(RuntimeOrigin::root(), 0, 10));
		System::set_block_number(11);
		assert_eq!(Contributions::reputation(0, &2), TASK_REP / 2);
		assert_noop!(
			Contributions::set_recognition_budget(RuntimeOrigin::signed(STEWARD), 0, 10),
			DispatchError::BadOrigin
		);
	});
}
