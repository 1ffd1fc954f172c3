//! Unit tests of the ledger, reputation, standings, recognition and attested attestations, and a
//! property test of random sequences of all of them.

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	mock::*, Attestations, ContributionKind, ContributorCount, Error, Event, NextAttestationId,
	Recent, Recognitions, Standings, Totals,
};
use commons_primitives::{
	testing::SeededRng,
	traits::{OnDonation, ProjectMembership, TaskLedger},
	Actor, BudgetAsset, Cid, ReputationScore,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec},
	sp_runtime::{ArithmeticError, DispatchError, TokenError},
};

fn cid(s: &str) -> Cid {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

fn paid(who: AccountId, reward: u64) {
	<Contributions as TaskLedger<AccountId, u64>>::task_paid(
		0,
		0,
		&who,
		BudgetAsset::ProjectCurrency,
		reward,
		&cid("evidence"),
	);
}

fn reviewed(who: AccountId) {
	<Contributions as TaskLedger<AccountId, u64>>::task_reviewed(0, 0, &who, true, &cid("ok"));
}

fn held(who: AccountId) -> u64 {
	Balances::balance_on_hold(&crate::HoldReason::AttestationDeposit.into(), &who)
}

fn now() -> u64 {
	System::block_number()
}

#[test]
fn accepted_work_and_reviews_are_recorded_and_earn_reputation() {
	test(|| {
		paid(2, 300);
		reviewed(3);
		let totals = Totals::<Test>::get(0, 2);
		assert_eq!((totals.tasks.count, totals.tasks.value), (1, 300));
		assert_eq!(Totals::<Test>::get(0, 3).reviews.count, 1);
		assert_eq!(ContributorCount::<Test>::get(0), 2);
		assert_eq!(Contributions::reputation(0, &2), TASK_REP);
		assert_eq!(Contributions::reputation(0, &3), REVIEW_REP);
		assert_eq!(Contributions::reputation(1, &2), 0, "reputation is per project");
		let recent = Recent::<Test>::get(0, 2);
		assert_eq!(recent.len(), 1);
		assert_eq!(recent[0].kind, ContributionKind::Task);
		assert_eq!(recent[0].evidence.to_vec(), b"evidence".to_vec());
		System::assert_last_event(
			Event::Contributed {
				project: 0,
				who: 3,
				kind: ContributionKind::Review,
				value: 0,
				evidence: cid("ok"),
				block: 1,
				reputation: REVIEW_REP,
			}
			.into(),
		);
	});
}

#[test]
fn donations_are_recorded_without_reputation() {
	test(|| {
		<Contributions as OnDonation<AccountId, u64>>::donated(0, &4, 70);
		<Contributions as OnDonation<AccountId, u64>>::donated(0, &4, 30);
		let totals = Totals::<Test>::get(0, 4);
		assert_eq!((totals.donations.count, totals.donations.value), (2, 100));
		assert_eq!(Contributions::reputation(0, &4), 0, "money alone earns no reputation");
		assert!(!Contributions::is_member(0, &4));
		assert_eq!(ContributorCount::<Test>::get(0), 1);
	});
}

#[test]
fn recent_records_are_bounded_and_totals_are_not() {
	test(|| {
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
fn membership_lasts_exactly_while_reputation_is_at_the_threshold() {
	test(|| {
		assert!(Contributions::is_member(0, &STEWARD), "a steward is a member");
		assert_eq!(Contributions::members_count(0), 1);
		paid(2, 1);
		assert!(Contributions::is_member(0, &2));
		assert_eq!(Contributions::members_count(0), 2);
		let until = Standings::<Test>::get(0)[0].until;
		// A task's reputation is twice the threshold: one half-life.
		assert_eq!(until, 1 + HALF_LIFE + 1);
		System::set_block_number(until - 1);
		assert!(Contributions::reputation(0, &2) >= THRESHOLD);
		assert!(Contributions::is_member(0, &2));
		System::set_block_number(until);
		assert!(Contributions::reputation(0, &2) < THRESHOLD);
		assert!(!Contributions::is_member(0, &2));
		assert_eq!(Contributions::members_count(0), 1);
		assert_eq!(<Contributions as ProjectMembership<_>>::member_since(0, &2), None);
	});
}

#[test]
fn membership_since_holds_while_unbroken() {
	test(|| {
		paid(2, 1);
		System::set_block_number(500);
		paid(2, 1);
		assert_eq!(<Contributions as ProjectMembership<_>>::member_since(0, &2), Some(1));
		// It lapses, and a new membership starts when it earns again.
		System::set_block_number(10 * HALF_LIFE);
		assert!(!Contributions::is_member(0, &2));
		paid(2, 1);
		assert_eq!(<Contributions as ProjectMembership<_>>::member_since(0, &2), Some(now()));
		// Reviews alone are below the threshold until there are enough of them.
		reviewed(3);
		reviewed(3);
		reviewed(3);
		reviewed(3);
		assert!(!Contributions::is_member(0, &3));
		reviewed(3);
		assert!(Contributions::is_member(0, &3));
		assert_eq!(Contributions::members_count(0), 3);
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
fn the_standings_rank_the_top_contributors() {
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
		// Order survives decay; an earner climbs.
		System::set_block_number(300);
		paid(3, 1);
		paid(3, 1);
		let top = Contributions::top_contributors(0, 3);
		assert_eq!(top.iter().map(|(a, _)| *a).collect::<Vec<_>>(), vec![3, 4, 2]);
	});
}

#[test]
fn full_standings_keep_the_longest_lasting() {
	test(|| {
		MaxMembers::set(2);
		paid(2, 1);
		paid(3, 1);
		paid(3, 1);
		// A newcomer below both does not get in ...
		System::set_block_number(2);
		reviewed(4);
		reviewed(4);
		reviewed(4);
		reviewed(4);
		reviewed(4);
		assert!(Contributions::reputation(0, &4) >= THRESHOLD);
		assert!(!Contributions::is_member(0, &4));
		// ... one above the lowest displaces it.
		paid(4, 1);
		assert!(Contributions::is_member(0, &4));
		assert!(!Contributions::is_member(0, &2));
		assert_eq!(Contributions::members_count(0), 3, "two standings and the steward");
		// A lapsed standing makes room.
		System::set_block_number(20 * HALF_LIFE);
		paid(2, 1);
		assert!(Contributions::is_member(0, &2));
		assert_eq!(Standings::<Test>::get(0).len(), 1);
		MaxMembers::set(16);
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
		// ... until they earn again: then all of it decays with the new half-life.
		paid(3, 1);
		let score = decay_of(TASK_REP, 10) + TASK_REP;
		System::set_block_number(21);
		assert_eq!(Contributions::reputation(0, &3), score / 2);
		assert!(Contributions::is_member(0, &2));
		// Five half-lives of ten blocks later 3 is below the threshold; 2 decays as before.
		System::set_block_number(61);
		assert!(!Contributions::is_member(0, &3));
		assert!(Contributions::is_member(0, &2));
		assert_noop!(
			Contributions::set_recognition_budget(RuntimeOrigin::signed(STEWARD), 0, 10),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn recognition_pays_a_bonus_within_the_budget_and_is_kept() {
	test(|| {
		assert_ok!(Contributions::set_recognition_budget(RuntimeOrigin::root(), 0, 500));
		System::assert_last_event(Event::RecognitionBudgetSet { project: 0, budget: 500 }.into());
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
		let totals = Totals::<Test>::get(0, 7);
		assert_eq!((totals.recognitions.count, totals.recognitions.value), (1, 300));
		assert_eq!(Recent::<Test>::get(0, 7)[0].kind, ContributionKind::Recognition);
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
		// A new period, a new budget.
		System::set_block_number(PERIOD);
		assert_ok!(Contributions::recognize(RuntimeOrigin::root(), 0, 2, 8, 500, 0, cid("r")));
		// Every recognition stays on record, beyond the recent ones.
		for _ in 0..4 {
			paid(7, 1);
		}
		let info = Contributions::contributor(0, &7);
		assert_eq!(info.recognitions.len(), 2);
		assert_eq!(info.recognitions[1].by, Actor::Governance);
		assert_eq!(info.recognitions[0].reason, b"above and beyond".to_vec());
		assert!(info.recent.iter().all(|r| r.kind == ContributionKind::Task));
		assert_eq!(info.totals.recognitions.value, 500);
		assert!(info.member);
		assert_eq!(info.member_since, Some(1));
	});
}

#[test]
fn recognition_errors() {
	test(|| {
		let recognize = |origin, milestone, amount, boost, why: &str| {
			Contributions::recognize(origin, 0, milestone, 7, amount, boost, cid(why))
		};
		assert_noop!(recognize(RuntimeOrigin::signed(7), 0, 0, 0, "r"), NOT_STEWARD);
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
		assert_eq!(Totals::<Test>::get(0, STEWARD).attested.count, 0);
		System::set_block_number(1 + WINDOW);
		assert_ok!(Contributions::endorse(RuntimeOrigin::signed(4), 0));
		System::assert_last_event(
			Event::AttestationAccepted { attestation: 0, project: 0, contributor: STEWARD }.into(),
		);
		assert!(Attestations::<Test>::get(0).is_none());
		assert_eq!(held(STEWARD), 0);
		let totals = Totals::<Test>::get(0, STEWARD);
		assert_eq!((totals.attested.count, totals.attested.value), (1, 250));
		assert_eq!(Contributions::reputation(0, &STEWARD), TASK_REP);
		// The endorsers earned nothing for endorsing.
		assert_eq!(Totals::<Test>::get(0, 3).tasks.count, 1);
		assert_eq!(Contributions::reputation(0, &3), decay_of(TASK_REP, WINDOW));
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
		assert_eq!(Totals::<Test>::get(0, 2).attested.count, 0);
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
			MaxMembers::set(if seed % 3 == 0 { 3 } else { 16 });
			assert_ok!(Contributions::set_recognition_budget(RuntimeOrigin::root(), 0, 1_000));
			let mut reputation_moves = 0;
			for _ in 0..60 {
				let who = accounts[next(accounts.len() as u64) as usize];
				let other = accounts[next(accounts.len() as u64) as usize];
				let attestations = NextAttestationId::<Test>::get().max(1);
				match next(9) {
					0 => paid(who, next(100)),
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
					_ => System::set_block_number(now() + [1, 13, 400, 3_000][next(4) as usize]),
				}
				Contributions::do_try_state().expect("invariants hold");
				let standing = Standings::<Test>::get(0);
				let full = standing.len() as u32 >= MaxMembers::get();
				for a in &accounts {
					let above = Contributions::reputation(0, a) >= THRESHOLD;
					let member = Contributions::is_member(0, a);
					if above {
						reputation_moves += 1;
					}
					if *a == STEWARD {
						assert!(member);
					} else if !full && MaxMembers::get() >= accounts.len() as u32 {
						assert_eq!(member, above, "seed {seed}: {a} member {member}");
					} else {
						assert!(!member || above, "seed {seed}: {a} a member below the threshold");
					}
				}
				let expected = accounts
					.iter()
					.filter(|a| **a == STEWARD || Contributions::is_member(0, a))
					.count() as u32;
				assert_eq!(Contributions::members_count(0), expected, "seed {seed}");
			}
			assert!(reputation_moves > 0, "seed {seed} never made a member");
			MaxMembers::set(16);
		});
	}
}
