//! Unit tests of polls, votes and closing, and a property test of random voting.

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	mock::*, Choice, Constitution, Error, Event, NextPollId, OpenPolls, Outcome, Polls, Question,
	Votes,
};
use commons_primitives::{testing::SeededRng, traits::ProjectsInterface, PollId, ProjectStatus};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{fungible::InspectHold, ConstU32},
		weights::Weight,
		BoundedVec,
	},
	sp_runtime::{traits::Hash as _, ArithmeticError, DispatchError, Percent, TokenError},
};

type Options = BoundedVec<BoundedVec<u8, ConstU32<16>>, ConstU32<4>>;

fn options(labels: &[&str]) -> Options {
	BoundedVec::try_from(labels.iter().map(|l| bytes(l)).collect::<Vec<_>>()).unwrap()
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::PollDeposit.into(), &who)
}

fn vote_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::VoteDeposit.into(), &who)
}

/// Bob asks the project to choose among three options, until block 20.
fn options_poll(project: u32) -> PollId {
	let poll = NextPollId::<Test>::get();
	assert_ok!(QuadraticVoting::create_poll(
		RuntimeOrigin::signed(BOB),
		project,
		options(&["red", "green", "blue"]),
		20,
	));
	poll
}

/// Bob proposes `call` to the project, until block 20.
fn proposal(project: u32, call: RuntimeCall) -> PollId {
	let poll = NextPollId::<Test>::get();
	assert_ok!(QuadraticVoting::propose(RuntimeOrigin::signed(BOB), project, Box::new(call), 20));
	poll
}

/// A routine call: a remark.
fn remark(bytes: usize) -> RuntimeCall {
	RuntimeCall::System(polkadot_sdk::frame_system::Call::remark { remark: vec![7; bytes] })
}

/// The project's constitution with another quorum.
fn with_quorum(project: u32, percent: u8) {
	let mut constitution = QuadraticVoting::constitution(project);
	constitution.quorum = Percent::from_percent(percent);
	assert_ok!(QuadraticVoting::set_constitution(RuntimeOrigin::root(), project, constitution));
}

/// After a protected act's enactment delay (its poll ended at block 20).
const ENACTABLE: u64 = 20 + DELAY + 1;

fn vote(who: AccountId, poll: PollId, choice: Choice, votes: u32) -> Result<(), DispatchError> {
	QuadraticVoting::vote(RuntimeOrigin::signed(who), poll, choice, votes)
}

fn close(poll: PollId) -> Result<(), DispatchError> {
	QuadraticVoting::close_poll(
		RuntimeOrigin::signed(EVE),
		poll,
		Weight::from_parts(u64::MAX, u64::MAX),
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

fn set_cap(project: u32, cap: Balance) -> RuntimeCall {
	RuntimeCall::Projects(pallet_projects::Call::set_cap { project, cap })
}

fn closed_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::QuadraticVoting(e @ Event::PollClosed { .. }) => Some(e),
			_ => None,
		})
		.expect("a PollClosed event")
}

#[test]
fn an_options_poll_tallies_quadratic_votes_and_closes() {
	test(|| {
		let project = project_with_members();
		let poll = options_poll(project);
		let deposit = DEPOSIT + ("red".len() + "green".len() + "blue".len()) as Balance;
		assert_eq!(held(BOB), deposit);
		assert_eq!(OpenPolls::<Test>::get(project), 1);
		System::assert_last_event(
			Event::PollCreated {
				poll,
				project,
				creator: BOB,
				question: Question::Options(options(&["red", "green", "blue"])),
				protected: false,
				end: 20,
				enact_after: 20,
				quorum: Percent::from_percent(10),
				threshold: Percent::from_percent(50),
				electorate: 4,
			}
			.into(),
		);

		// 3 votes cost 9 credits, 5 cost 25, 10 cost all 100.
		assert_ok!(vote(BOB, poll, Choice::Option(0), 3));
		assert_ok!(vote(CHARLIE, poll, Choice::Option(1), 5));
		assert_ok!(vote(ALICE, poll, Choice::Option(0), 10));
		assert_eq!(QuadraticVoting::credits(poll, &BOB), Some(CREDITS - 9));
		assert_eq!(QuadraticVoting::credits(poll, &ALICE), Some(0));
		assert_eq!(QuadraticVoting::credits(poll, &EVE), None, "Eve may not vote");
		assert_eq!(Polls::<Test>::get(poll).unwrap().tally.to_vec(), vec![13, 5, 0]);
		// Bob changes his mind: his three votes move.
		assert_ok!(vote(BOB, poll, Choice::Option(2), 4));
		System::assert_last_event(
			Event::Voted {
				poll,
				voter: BOB,
				choice: Choice::Option(2),
				votes: 4,
				tally: BoundedVec::try_from(vec![10, 5, 4]).unwrap(),
			}
			.into(),
		);
		assert_eq!(QuadraticVoting::credits(poll, &BOB), Some(CREDITS - 16));
		let info = QuadraticVoting::poll_info(poll).unwrap();
		assert_eq!((info.voters, info.electorate, info.ended), (3, 4, false));
		assert_eq!(info.outcome, Outcome::Chosen(0));

		assert_noop!(close(poll), Error::<Test>::PollRunning);
		System::set_block_number(21);
		assert_noop!(vote(DAVE, poll, Choice::Option(1), 1), Error::<Test>::PollEnded);
		assert_ok!(close(poll));
		assert_eq!(
			closed_event(),
			Event::PollClosed {
				poll,
				project,
				outcome: Outcome::Chosen(0),
				tally: BoundedVec::try_from(vec![10, 5, 4]).unwrap(),
				voters: 3,
				electorate: 4,
				dispatched: None,
			}
		);
		assert_eq!(held(BOB), 0, "the deposit returned");
		assert!(Polls::<Test>::get(poll).is_none());
		assert_eq!(OpenPolls::<Test>::get(project), 0);
		assert_eq!(QuadraticVoting::poll_info(poll), None);
		assert_noop!(close(poll), Error::<Test>::PollNotFound);
		// Closing touched no vote: each voter takes theirs back, or anyone clears them.
		assert_eq!(Votes::<Test>::iter_prefix(poll).count(), 3);
		assert_eq!(vote_held(BOB), VOTE_DEPOSIT);
		assert_ok!(QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), poll));
		assert_eq!(vote_held(BOB), 0);
		assert_noop!(
			QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), poll),
			Error::<Test>::VoteNotFound
		);
		assert_ok!(QuadraticVoting::clear_votes(RuntimeOrigin::signed(EVE), poll, 1));
		System::assert_last_event(Event::VotesCleared { poll, removed: 1, remaining: true }.into());
		assert_ok!(QuadraticVoting::clear_votes(RuntimeOrigin::signed(EVE), poll, 10));
		System::assert_last_event(
			Event::VotesCleared { poll, removed: 1, remaining: false }.into(),
		);
		assert_eq!((vote_held(ALICE), vote_held(CHARLIE)), (0, 0));
		assert_eq!(Votes::<Test>::iter_prefix(poll).count(), 0);
	});
}

#[test]
fn a_passed_proposal_is_dispatched_with_the_projects_origin() {
	test(|| {
		let project = project_with_members();
		let poll = proposal(project, set_cap(project, 777_000));
		assert_ok!(vote(BOB, poll, Choice::Aye, 4));
		assert_ok!(vote(CHARLIE, poll, Choice::Nay, 3));
		assert_ok!(vote(DAVE, poll, Choice::Aye, 1));
		System::set_block_number(21);
		// Setting the cap is a protected act: 5 of 8 votes is below two thirds.
		assert_eq!(QuadraticVoting::poll_info(poll).unwrap().outcome, Outcome::Rejected);
		assert_eq!(Polls::<Test>::get(poll).unwrap().threshold, Percent::from_percent(66));
	});
	test(|| {
		let project = project_with_members();
		let poll = proposal(project, set_cap(project, 777_000));
		assert_ok!(vote(BOB, poll, Choice::Aye, 4));
		assert_ok!(vote(CHARLIE, poll, Choice::Nay, 2));
		assert_ok!(vote(DAVE, poll, Choice::Aye, 1));
		System::set_block_number(21);
		// Passed (5 of 7 is above two thirds), and public: it waits its enactment delay.
		assert_eq!(QuadraticVoting::poll_info(poll).unwrap().outcome, Outcome::Passed);
		assert_noop!(close(poll), Error::<Test>::EnactmentPending);
		System::set_block_number(ENACTABLE);
		// The call's weight must be within the bound given.
		assert_noop!(
			QuadraticVoting::close_poll(RuntimeOrigin::signed(EVE), poll, Weight::zero()),
			Error::<Test>::ProposalWeightAboveBound
		);
		assert_ok!(close(poll));
		let Event::PollClosed { outcome, dispatched, tally, .. } = closed_event() else {
			unreachable!()
		};
		assert_eq!(outcome, Outcome::Passed);
		assert_eq!(tally.to_vec(), vec![5, 2]);
		assert_eq!(dispatched, Some(Ok(())));
		let cap = pallet_projects::Projects::<Test>::get(project).unwrap().currency.unwrap().cap;
		assert_eq!(cap, 777_000, "the project's governance acted");
	});
}

#[test]
fn a_passed_proposal_adds_a_steward() {
	test(|| {
		let project = project_with_members();
		let call =
			RuntimeCall::Projects(pallet_projects::Call::add_steward { project, steward: DAVE });
		let poll = proposal(project, call);
		assert_ok!(vote(BOB, poll, Choice::Aye, 1));
		assert_ok!(vote(CHARLIE, poll, Choice::Aye, 1));
		System::set_block_number(ENACTABLE);
		assert_ok!(close(poll));
		assert!(Projects::is_steward(project, &DAVE));
	});
}

#[test]
fn a_rejected_or_inquorate_proposal_is_not_dispatched() {
	test(|| {
		let project = project_with_members();
		// A tie is a rejection.
		let tied = proposal(project, set_cap(project, 5));
		assert_ok!(vote(BOB, tied, Choice::Aye, 2));
		assert_ok!(vote(CHARLIE, tied, Choice::Nay, 2));
		// One voter of four is below a 50% quorum.
		with_quorum(project, 50);
		let quiet = proposal(project, set_cap(project, 5));
		assert_ok!(vote(BOB, quiet, Choice::Aye, 10));
		System::set_block_number(21);
		assert_ok!(close(tied));
		assert_eq!(
			closed_event(),
			Event::PollClosed {
				poll: tied,
				project,
				outcome: Outcome::Rejected,
				tally: BoundedVec::try_from(vec![2, 2]).unwrap(),
				voters: 2,
				electorate: 4,
				dispatched: None,
			}
		);
		assert_ok!(close(quiet));
		let Event::PollClosed { outcome, dispatched, .. } = closed_event() else { unreachable!() };
		assert_eq!((outcome, dispatched), (Outcome::NoQuorum, None));
		let cap = pallet_projects::Projects::<Test>::get(project).unwrap().currency.unwrap().cap;
		assert_eq!(cap, 1_000_000);
	});
}

#[test]
fn a_failing_proposal_still_closes_the_poll() {
	test(|| {
		let project = project_with_members();
		// Active -> Active is not a transition: the call fails.
		let call = RuntimeCall::Projects(pallet_projects::Call::set_status {
			project,
			status: ProjectStatus::Active,
		});
		let poll = proposal(project, call);
		assert_ok!(vote(BOB, poll, Choice::Aye, 1));
		assert_ok!(vote(CHARLIE, poll, Choice::Aye, 1));
		System::set_block_number(ENACTABLE);
		assert_ok!(close(poll));
		let Event::PollClosed { outcome, dispatched, .. } = closed_event() else { unreachable!() };
		assert_eq!(outcome, Outcome::Passed);
		assert_eq!(
			dispatched,
			Some(Err(pallet_projects::Error::<Test>::InvalidStatusTransition.into()))
		);
		assert_eq!(held(BOB), 0);
	});
}

#[test]
fn a_long_proposal_goes_through_the_preimage_pallet() {
	test(|| {
		let project = project_with_members();
		let long = remark(200);
		let len = codec::Encode::encoded_size(&long) as Balance;
		let poll = proposal(project, long);
		let Question::Proposal(bounded) = crate::PollQuestions::<Test>::get(poll).unwrap() else {
			unreachable!()
		};
		assert!(bounded.lookup_hash().is_some(), "noted, not inline");
		assert_eq!(held(BOB), DEPOSIT + len);
		assert_eq!(polkadot_sdk::pallet_preimage::PreimageFor::<Test>::iter().count(), 1);
		assert_ok!(vote(BOB, poll, Choice::Nay, 1));
		assert_ok!(vote(CHARLIE, poll, Choice::Nay, 1));
		System::set_block_number(21);
		assert_ok!(close(poll));
		assert_eq!(
			polkadot_sdk::pallet_preimage::PreimageFor::<Test>::iter().count(),
			0,
			"the preimage is gone"
		);
		assert_noop!(
			QuadraticVoting::propose(
				RuntimeOrigin::signed(BOB),
				project,
				Box::new(remark(600)),
				40,
			),
			Error::<Test>::ProposalTooLong
		);
	});
}

#[test]
fn eligibility_is_fixed_when_the_poll_is_created() {
	test(|| {
		let project = project_with_members();
		System::set_block_number(5);
		let poll = options_poll(project);
		// Eve earns her standing during the poll: too late for this one.
		make_member(project, EVE, 6);
		System::set_block_number(6);
		assert_noop!(vote(EVE, poll, Choice::Option(0), 1), Error::<Test>::NotEligible);
		assert_noop!(vote(POOR, poll, Choice::Option(0), 1), Error::<Test>::NotEligible);
		// The steward votes without reputation.
		assert_ok!(vote(ALICE, poll, Choice::Option(0), 1));
		// The electorate is the member count at creation.
		assert_eq!(Polls::<Test>::get(poll).unwrap().electorate, 4);
		// The electorate was fixed when the poll opened: a member whose standing ended during
		// the poll still votes in it ...
		lapse(project, DAVE);
		assert_ok!(vote(DAVE, poll, Choice::Option(0), 1));
		// ... and a steward added during the poll does not.
		assert_ok!(Projects::add_steward(RuntimeOrigin::root(), project, POOR));
		assert_noop!(vote(POOR, poll, Choice::Option(0), 1), Error::<Test>::NotEligible);
		// A later poll counts Eve and the new steward, not Dave.
		let later = options_poll(project);
		assert_eq!(Polls::<Test>::get(later).unwrap().electorate, 5);
		assert_ok!(vote(EVE, later, Choice::Option(1), 1));
	});
}

#[test]
fn create_errors() {
	test(|| {
		let project = project_with_members();
		let create = |who, project, labels: &[&str], end| {
			QuadraticVoting::create_poll(RuntimeOrigin::signed(who), project, options(labels), end)
		};
		assert_noop!(create(BOB, project, &["a"], 20), Error::<Test>::TooFewOptions);
		assert_noop!(create(BOB, project, &["a", ""], 20), Error::<Test>::EmptyLabel);
		assert_noop!(
			create(BOB, 9, &["a", "b"], 20),
			pallet_projects::Error::<Test>::ProjectNotFound
		);
		assert_noop!(create(EVE, project, &["a", "b"], 20), Error::<Test>::NotMember);
		assert_noop!(create(BOB, project, &["a", "b"], 1 + MIN - 1), Error::<Test>::EndOutOfRange);
		assert_noop!(create(BOB, project, &["a", "b"], 1 + MAX + 1), Error::<Test>::EndOutOfRange);
		assert_ok!(create(BOB, project, &["a", "b"], 1 + MIN));
		assert_ok!(create(BOB, project, &["a", "b"], 1 + MAX));
		make_member(project, POOR, 1);
		assert_noop!(create(POOR, project, &["a", "b"], 20), TokenError::FundsUnavailable);
		NextPollId::<Test>::put(u32::MAX);
		assert_noop!(create(BOB, project, &["a", "b"], 20), ArithmeticError::Overflow);
		NextPollId::<Test>::put(2);
		assert_noop!(
			QuadraticVoting::create_poll(RuntimeOrigin::none(), project, options(&["a", "b"]), 20),
			DispatchError::BadOrigin
		);
		assert_ok!(Projects::set_status(RuntimeOrigin::root(), project, ProjectStatus::Completed));
		assert_noop!(
			create(BOB, project, &["a", "b"], 20),
			pallet_projects::Error::<Test>::ProjectClosed
		);
	});
}

#[test]
fn vote_errors() {
	test(|| {
		let project = project_with_members();
		let poll = options_poll(project);
		let motion = proposal(project, set_cap(project, 5));
		assert_noop!(vote(BOB, 7, Choice::Option(0), 1), Error::<Test>::PollNotFound);
		assert_noop!(vote(EVE, poll, Choice::Option(0), 1), Error::<Test>::NotEligible);
		assert_noop!(vote(BOB, poll, Choice::Aye, 1), Error::<Test>::InvalidChoice);
		assert_noop!(vote(BOB, poll, Choice::Option(3), 1), Error::<Test>::InvalidChoice);
		assert_noop!(vote(BOB, motion, Choice::Option(0), 1), Error::<Test>::InvalidChoice);
		// Eleven votes cost 121 credits, more than the 100 each voter has.
		assert_noop!(vote(BOB, poll, Choice::Option(0), 11), Error::<Test>::InsufficientCredits);
		assert_noop!(vote(BOB, poll, Choice::Option(0), 0), Error::<Test>::NotVoted);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::none(), poll, Choice::Option(0), 1),
			DispatchError::BadOrigin
		);
		// Withdrawing a vote.
		assert_ok!(vote(BOB, poll, Choice::Option(1), 2));
		assert_ok!(vote(BOB, poll, Choice::Option(0), 0));
		assert_eq!(Polls::<Test>::get(poll).unwrap().tally.to_vec(), vec![0, 0, 0]);
		assert_eq!(Polls::<Test>::get(poll).unwrap().voters, 0);
		assert_eq!(QuadraticVoting::credits(poll, &BOB), Some(CREDITS));
		// A first vote holds a deposit the voter must have.
		make_member(project, POOR, 1);
		let later = options_poll(project);
		assert_noop!(vote(POOR, later, Choice::Option(0), 1), TokenError::FundsUnavailable);
		System::set_block_number(21);
		assert_noop!(
			QuadraticVoting::close_poll(RuntimeOrigin::none(), poll, Weight::zero()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), later),
			Error::<Test>::PollNotClosed
		);
		assert_noop!(
			QuadraticVoting::clear_votes(RuntimeOrigin::signed(BOB), later, 5),
			Error::<Test>::PollNotClosed
		);
	});
}

#[test]
fn options_polls_can_tie() {
	test(|| {
		let project = project_with_members();
		let poll = options_poll(project);
		assert_ok!(vote(BOB, poll, Choice::Option(0), 3));
		assert_ok!(vote(CHARLIE, poll, Choice::Option(2), 3));
		System::set_block_number(21);
		assert_ok!(close(poll));
		let Event::PollClosed { outcome, .. } = closed_event() else { unreachable!() };
		assert_eq!(outcome, Outcome::Tied);
	});
}

/// Opening a poll is charged for settling the most standing epochs the ledger may settle, and
/// refunded to those it did (none here).
#[test]
fn opening_a_poll_is_refunded_to_the_epochs_it_settled() {
	use crate::WeightInfo;
	use commons_primitives::traits::ProjectMembership;
	test(|| {
		let project = project_with_members();
		let call =
			crate::Call::<Test>::create_poll { project, options: options(&["a", "b"]), end: 20 };
		let declared =
			polkadot_sdk::frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&call)
				.call_weight;
		let settle = <MockMembership as ProjectMembership<AccountId>>::settle_weight(8);
		// Each steward's standing is read, so that each account counts once in the electorate.
		let stewards = <MockMembership as ProjectMembership<AccountId>>::standing_weight() * 4;
		assert_eq!(declared, <() as WeightInfo>::create_poll() + settle + stewards);
		let post = QuadraticVoting::create_poll(
			RuntimeOrigin::signed(BOB),
			project,
			options(&["a", "b"]),
			20,
		)
		.expect("a member opens a poll");
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::create_poll() + stewards));
	});
}

#[test]
fn a_project_with_open_polls_cannot_be_reaped() {
	test(|| {
		let project = project_with_members();
		let poll = options_poll(project);
		assert_ok!(Projects::set_status(RuntimeOrigin::root(), project, ProjectStatus::Cancelled));
		assert_noop!(
			Projects::reap_project(RuntimeOrigin::signed(EVE), project),
			pallet_projects::Error::<Test>::OutstandingWork
		);
		System::set_block_number(21);
		// A cancelled project's polls still close (and votes are left to their voters).
		assert_ok!(close(poll));
		assert_eq!(OpenPolls::<Test>::get(project), 0);
		assert!(!OpenPolls::<Test>::contains_key(project), "no zero count is left behind");
		// The project's constitution goes with it.
		let constitution = QuadraticVoting::constitution(project);
		crate::Constitutions::<Test>::insert(project, constitution);
		assert_ok!(Projects::reap_project(RuntimeOrigin::signed(EVE), project));
		assert!(!crate::Constitutions::<Test>::contains_key(project));
	});
}

/// Random voters (members, a steward, outsiders, latecomers) vote, change and withdraw votes in
/// random polls; after every step the invariants hold, every tally equals a model's and every
/// voter's credits are what their last vote left.
#[test]
fn random_voting_keeps_tallies_and_credits_exact() {
	use std::collections::BTreeMap;
	for seed in 0..100u64 {
		let mut rng = SeededRng::new(seed);
		let mut next = move |n: u64| rng.below(n);
		new_test_ext().execute_with(|| {
			let project = project_with_members();
			let polls = [options_poll(project), proposal(project, set_cap(project, 9))];
			// (poll, voter) → (slot, votes)
			let mut model: BTreeMap<(PollId, AccountId), (usize, u32)> = BTreeMap::new();
			let mut accepted = 0;
			for _ in 0..50 {
				let poll = polls[next(2) as usize];
				let who = [ALICE, BOB, CHARLIE, DAVE, EVE, POOR][next(6) as usize];
				let votes = next(12) as u32;
				let (choice, slot) = if poll == polls[0] {
					let i = next(4) as u32;
					(Choice::Option(i), i as usize)
				} else if next(2) == 0 {
					(Choice::Aye, 0)
				} else {
					(Choice::Nay, 1)
				};
				if next(10) == 0 {
					// Eve earns standing after the polls were created (at block 1).
					make_member(project, EVE, System::block_number().max(2));
				}
				if vote(who, poll, choice, votes).is_ok() {
					accepted += 1;
					if votes == 0 {
						model.remove(&(poll, who));
					} else {
						model.insert((poll, who), (slot, votes));
					}
				}
				QuadraticVoting::do_try_state().expect("invariants hold");
				for poll in polls {
					let record = Polls::<Test>::get(poll).unwrap();
					let mut tally = vec![0u64; record.tally.len()];
					for ((p, _), (slot, votes)) in &model {
						if *p == poll {
							tally[*slot] += u64::from(*votes);
						}
					}
					assert_eq!(record.tally.to_vec(), tally, "seed {seed}");
				}
				for ((poll, voter), (_, votes)) in &model {
					assert_eq!(
						QuadraticVoting::credits(*poll, voter),
						Some(CREDITS - votes * votes),
						"seed {seed}"
					);
				}
				assert!(!model.keys().any(|(_, v)| *v == EVE || *v == POOR), "outsiders voted");
				System::set_block_number(System::block_number() + next(2));
			}
			assert!(accepted > 0, "seed {seed}: no vote was accepted");
			System::set_block_number(ENACTABLE);
			for poll in polls {
				assert_ok!(close(poll));
				assert_ok!(QuadraticVoting::clear_votes(RuntimeOrigin::signed(EVE), poll, 10));
			}
			QuadraticVoting::do_try_state().expect("invariants hold");
			assert_eq!(Votes::<Test>::iter().count(), 0);
			assert!([ALICE, BOB, CHARLIE, DAVE].iter().all(|who| vote_held(*who) == 0));
		});
	}
}

/// The proposer chooses nothing but the question and the end: quorum, threshold and delay come
/// from the constitution, which only the project's governance changes, within the floors.
#[test]
fn the_constitution_sets_the_rules_within_floors() {
	test(|| {
		let project = project_with_members();
		let good = QuadraticVoting::constitution(project);
		let set = |origin, c| QuadraticVoting::set_constitution(origin, project, c);
		assert_noop!(set(RuntimeOrigin::signed(ALICE), good), DispatchError::BadOrigin);
		assert_noop!(
			QuadraticVoting::set_constitution(RuntimeOrigin::root(), 9, good),
			pallet_projects::Error::<Test>::ProjectNotFound
		);
		let below = [
			Constitution { quorum: Percent::from_percent(5), ..good },
			Constitution { threshold: Percent::from_percent(40), ..good },
			Constitution { protected_threshold: Percent::from_percent(55), ..good },
			Constitution {
				threshold: Percent::from_percent(70),
				protected_threshold: Percent::from_percent(65),
				..good
			},
			Constitution { min_duration: MIN - 1, ..good },
			Constitution { min_duration: MAX + 1, ..good },
			Constitution { enactment_delay: DELAY - 1, ..good },
			Constitution { enactment_delay: MAX + 1, ..good },
		];
		for c in below {
			assert_noop!(set(RuntimeOrigin::root(), c), Error::<Test>::ConstitutionBelowFloor);
		}
		let strict = Constitution {
			quorum: Percent::from_percent(50),
			threshold: Percent::from_percent(60),
			protected_threshold: Percent::from_percent(80),
			min_duration: 15,
			enactment_delay: 20,
		};
		assert_ok!(set(RuntimeOrigin::root(), strict));
		System::assert_last_event(Event::ConstitutionSet { project, constitution: strict }.into());
		// A poll shorter than the constitution's minimum is refused.
		assert_noop!(
			QuadraticVoting::create_poll(
				RuntimeOrigin::signed(BOB),
				project,
				options(&["a", "b"]),
				15
			),
			Error::<Test>::EndOutOfRange
		);
		// A routine proposal needs more than 60% of the votes and 2 of 4 voters.
		let poll = proposal(project, remark(8));
		let record = Polls::<Test>::get(poll).unwrap();
		assert_eq!(
			(record.quorum, record.threshold, record.protected),
			(strict.quorum, strict.threshold, false)
		);
		assert_ok!(vote(BOB, poll, Choice::Aye, 3));
		assert_ok!(vote(CHARLIE, poll, Choice::Nay, 2));
		// 3 of 5 votes is not above 60%.
		assert_eq!(QuadraticVoting::poll_info(poll).unwrap().outcome, Outcome::Rejected);
		assert_ok!(vote(DAVE, poll, Choice::Nay, 0).or_else(|_| vote(DAVE, poll, Choice::Aye, 1)));
		// 4 of 6 is above 60%: passed, and routine acts are enacted at once.
		System::set_block_number(21);
		assert_eq!(QuadraticVoting::poll_info(poll).unwrap().outcome, Outcome::Passed);
		assert_ok!(close(poll));
		// Changing the constitution is itself a protected act.
		let change = RuntimeCall::QuadraticVoting(crate::Call::set_constitution {
			project,
			constitution: good,
		});
		let poll = NextPollId::<Test>::get();
		assert_ok!(QuadraticVoting::propose(
			RuntimeOrigin::signed(BOB),
			project,
			Box::new(change),
			40
		));
		assert!(Polls::<Test>::get(poll).unwrap().protected);
		assert_eq!(Polls::<Test>::get(poll).unwrap().enact_after, 40 + 20);
	});
}

/// Two projects (or two polls) proposing the same long call each hold a request for its
/// preimage: closing one never removes what the other needs.
#[test]
fn a_shared_preimage_survives_the_first_poll_to_close() {
	test(|| {
		let project = project_with_members();
		let other = project_with_members();
		let long = remark(300);
		let hash = <Test as polkadot_sdk::frame_system::Config>::Hashing::hash_of(&long);
		let first = proposal(project, long.clone());
		System::set_block_number(2);
		let second =
			QuadraticVoting::propose(RuntimeOrigin::signed(BOB), other, Box::new(long.clone()), 25);
		assert_ok!(second);
		let second = first + 1;
		assert_ok!(vote(BOB, first, Choice::Nay, 1));
		assert_ok!(vote(BOB, second, Choice::Aye, 1));
		System::set_block_number(21);
		// The attacker's poll closes first, rejected: its request is dropped ...
		assert_ok!(close(first));
		assert!(
			polkadot_sdk::pallet_preimage::PreimageFor::<Test>::iter_keys().any(|(h, _)| h == hash)
		);
		// ... and the victim's passed poll still closes and dispatches its call.
		System::set_block_number(26);
		assert_ok!(close(second));
		let Event::PollClosed { outcome, dispatched, .. } = closed_event() else { unreachable!() };
		assert_eq!((outcome, dispatched), (Outcome::Passed, Some(Ok(()))));
		assert_eq!(polkadot_sdk::pallet_preimage::PreimageFor::<Test>::iter().count(), 0);
	});
}

/// A proposal heavier than `MaxProposalWeight` is refused when proposed; one that became too
/// heavy, or whose preimage is gone, still closes: the failure is in the event.
#[test]
fn no_proposal_can_keep_its_poll_from_closing() {
	test(|| {
		let project = project_with_members();
		MaxProposalWeight::set(Weight::zero());
		assert_noop!(
			QuadraticVoting::propose(RuntimeOrigin::signed(BOB), project, Box::new(remark(8)), 20),
			Error::<Test>::ProposalTooHeavy
		);
		MaxProposalWeight::set(PROPOSAL_WEIGHT_BOUND);
		let heavy = proposal(project, remark(8));
		let gone = proposal(project, remark(300));
		for poll in [heavy, gone] {
			assert_ok!(vote(BOB, poll, Choice::Aye, 1));
		}
		// The runtime's weights change after the proposal was made ...
		MaxProposalWeight::set(Weight::zero());
		System::set_block_number(21);
		assert_ok!(close(heavy));
		let Event::PollClosed { outcome, dispatched, .. } = closed_event() else { unreachable!() };
		assert_eq!(outcome, Outcome::Passed);
		assert_eq!(dispatched, Some(Err(Error::<Test>::ProposalTooHeavy.into())));
		MaxProposalWeight::set(PROPOSAL_WEIGHT_BOUND);
		// ... or the preimage is gone.
		let Question::Proposal(bounded) = crate::PollQuestions::<Test>::get(gone).unwrap() else {
			unreachable!()
		};
		let hash = bounded.hash();
		polkadot_sdk::pallet_preimage::PreimageFor::<Test>::remove((hash, 300 + 3));
		let _ = polkadot_sdk::pallet_preimage::PreimageFor::<Test>::clear(10, None);
		assert_ok!(close(gone));
		let Event::PollClosed { outcome, dispatched, .. } = closed_event() else { unreachable!() };
		assert_eq!(outcome, Outcome::Passed);
		assert!(matches!(dispatched, Some(Err(_))));
		assert_eq!(OpenPolls::<Test>::get(project), 0);
	});
}

/// No constitution can freeze its project: a quorum or a protected threshold above the runtime's
/// ceilings is refused by name, and at the ceilings a unanimous poll still passes a protected
/// act, which can then repeal the constitution.
#[test]
fn no_constitution_freezes_its_project() {
	test(|| {
		let project = project_with_members();
		let good = QuadraticVoting::constitution(project);
		let set = |c| QuadraticVoting::set_constitution(RuntimeOrigin::root(), project, c);
		let frozen = [
			Constitution { quorum: Percent::from_percent(100), ..good },
			Constitution { quorum: Percent::from_percent(51), ..good },
			Constitution { protected_threshold: Percent::from_percent(100), ..good },
			Constitution {
				threshold: Percent::from_percent(90),
				protected_threshold: Percent::from_percent(90),
				..good
			},
		];
		for c in frozen {
			assert_noop!(set(c), Error::<Test>::ConstitutionAboveCeiling);
		}
		let strictest = Constitution {
			quorum: MaxQuorum::get(),
			threshold: MaxProtectedThreshold::get(),
			protected_threshold: MaxProtectedThreshold::get(),
			..good
		};
		assert_ok!(set(strictest));
		// Under the strictest constitution allowed, the members vote unanimously to repeal it.
		let repeal = RuntimeCall::QuadraticVoting(crate::Call::set_constitution {
			project,
			constitution: good,
		});
		let poll = proposal(project, repeal);
		assert!(Polls::<Test>::get(poll).unwrap().protected);
		for who in [BOB, CHARLIE] {
			assert_ok!(vote(who, poll, Choice::Aye, 1));
		}
		System::set_block_number(ENACTABLE);
		assert_eq!(QuadraticVoting::poll_info(poll).unwrap().outcome, Outcome::Passed);
		assert_ok!(close(poll));
		assert_eq!(QuadraticVoting::constitution(project), good);
	});
}

/// Each account counts once in the electorate: a steward who is also a member by reputation
/// does not make the quorum harder to reach.
#[test]
fn each_account_counts_once_in_the_electorate() {
	test(|| {
		let project = project_with_members();
		// Alice (the founder) has no standing; Bob, Charlie and Dave have.
		let poll = options_poll(project);
		assert_eq!(Polls::<Test>::get(poll).unwrap().electorate, 4);
		// Bob becomes a steward too: still four accounts.
		assert_ok!(Projects::add_steward(RuntimeOrigin::root(), project, BOB));
		let poll = options_poll(project);
		assert_eq!(Polls::<Test>::get(poll).unwrap().electorate, 4);
		// Eve, a steward without standing, is one more.
		assert_ok!(Projects::add_steward(RuntimeOrigin::root(), project, EVE));
		let poll = options_poll(project);
		assert_eq!(Polls::<Test>::get(poll).unwrap().electorate, 5);
	});
}

/// A voter's voice follows the value of their work: their credits are the square of the votes
/// their reputation is worth, at least one vote, at most `VoiceCredits`. Accounts that split a
/// piece of work between them have no more votes together than one account that did it all.
#[test]
fn voice_is_bounded_by_the_value_of_work() {
	test(|| {
		let project = project_with_members();
		set_voice(project, BOB, 3);
		set_voice(project, CHARLIE, 0);
		set_voice(project, DAVE, 1_000);
		let poll = proposal(project, remark(8));
		assert_eq!(QuadraticVoting::credits(poll, &BOB), Some(9));
		assert_noop!(vote(BOB, poll, Choice::Aye, 4), Error::<Test>::InsufficientCredits);
		assert_ok!(vote(BOB, poll, Choice::Aye, 3));
		assert_eq!(QuadraticVoting::credits(poll, &BOB), Some(0));
		// A member whose reputation is worth less than a vote, and a steward without any, vote
		// once.
		assert_eq!(QuadraticVoting::credits(poll, &CHARLIE), Some(1));
		set_voice(project, ALICE, 0);
		assert_eq!(QuadraticVoting::credits(poll, &ALICE), Some(1));
		assert_noop!(vote(ALICE, poll, Choice::Aye, 2), Error::<Test>::InsufficientCredits);
		// Nobody has more than `VoiceCredits`.
		assert_eq!(QuadraticVoting::credits(poll, &DAVE), Some(CREDITS));
		// Three accounts with a vote's worth each have three votes, as one account with three
		// votes' worth: splitting work among accounts gains no voice.
		for who in [ALICE, CHARLIE] {
			assert_ok!(vote(who, poll, Choice::Nay, 1));
		}
		assert_eq!(QuadraticVoting::poll_info(poll).unwrap().tally.to_vec(), vec![3, 2]);
	});
}

/// Votes of a poll that never existed cannot be "cleared": the id is refused by name.
#[test]
fn clearing_votes_of_a_poll_that_never_existed_is_refused() {
	test(|| {
		let project = project_with_members();
		let poll = options_poll(project);
		assert_noop!(
			QuadraticVoting::clear_votes(RuntimeOrigin::signed(EVE), poll + 7, 10),
			Error::<Test>::PollNotFound
		);
		assert_noop!(
			QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), poll + 7),
			Error::<Test>::PollNotFound
		);
		assert_noop!(
			QuadraticVoting::clear_votes(RuntimeOrigin::signed(EVE), poll, 10),
			Error::<Test>::PollNotClosed
		);
	});
}
