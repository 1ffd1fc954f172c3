//! Unit tests of the ledger, reputation, standings, recognition and attestations, the attacks
//! on them (each refused with a named error or made harmless), and a property test of random
//! sequences of all of them.

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	mock::*, Attestations, Books, ContributionKind, Contributors, Error, Event, NextAttestationId,
	Recognitions, StandingEnds,
};
use commons_primitives::{
	testing::SeededRng,
	traits::{OnDonation, ProjectMembership, ReapRecords, TaskLedger},
	Actor, BudgetAsset, Cid, ReputationScore,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec},
	sp_runtime::{ArithmeticError, DispatchError, Perbill, TokenError},
};

fn cid(s: &str) -> Cid {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

/// `who` is paid `reward` for a task that was a whole milestone's budget.
fn paid(who: AccountId, reward: u64) {
	paid_share(who, reward, Perbill::one());
}

fn paid_share(who: AccountId, reward: u64, share: Perbill) {
	<Contributions as TaskLedger<AccountId, u64>>::task_paid(
		0,
		0,
		&who,
		BudgetAsset::ProjectCurrency,
		reward,
		share,
		&cid("evidence"),
	);
}

/// `who` approved a paid task that was a whole milestone's budget.
fn reviewed(who: AccountId) {
	<Contributions as TaskLedger<AccountId, u64>>::task_reviewed(
		0,
		0,
		&who,
		Perbill::one(),
		&cid("ok"),
	);
}

fn held(who: AccountId) -> u64 {
	Balances::balance_on_hold(&crate::HoldReason::AttestationDeposit.into(), &who)
}

fn now() -> u64 {
	System::block_number()
}

fn totals(who: AccountId) -> crate::ContributorTotals<u64> {
	Contributors::<Test>::get(0, who).map(|c| c.totals).unwrap_or_default()
}

fn reputation_budget(points: ReputationScore) {
	assert_ok!(Contributions::set_reputation_budget(RuntimeOrigin::root(), 0, points));
}

/// The member count the settling trait gives (what a poll's electorate is counted with), after
/// settling the project's standings as often as it takes.
fn counted() -> u32 {
	while <Contributions as ProjectMembership<_>>::members_count(0).is_err() {
		assert_ok!(Contributions::settle_standings(RuntimeOrigin::signed(9), 0));
	}
	<Contributions as ProjectMembership<_>>::members_count(0).expect("settled").0
}

#[test]
fn accepted_work_and_reviews_earn_by_the_share_of_the_budget_they_paid() {
	test(|| {
		paid(2, 300);
		reviewed(3);
		paid_share(4, 25, Perbill::from_percent(25));
		assert_eq!((totals(2).tasks.count, totals(2).tasks.value), (1, 300));
		assert_eq!(totals(3).reviews.count, 1);
		assert_eq!(Books::<Test>::get(0).contributors, 3);
		assert_eq!(Contributions::reputation(0, &2), TASK_REP);
		assert_eq!(Contributions::reputation(0, &3), REVIEW_REP);
		assert_eq!(Contributions::reputation(0, &4), TASK_REP / 4);
		assert_eq!(Contributions::reputation(1, &2), 0, "reputation is per project");
		System::assert_last_event(
			Event::Contributed {
				project: 0,
				who: 4,
				kind: ContributionKind::Task,
				value: 25,
				evidence: cid("evidence"),
				block: 1,
				reputation: TASK_REP / 4,
			}
			.into(),
		);
	});
}

/// Attack: a steward splits a milestone's budget into a thousand tiny tasks for a puppet, to
/// mint reputation by the count of tasks. Reputation follows the money: a thousand tasks of a
/// thousandth each earn what one task of the whole budget does.
#[test]
fn splitting_a_budget_into_many_tasks_mints_no_more_reputation() {
	test(|| {
		for _ in 0..1_000 {
			paid_share(5, 1, Perbill::from_rational(1u32, 1_000u32));
		}
		paid(6, 1_000);
		assert_eq!(totals(5).tasks.count, 1_000);
		assert!(Contributions::reputation(0, &5) <= Contributions::reputation(0, &6));
	});
}

#[test]
fn donations_are_recorded_without_reputation() {
	test(|| {
		<Contributions as OnDonation<AccountId, u64>>::donated(0, &4, 70);
		<Contributions as OnDonation<AccountId, u64>>::donated(0, &4, 30);
		assert_eq!((totals(4).donations.count, totals(4).donations.value), (2, 100));
		assert_eq!(Contributions::reputation(0, &4), 0, "money alone earns no reputation");
		assert!(!Contributions::is_member(0, &4));
		assert_eq!(Books::<Test>::get(0).contributors, 1);
	});
}

#[test]
fn reputation_halves_every_half_life() {
	test(|| {
		paid(2, 1);
		System::set_block_number(1 + HALF_LIFE);
		assert_eq!(Contributions::reputation(0, &2), TASK_REP / 2);
		System::set_block_number(1 + 10 * HALF_LIFE);
		assert!(Contributions::reputation(0, &2) < TASK_REP / 1000);
		// Earning again adds to what is left.
		System::set_block_number(1 + HALF_LIFE);
		paid(2, 1);
		assert_eq!(Contributions::reputation(0, &2), TASK_REP / 2 + TASK_REP);
	});
}

#[test]
fn membership_lasts_to_the_end_of_the_epoch_its_reputation_falls_below_the_threshold() {
	test(|| {
		assert!(Contributions::is_member(0, &STEWARD), "a steward is a member");
		assert_eq!(Contributions::members_count(0), 1);
		paid(2, 1);
		assert!(Contributions::is_member(0, &2));
		assert_eq!(Contributions::members_count(0), 2);
		// A task's reputation is twice the threshold: below it after one half-life, at block
		// 1_002; the standing lasts to the end of that epoch.
		let standing = Contributors::<Test>::get(0, 2).unwrap().standing.unwrap();
		assert_eq!((standing.since, standing.until), (1, 1_010));
		assert_eq!(StandingEnds::<Test>::get(0, 101), 1);
		System::set_block_number(1_001);
		assert!(Contributions::reputation(0, &2) >= THRESHOLD);
		System::set_block_number(1_002);
		assert!(Contributions::reputation(0, &2) < THRESHOLD);
		assert!(Contributions::is_member(0, &2));
		System::set_block_number(1_010);
		assert!(!Contributions::is_member(0, &2));
		assert_eq!(Contributions::members_count(0), 1);
		assert_eq!(counted(), 0, "no member by reputation");
		assert_eq!(StandingEnds::<Test>::iter().count(), 0, "the settled epoch is gone");
	});
}

#[test]
fn membership_since_holds_while_unbroken() {
	test(|| {
		let since = || Contributors::<Test>::get(0, 2).unwrap().standing.unwrap().since;
		paid(2, 1);
		System::set_block_number(500);
		paid(2, 1);
		assert_eq!(since(), 1);
		// It lapses, and a new membership starts when it earns again.
		System::set_block_number(10 * HALF_LIFE);
		assert!(!Contributions::is_member(0, &2));
		paid(2, 1);
		assert_eq!(since(), now());
		// Reviews alone are below the threshold until there are enough of them.
		for _ in 0..4 {
			reviewed(3);
		}
		assert!(!Contributions::is_member(0, &3));
		reviewed(3);
		assert!(Contributions::is_member(0, &3));
		assert_eq!(Contributions::members_count(0), 3);
		assert_eq!(counted(), 2);
	});
}

#[test]
fn a_steward_with_standing_counts_once() {
	test(|| {
		paid(STEWARD, 1);
		assert_eq!(Contributions::members_count(0), 1);
		paid(2, 1);
		assert_eq!(Contributions::members_count(0), 2);
	});
}

#[test]
fn the_longest_lasting_are_the_top_contributors() {
	test(|| {
		paid(2, 1);
		paid(2, 1);
		paid(3, 1);
		paid(4, 1);
		paid(4, 1);
		paid(4, 1);
		reviewed(5);
		let top = Contributions::top_contributors(0, 10);
		assert_eq!(top.iter().map(|(a, _)| *a).collect::<Vec<_>>(), vec![4, 2, 3]);
		assert_eq!(top[0].1, 3 * TASK_REP);
		assert_eq!(Contributions::top_contributors(0, 1).len(), 1);
		// The list holds three: an earner above the last displaces it.
		paid(6, 1);
		paid(6, 1);
		let top = Contributions::top_contributors(0, 10);
		assert_eq!(top.iter().map(|(a, _)| *a).collect::<Vec<_>>(), vec![4, 2, 6]);
		// Order survives decay; an earner climbs.
		System::set_block_number(300);
		paid(3, 1);
		paid(3, 1);
		let top = Contributions::top_contributors(0, 3);
		assert_eq!(top.iter().map(|(a, _)| *a).collect::<Vec<_>>(), vec![3, 4, 2]);
	});
}

/// Members are counted without a list: by the epoch their standing ends in. A project idle for
/// longer than one call settles must be settled (by anyone, a few epochs a call) before its
/// members can be counted for a poll; the count is then exact.
#[test]
fn members_are_counted_by_epoch_and_settled_lazily() {
	test(|| {
		// Members whose standings end in twelve different epochs.
		for who in 2..14u128 {
			System::set_block_number(1 + (who as u64) * EPOCH);
			paid(who, 1);
		}
		assert_eq!(counted(), 12);
		// Long after the first ended: more epochs to settle than one call settles (4).
		System::set_block_number(HALF_LIFE + 8 * EPOCH);
		let live = (2..14u128).filter(|who| Contributions::is_member(0, who)).count() as u32;
		assert!(live < 12 && live > 0);
		assert_eq!(Contributions::members_count(0), live + 1, "the runtime API sums exactly");
		assert_noop!(
			<Contributions as ProjectMembership<_>>::members_count(0),
			Error::<Test>::StandingsUnsettled
		);
		assert_noop!(
			Contributions::settle_standings(RuntimeOrigin::signed(9), 7),
			PROJECT_NOT_FOUND
		);
		assert_ok!(Contributions::settle_standings(RuntimeOrigin::signed(9), 0));
		let settled = Books::<Test>::get(0).settled;
		System::assert_last_event(
			Event::StandingsSettled { project: 0, settled, members: Books::<Test>::get(0).members }
				.into(),
		);
		assert_ok!(Contributions::settle_standings(RuntimeOrigin::signed(9), 0));
		assert_eq!(counted(), live);
		assert!(StandingEnds::<Test>::iter_keys().all(|(_, epoch)| epoch >= settled));
	});
}

#[test]
fn a_new_half_life_applies_from_each_accounts_next_earning() {
	test(|| {
		assert_noop!(
			Contributions::set_half_life(RuntimeOrigin::signed(STEWARD), 0, 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Contributions::set_half_life(RuntimeOrigin::root(), 0, 0),
			Error::<Test>::ZeroHalfLife
		);
		paid(2, 1);
		paid(3, 1);
		assert_ok!(Contributions::set_half_life(RuntimeOrigin::root(), 0, 10));
		System::assert_last_event(Event::HalfLifeSet { project: 0, half_life: 10 }.into());
		assert_eq!(Contributions::half_life(0), 10);
		// Nobody's reputation or membership jumps ...
		System::set_block_number(11);
		assert_eq!(Contributions::reputation(0, &2), decay_of(TASK_REP, 10));
		// ... and earning again does not re-stamp what one holds onto the shorter half-life (a
		// steward's tiny recognition would then end a member's standing within weeks): it keeps
		// the longer half-life it was earned under. A change of rules is prospective.
		paid(3, 1);
		let score = decay_of(TASK_REP, 10) + TASK_REP;
		System::set_block_number(21);
		assert_eq!(Contributions::reputation(0, &3), decay_of(score, 10));
		// An account earning from nothing earns under the new half-life.
		paid(4, 1);
		System::set_block_number(31);
		assert_eq!(Contributions::reputation(0, &4), TASK_REP / 2);
		// Five half-lives of ten blocks (and the rest of that epoch) later 4 is no member; 2 and
		// 3 still are.
		System::set_block_number(81);
		assert!(!Contributions::is_member(0, &4));
		assert!(Contributions::is_member(0, &3));
		assert!(Contributions::is_member(0, &2));
		// A longer half-life applies from the next earning.
		assert_ok!(Contributions::set_half_life(RuntimeOrigin::root(), 0, 5 * HALF_LIFE));
		paid(2, 1);
		let held = Contributors::<Test>::get(0, 2).unwrap().reputation;
		assert_eq!(held.half_life, 5 * HALF_LIFE);
		assert_noop!(
			Contributions::set_recognition_budget(RuntimeOrigin::signed(STEWARD), 0, 10),
			DispatchError::BadOrigin
		);
	});
}

/// Attack: governance calls on an id no project has yet write state the project later created
/// with it is born with. Every call refuses such an id, with the projects pallet's error.
#[test]
fn no_call_writes_under_a_project_that_does_not_exist() {
	test(|| {
		let missing = 7;
		assert_noop!(
			Contributions::set_half_life(RuntimeOrigin::root(), missing, 10),
			PROJECT_NOT_FOUND
		);
		assert_noop!(
			Contributions::set_recognition_budget(RuntimeOrigin::root(), missing, 10),
			PROJECT_NOT_FOUND
		);
		assert_noop!(
			Contributions::set_reputation_budget(RuntimeOrigin::root(), missing, 10),
			PROJECT_NOT_FOUND
		);
		assert_noop!(
			Contributions::recognize(RuntimeOrigin::root(), missing, 0, 2, 0, 1, cid("r")),
			PROJECT_NOT_FOUND
		);
		// A milestone that does not exist is refused even without a bonus.
		reputation_budget(TASK_REP);
		assert_noop!(
			Contributions::recognize(RuntimeOrigin::root(), 0, UNFUNDED + 1, 2, 0, 1, cid("r")),
			MILESTONE_NOT_FOUND
		);
		assert_eq!(Books::<Test>::iter_keys().collect::<Vec<_>>(), vec![0]);
	});
}

/// A reaped project's ledger goes with it, a page at a time, and no other project's.
#[test]
fn a_reaped_projects_ledger_is_removed_in_pages() {
	test(|| {
		for who in 2..6 {
			paid(who, 100);
		}
		reputation_budget(TASK_REP);
		assert_ok!(Contributions::recognize(RuntimeOrigin::root(), 0, 2, 7, 0, 1, cid("r")));
		<Contributions as OnDonation<AccountId, u64>>::donated(1, &4, 70);
		let records = Contributors::<Test>::iter_prefix(0).count()
			+ Recognitions::<Test>::iter_prefix((0,)).count()
			+ StandingEnds::<Test>::iter_prefix(0).count()
			+ 1;
		assert_eq!(records, 5 + 1 + 1 + 1, "contributors, a recognition, an epoch, the books");

		let mut pages = Vec::new();
		loop {
			let removed = <Contributions as ReapRecords>::reap_records(0, 3);
			pages.push(removed);
			if removed < 3 {
				break;
			}
		}
		assert_eq!(pages, vec![3, 3, 2]);
		assert_eq!(Contributors::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(Recognitions::<Test>::iter_prefix((0,)).count(), 0);
		assert_eq!(StandingEnds::<Test>::iter_prefix(0).count(), 0);
		assert!(!Books::<Test>::contains_key(0));
		assert_eq!(<Contributions as ReapRecords>::reap_records(0, 3), 0);
		// Project 1's donor is still on its books.
		assert_eq!(totals(4).donations.count, 0);
		assert_eq!(Contributors::<Test>::get(1, 4).unwrap().totals.donations.value, 70);
		assert_eq!(Books::<Test>::get(1).contributors, 1);
	});
}

#[test]
fn recognition_pays_a_bonus_within_the_budgets_and_is_kept() {
	test(|| {
		assert_ok!(Contributions::set_recognition_budget(RuntimeOrigin::root(), 0, 500));
		System::assert_last_event(Event::RecognitionBudgetSet { project: 0, budget: 500 }.into());
		reputation_budget(2 * TASK_REP);
		System::assert_last_event(
			Event::ReputationBudgetSet { project: 0, budget: 2 * TASK_REP }.into(),
		);
		assert_ok!(Contributions::recognize(
			RuntimeOrigin::signed(STEWARD),
			0,
			2,
			7,
			300,
			TASK_REP,
			cid("above and beyond"),
		));
		assert_eq!(spent(), vec![(0, 2, 7, 300)]);
		assert_eq!(Contributions::reputation(0, &7), TASK_REP);
		assert!(Contributions::is_member(0, &7));
		assert_eq!((totals(7).recognitions.count, totals(7).recognitions.value), (1, 300));
		let kept = Recognitions::<Test>::get((0, 7, 0)).unwrap();
		assert_eq!((kept.amount, kept.boost, kept.by.clone()), (300, TASK_REP, Actor::Steward(1)));
		System::assert_last_event(
			Event::Recognized {
				project: 0,
				milestone: 2,
				who: 7,
				by: Actor::Steward(STEWARD),
				amount: 300,
				boost: TASK_REP,
				reason: cid("above and beyond"),
				index: 0,
			}
			.into(),
		);
		// 300 of 500 spent this period: 201 more is too much, 200 is not.
		assert_noop!(
			Contributions::recognize(RuntimeOrigin::root(), 0, 2, 8, 201, 0, cid("r")),
			Error::<Test>::RecognitionBudgetExceeded
		);
		assert_ok!(Contributions::recognize(RuntimeOrigin::root(), 0, 2, 7, 200, 0, cid("r")));
		// A new period, new budgets.
		System::set_block_number(PERIOD);
		assert_ok!(Contributions::recognize(RuntimeOrigin::root(), 0, 2, 8, 500, 0, cid("r")));
		let info = Contributions::contributor(0, &7);
		assert_eq!(info.recognitions.len(), 2);
		assert_eq!(info.recognitions[1].by, Actor::Governance);
		assert_eq!(info.recognitions[0].reason, b"above and beyond".to_vec());
		assert_eq!(info.totals.recognitions.value, 500);
		assert!(info.member);
		assert_eq!(info.member_since, Some(1));
	});
}

/// Attack: one steward turns fresh accounts into voting members with bonus-free recognitions.
/// Every boost is drawn from the reputation budget only the project's governance sets (zero at
/// first); nobody recognises themselves, and no bonus goes to a keyless account.
#[test]
fn a_steward_cannot_mint_voice_with_recognitions() {
	test(|| {
		let recognize = |origin, who, amount, boost| {
			Contributions::recognize(origin, 0, 0, who, amount, boost, cid("r"))
		};
		let steward = || RuntimeOrigin::signed(STEWARD);
		assert_noop!(
			recognize(steward(), 20, 0, THRESHOLD),
			Error::<Test>::ReputationBudgetExceeded
		);
		reputation_budget(3 * THRESHOLD);
		for puppet in 20..23 {
			assert_ok!(recognize(steward(), puppet, 0, THRESHOLD));
		}
		assert_noop!(recognize(steward(), 23, 0, 1), Error::<Test>::ReputationBudgetExceeded);
		assert_eq!(Contributions::members_count(0), 4, "three, and no more, by the budget");
		assert_noop!(recognize(steward(), STEWARD, 0, 0), Error::<Test>::SelfRecognition);
		assert_ok!(Contributions::set_recognition_budget(RuntimeOrigin::root(), 0, 1_000));
		assert_noop!(
			recognize(RuntimeOrigin::root(), 1_000, 10, 0),
			Error::<Test>::KeylessRecipient
		);
		assert_noop!(recognize(RuntimeOrigin::root(), 20, 0, 0), Error::<Test>::EmptyRecognition);
		// The budget is per period.
		System::set_block_number(PERIOD);
		assert_ok!(recognize(steward(), 23, 0, THRESHOLD));
	});
}

#[test]
fn recognition_errors() {
	test(|| {
		let recognize = |origin, milestone, amount, boost, why: &str| {
			Contributions::recognize(origin, 0, milestone, 7, amount, boost, cid(why))
		};
		assert_noop!(recognize(RuntimeOrigin::signed(7), 0, 0, 1, "r"), NOT_STEWARD);
		assert_noop!(recognize(RuntimeOrigin::none(), 0, 0, 1, "r"), DispatchError::BadOrigin);
		assert_noop!(recognize(RuntimeOrigin::root(), 0, 0, 1, ""), Error::<Test>::EmptyCid);
		assert_noop!(
			recognize(RuntimeOrigin::root(), 0, 0, 10 * TASK_REP + 1, "r"),
			Error::<Test>::BoostTooHigh
		);
		// No budget was set: no bonus.
		assert_noop!(
			recognize(RuntimeOrigin::root(), 0, 1, 0, "r"),
			Error::<Test>::RecognitionBudgetExceeded
		);
		assert_ok!(Contributions::set_recognition_budget(RuntimeOrigin::root(), 0, u64::MAX));
		assert_ok!(recognize(RuntimeOrigin::root(), 0, u64::MAX, 0, "r"));
		assert_noop!(recognize(RuntimeOrigin::root(), 0, 1, 0, "r"), ArithmeticError::Overflow);
		System::set_block_number(PERIOD);
		assert_noop!(
			recognize(RuntimeOrigin::root(), UNFUNDED, 1, 0, "r"),
			DispatchError::Other("milestone not funded")
		);
	});
}

#[test]
fn an_endorsed_attestation_is_recorded_and_its_deposit_returns() {
	test(|| {
		reputation_budget(TASK_REP);
		paid(3, 1);
		paid(4, 1);
		assert_ok!(Contributions::request_attestation(
			RuntimeOrigin::signed(STEWARD),
			0,
			cid("docs"),
			250
		));
		System::assert_last_event(
			Event::AttestationRequested {
				attestation: 0,
				project: 0,
				contributor: STEWARD,
				evidence: cid("docs"),
				value: 250,
				deadline: 1 + WINDOW,
			}
			.into(),
		);
		assert_eq!(held(STEWARD), DEPOSIT);
		assert_ok!(Contributions::endorse(RuntimeOrigin::signed(3), 0));
		System::assert_last_event(
			Event::AttestationEndorsed { attestation: 0, endorser: 3, endorsements: 1 }.into(),
		);
		assert_eq!(totals(STEWARD).attested.count, 0);
		System::set_block_number(1 + WINDOW);
		assert_ok!(Contributions::endorse(RuntimeOrigin::signed(4), 0));
		System::assert_last_event(
			Event::AttestationAccepted { attestation: 0, project: 0, contributor: STEWARD }.into(),
		);
		assert!(Attestations::<Test>::get(0).is_none());
		assert_eq!(held(STEWARD), 0);
		assert_eq!((totals(STEWARD).attested.count, totals(STEWARD).attested.value), (1, 250));
		assert_eq!(Contributions::reputation(0, &STEWARD), TASK_REP);
		assert_eq!(Books::<Test>::get(0).reputation_spent, TASK_REP);
		// The endorsers earned nothing for endorsing.
		assert_eq!(totals(3).tasks.count, 1);
		assert_eq!(Contributions::reputation(0, &3), decay_of(TASK_REP, WINDOW));
	});
}

/// Attack: members endorse each other's attestation requests in a ring, each with a
/// self-declared value, to mint reputation without bound. Accepted attestations draw on the
/// reputation budget; once it is spent, the ring's endorsements are refused.
#[test]
fn a_ring_of_endorsers_mints_no_more_than_the_budget() {
	test(|| {
		let ring = [2, 3, 4, 5];
		for who in ring {
			paid(who, 1);
		}
		reputation_budget(2 * TASK_REP);
		let mut accepted = 0;
		for (i, who) in ring.iter().enumerate() {
			assert_ok!(Contributions::request_attestation(
				RuntimeOrigin::signed(*who),
				0,
				cid("trust me"),
				u64::MAX,
			));
			let id = i as u32;
			let next = ring[(i + 1) % 4];
			let after = ring[(i + 2) % 4];
			assert_ok!(Contributions::endorse(RuntimeOrigin::signed(next), id));
			match Contributions::endorse(RuntimeOrigin::signed(after), id) {
				Ok(()) => accepted += 1,
				Err(e) => assert_eq!(e, Error::<Test>::ReputationBudgetExceeded.into()),
			}
		}
		assert_eq!(accepted, 2, "two attestations, and no more, by the budget");
		assert_eq!(Books::<Test>::get(0).reputation_spent, 2 * TASK_REP);
	});
}

fn decay_of(score: ReputationScore, elapsed: u64) -> ReputationScore {
	crate::decay::decay(score, elapsed, HALF_LIFE)
}

#[test]
fn a_lapsed_attestation_request_is_cleared_by_anyone() {
	test(|| {
		paid(2, 1);
		paid(3, 1);
		assert_ok!(Contributions::request_attestation(RuntimeOrigin::signed(2), 0, cid("x"), 0));
		assert_ok!(Contributions::endorse(RuntimeOrigin::signed(3), 0));
		assert_noop!(
			Contributions::clear_lapsed(RuntimeOrigin::signed(9), 0),
			Error::<Test>::AttestationStillOpen
		);
		System::set_block_number(2 + WINDOW);
		assert_noop!(
			Contributions::endorse(RuntimeOrigin::signed(STEWARD), 0),
			Error::<Test>::EndorsementWindowClosed
		);
		assert_ok!(Contributions::clear_lapsed(RuntimeOrigin::signed(9), 0));
		System::assert_last_event(
			Event::AttestationLapsed { attestation: 0, project: 0, contributor: 2 }.into(),
		);
		assert_eq!(held(2), 0);
		assert_eq!(Balances::free_balance(2), ENDOWMENT);
		assert_eq!(totals(2).attested.count, 0);
		assert_noop!(
			Contributions::clear_lapsed(RuntimeOrigin::signed(9), 0),
			Error::<Test>::AttestationNotFound
		);
		assert_noop!(
			Contributions::clear_lapsed(RuntimeOrigin::none(), 0),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn attestation_errors() {
	test(|| {
		let attestation = |who, project, evidence: &str| {
			Contributions::request_attestation(
				RuntimeOrigin::signed(who),
				project,
				cid(evidence),
				1,
			)
		};
		assert_noop!(attestation(STEWARD, 0, ""), Error::<Test>::EmptyCid);
		assert_noop!(attestation(STEWARD, 7, "x"), PROJECT_NOT_FOUND);
		assert_noop!(attestation(STEWARD, CLOSED, "x"), PROJECT_CLOSED);
		assert_noop!(attestation(2, 0, "x"), Error::<Test>::NotMember);
		// A member who cannot pay the deposit.
		paid(50, 1);
		assert_noop!(attestation(50, 0, "x"), TokenError::FundsUnavailable);
		NextAttestationId::<Test>::put(u32::MAX);
		assert_noop!(attestation(STEWARD, 0, "x"), ArithmeticError::Overflow);
		NextAttestationId::<Test>::put(0);
		assert_ok!(attestation(STEWARD, 0, "x"));
		assert_noop!(
			Contributions::request_attestation(RuntimeOrigin::none(), 0, cid("x"), 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn endorse_errors() {
	test(|| {
		paid(2, 1);
		paid(3, 1);
		assert_ok!(Contributions::request_attestation(RuntimeOrigin::signed(2), 0, cid("x"), 0));
		assert_noop!(
			Contributions::endorse(RuntimeOrigin::signed(3), 1),
			Error::<Test>::AttestationNotFound
		);
		assert_noop!(
			Contributions::endorse(RuntimeOrigin::signed(2), 0),
			Error::<Test>::OwnAttestation
		);
		// A steward without earned reputation, and an account with too little of it.
		assert_noop!(
			Contributions::endorse(RuntimeOrigin::signed(STEWARD), 0),
			Error::<Test>::NoStanding
		);
		reviewed(4);
		assert_noop!(
			Contributions::endorse(RuntimeOrigin::signed(4), 0),
			Error::<Test>::NoStanding
		);
		assert_ok!(Contributions::endorse(RuntimeOrigin::signed(3), 0));
		assert_noop!(
			Contributions::endorse(RuntimeOrigin::signed(3), 0),
			Error::<Test>::AlreadyEndorsed
		);
		assert_noop!(Contributions::endorse(RuntimeOrigin::none(), 0), DispatchError::BadOrigin);
		// A request in a project that was completed since can no longer be endorsed.
		Attestations::<Test>::mutate(0, |a| a.as_mut().unwrap().project = CLOSED);
		assert_noop!(Contributions::endorse(RuntimeOrigin::signed(5), 0), PROJECT_CLOSED);
		Attestations::<Test>::mutate(0, |a| a.as_mut().unwrap().project = 0);
	});
}

/// Random sequences of every way the ledger changes, with the invariants checked after each
/// step and membership compared with the reputation it stands for.
#[test]
fn random_sequences_keep_the_ledger_consistent() {
	let accounts: Vec<AccountId> = (1..=8).collect();
	for seed in 0..120u64 {
		let mut rng = SeededRng::new(seed);
		let mut next = move |n: u64| rng.below(n);
		new_test_ext().execute_with(|| {
			assert_ok!(Contributions::set_recognition_budget(RuntimeOrigin::root(), 0, 1_000));
			reputation_budget(5 * TASK_REP);
			let mut reputation_moves = 0;
			for _ in 0..60 {
				let who = accounts[next(accounts.len() as u64) as usize];
				let other = accounts[next(accounts.len() as u64) as usize];
				let attestations = NextAttestationId::<Test>::get().max(1);
				match next(10) {
					0 => paid_share(who, next(100), Perbill::from_percent(next(101) as u32)),
					1 => reviewed(who),
					2 => <Contributions as OnDonation<AccountId, u64>>::donated(0, &who, 5),
					3 => {
						let boost = ReputationScore::from(next(3)) * TASK_REP;
						let _ = Contributions::recognize(
							RuntimeOrigin::root(),
							0,
							0,
							who,
							next(300),
							boost,
							cid("r"),
						);
					},
					4 => {
						let _ = Contributions::request_attestation(
							RuntimeOrigin::signed(who),
							0,
							cid("w"),
							next(50),
						);
					},
					5 => {
						let _ = Contributions::endorse(
							RuntimeOrigin::signed(other),
							next(u64::from(attestations)) as u32,
						);
					},
					6 => {
						let _ = Contributions::clear_lapsed(
							RuntimeOrigin::signed(other),
							next(u64::from(attestations)) as u32,
						);
					},
					7 => {
						let half_life = [HALF_LIFE, 37, 5_000][next(3) as usize];
						assert_ok!(Contributions::set_half_life(
							RuntimeOrigin::root(),
							0,
							half_life
						));
					},
					8 => {
						let _ = Contributions::settle_standings(RuntimeOrigin::signed(who), 0);
					},
					_ => System::set_block_number(now() + [1, 13, 400, 3_000][next(4) as usize]),
				}
				Contributions::do_try_state().expect("invariants hold");
				let mut standing = 0;
				for a in &accounts {
					let above = Contributions::reputation(0, a) >= THRESHOLD;
					let stands = Contributors::<Test>::get(0, a)
						.and_then(|c| c.standing)
						.is_some_and(|s| s.held_at(&now()));
					if above {
						reputation_moves += 1;
						assert!(stands, "seed {seed}: {a} above the threshold without standing");
					}
					if stands {
						standing += 1;
					}
					assert_eq!(
						Contributions::is_member(0, a),
						stands || *a == STEWARD,
						"seed {seed}: {a}"
					);
				}
				let steward_alone = u32::from(!Contributions::has_standing(0, &STEWARD, now()));
				assert_eq!(
					Contributions::members_count(0),
					standing + steward_alone,
					"seed {seed}"
				);
				if let Ok((count, _)) = <Contributions as ProjectMembership<_>>::members_count(0) {
					assert_eq!(count, standing, "seed {seed}: the settled count");
				}
			}
			assert!(reputation_moves > 0, "seed {seed} never made a member");
		});
	}
}
