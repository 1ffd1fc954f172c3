//! Capture resistance, round two, played as an adversary would in this runtime: each attack of
//! the threat model (docs/governance.md, "Threat model") that the pallets alone cannot show,
//! refused by name or made harmless, with its numbers.
//!
//! - voice bounded by value: a steward and one accomplice split a milestone into tiny tasks paid
//!   to fresh accounts, and gain no more voice than one task of the same total would give;
//! - keyless accounts cannot be jammed: no signed transfer reaches a treasury or an escrow, alone
//!   or in a batch, and the treasury still funds and the next task still posts;
//! - every act the constitution lists as routine passes from a poll, dispatched with the
//!   project's origin.

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::{
	configs::RoutineProposals, constants::*, AccountId, Assets, Balance, BlockNumber,
	Contributions, Projects, QuadraticVoting, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	System, Tasks,
};
use commons_primitives::{
	traits::ProjectsInterface, BudgetAsset, Cid, MilestoneId, PollId, ProjectId, TaskId,
	REPUTATION_POINT,
};
use polkadot_sdk::*;

use frame_support::{assert_noop, assert_ok, traits::Contains, weights::Weight, BoundedVec};
use pallet_quadratic_voting::{Choice, Outcome};
use sp_runtime::{traits::Dispatchable, BuildStorage, DispatchError, MultiAddress};

fn account(i: u8) -> AccountId {
	AccountId::new([i; 32])
}

const STEWARD: u8 = 1;
const ACCOMPLICE: u8 = 2;
const WORKER: u8 = 3;
/// Honest members: 10 to 14.
const HONEST: core::ops::Range<u8> = 10..15;
/// Fresh accounts of the ring: 100 to 111.
const PUPPETS: core::ops::Range<u8> = 100..112;

fn cid(s: &str) -> Cid {
	BoundedVec::truncate_from(s.as_bytes().to_vec())
}

fn signed(i: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(i))
}

/// A chain where accounts 1 to 250 hold 10 000 tokens each, at block 1.
fn ext() -> sp_io::TestExternalities {
	let balances = (1..=250u8).map(|i| (account(i), 10_000 * UNIT)).collect();
	let storage = crate::RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Checks every pallet's invariants.
fn invariants() {
	pallet_projects::Pallet::<Runtime>::do_try_state().expect("projects invariants");
	pallet_tasks::Pallet::<Runtime>::do_try_state().expect("tasks invariants");
	pallet_contributions::Pallet::<Runtime>::do_try_state().expect("contributions invariants");
	pallet_quadratic_voting::Pallet::<Runtime>::do_try_state().expect("voting invariants");
}

/// `founder` creates a project with its own currency (the asset's id is the project's).
fn create(founder: u8) -> ProjectId {
	let project = pallet_projects::NextProjectId::<Runtime>::get();
	assert_ok!(Projects::create_project(
		signed(founder),
		BoundedVec::truncate_from(b"Commons".to_vec()),
		cid("plan"),
		Some(pallet_projects::CurrencyParams {
			symbol: BoundedVec::truncate_from(b"CMN".to_vec()),
			name: BoundedVec::truncate_from(b"Commons".to_vec()),
			decimals: 0,
			cap: Balance::MAX / 4,
			min_balance: 1,
		}),
	));
	project
}

/// A steward plans a milestone of `budget` in the project's currency; the community funds it
/// (the chain's Root stands in for the passed poll).
fn funded(project: ProjectId, steward: u8, budget: Balance) -> MilestoneId {
	let milestone = pallet_projects::Projects::<Runtime>::get(project).unwrap().milestone_count;
	assert_ok!(Projects::add_milestone(
		signed(steward),
		project,
		cid("goal"),
		BudgetAsset::ProjectCurrency,
		budget,
		System::block_number() + 10_000,
	));
	assert_ok!(Projects::fund_milestone(RuntimeOrigin::root(), project, milestone));
	milestone
}

/// Gives `who` a history of `points` of reputation in `project` (past work).
fn history(project: ProjectId, who: u8, points: u128) {
	Contributions::record(
		project,
		&account(who),
		pallet_contributions::ContributionKind::Task,
		0,
		&Cid::default(),
		points * REPUTATION_POINT,
	);
}

/// `poster` posts a task of `reward` in `milestone`, due at `due`, reviewed by `reviewer` alone;
/// returns its id.
fn post(
	project: ProjectId,
	milestone: MilestoneId,
	poster: u8,
	reviewer: u8,
	reward: Balance,
	due: BlockNumber,
) -> TaskId {
	let task = pallet_tasks::NextTaskId::<Runtime>::get();
	assert_ok!(Tasks::post_task(
		signed(poster),
		project,
		milestone,
		cid("spec"),
		reward,
		due,
		BoundedVec::truncate_from(alloc::vec![account(reviewer)]),
		1,
	));
	task
}

/// `poster` posts a task of `reward` reviewed by `reviewer` alone; `worker` claims it and submits
/// work, and the reviewer approves it: the worker is paid.
fn paid_task(
	project: ProjectId,
	milestone: MilestoneId,
	poster: u8,
	reviewer: u8,
	worker: u8,
	reward: Balance,
) -> TaskId {
	let task = post(project, milestone, poster, reviewer, reward, System::block_number() + 1_000);
	assert_ok!(Tasks::claim_task(signed(worker), task));
	assert_ok!(Tasks::submit_work(signed(worker), task, cid("work")));
	assert_ok!(Tasks::review(signed(reviewer), task, true, cid("ok")));
	assert!(pallet_tasks::Tasks::<Runtime>::get(task).is_none(), "the task was paid");
	task
}

fn voice(project: ProjectId, who: u8) -> u32 {
	Contributions::voice(project, &account(who))
}

/// `proposer` proposes `call` in `project`; `ayes` vote for it with all their voice and `nays`
/// against; the poll is closed once it may be. Returns its outcome and what its dispatch
/// returned.
fn poll(
	project: ProjectId,
	proposer: u8,
	call: RuntimeCall,
	ayes: &[u8],
	nays: &[u8],
) -> (Outcome, Option<Result<(), DispatchError>>) {
	let poll: PollId = pallet_quadratic_voting::NextPollId::<Runtime>::get();
	let constitution = QuadraticVoting::constitution(project);
	let end = System::block_number() + constitution.min_duration;
	assert_ok!(QuadraticVoting::propose(
		signed(proposer),
		project,
		alloc::boxed::Box::new(call),
		end
	));
	for (voters, choice) in [(ayes, Choice::Aye), (nays, Choice::Nay)] {
		for who in voters {
			let votes = QuadraticVoting::credits(poll, &account(*who))
				.map(|credits| (credits as f64).sqrt() as u32)
				.unwrap_or(1);
			// Accounts that may not vote are refused by name; they are counted out.
			let _ = QuadraticVoting::vote(signed(*who), poll, choice, votes.max(1));
		}
	}
	let record = pallet_quadratic_voting::Polls::<Runtime>::get(poll).unwrap();
	System::set_block_number(record.enact_after + 1);
	System::reset_events();
	assert_ok!(QuadraticVoting::close_poll(signed(250), poll, Weight::MAX));
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::QuadraticVoting(pallet_quadratic_voting::Event::PollClosed {
				outcome,
				dispatched,
				..
			}) => Some((outcome, dispatched)),
			_ => None,
		})
		.unwrap()
}

/// The attack of issue 29, class 1: a steward plans a tiny milestone, the community funds it in
/// good faith, the steward posts it as twelve one-unit tasks, twelve fresh accounts "do" them and
/// one accomplice member approves each. Voice follows value: in a project that funded a
/// milestone of 1 000 000 before, the twelve gain no voice at all, exactly the reputation one
/// task of the same total would have earned, and the ring cannot pass a protected act; in a
/// project whose largest milestone is the tiny one, the twelve together have fewer votes than
/// one account doing all the work.
#[test]
fn tiny_tasks_mint_no_more_voice_than_one_task_of_the_same_total() {
	ext().execute_with(|| {
		let project = create(STEWARD);
		for who in HONEST {
			history(project, who, 5);
		}
		history(project, ACCOMPLICE, 2);
		// The community's history: a milestone of a million units. Then the tiny one.
		funded(project, STEWARD, 1_000_000);
		let puppets = split_twelve_ways(project);
		let worker = Contributions::reputation(project, &account(WORKER));
		assert_eq!(puppets.reputation, worker, "twelve tiny tasks earn what one of the total does");
		assert_eq!(worker, 20 * REPUTATION_POINT * 12 / 1_000_000);
		assert_eq!(puppets.voice, 0);
		let members = PUPPETS.filter(|p| Contributions::is_member(project, &account(*p))).count();
		assert_eq!(members, 0);
		// The ring proposes a puppet as steward: the puppets may not vote, and the steward (one
		// vote) and the accomplice (four) lose to five honest members with ten votes each.
		assert_eq!(voice(project, ACCOMPLICE), 4);
		assert!(HONEST.map(|h| voice(project, h)).all(|v| v == 10));
		let capture = RuntimeCall::Projects(pallet_projects::Call::add_steward {
			project,
			steward: account(PUPPETS.start),
		});
		let mut ring = alloc::vec![STEWARD, ACCOMPLICE];
		ring.extend(PUPPETS);
		let honest: alloc::vec::Vec<u8> = HONEST.collect();
		let (outcome, dispatched) = poll(project, ACCOMPLICE, capture, &ring, &honest);
		assert_eq!((outcome, dispatched), (Outcome::Rejected, None));
		assert!(!Projects::is_steward(project, &account(PUPPETS.start)));

		// A project whose only milestone is the tiny one: the twelve stand, but with three
		// votes each (1.67 points) they have 36 together, fewer than the 40 of one account
		// that did a task of the same total (20 points).
		let small = create(STEWARD);
		history(small, ACCOMPLICE, 2);
		let puppets = split_twelve_ways(small);
		assert_eq!(puppets.voice, 12 * 3);
		assert_eq!(voice(small, WORKER), 40);
		assert!(puppets.voice <= voice(small, WORKER));
		invariants();
	});
}

/// The ring's play in `project`: a milestone of 12 the community funds, split into twelve one-unit
/// tasks done by the puppets and approved by the accomplice; and, to compare, one task of 12 (of
/// another milestone of 12) done by the worker. Returns the puppets' reputation and voice, summed.
fn split_twelve_ways(project: ProjectId) -> ReputationSum {
	let tiny = funded(project, STEWARD, 12);
	for puppet in PUPPETS {
		paid_task(project, tiny, STEWARD, ACCOMPLICE, puppet, 1);
	}
	let same = funded(project, STEWARD, 12);
	paid_task(project, same, STEWARD, ACCOMPLICE, WORKER, 12);
	PUPPETS.map(|p| (account(p), project)).collect()
}

/// The reputation and voice of several accounts in a project, summed.
#[derive(Default)]
struct ReputationSum {
	reputation: u128,
	voice: u32,
}

impl FromIterator<(AccountId, ProjectId)> for ReputationSum {
	fn from_iter<I: IntoIterator<Item = (AccountId, ProjectId)>>(accounts: I) -> Self {
		accounts.into_iter().fold(Self::default(), |sum, (who, project)| ReputationSum {
			reputation: sum.reputation + Contributions::reputation(project, &who),
			voice: sum.voice + Contributions::voice(project, &who),
		})
	}
}

/// The attack of issue 29, class 2: holders of other projects' currencies (and of the native
/// token) send them to a project's treasury and to the escrow of the next task id, directly and
/// inside batches. Every such transfer is refused (`CallFiltered`); the treasury still mints its
/// currency and the next task still posts, whatever was tried.
#[test]
fn junk_cannot_jam_keyless_accounts() {
	ext().execute_with(|| {
		let project = create(STEWARD);
		let treasury = Projects::project_account(project);
		let next_escrow = Tasks::escrow_account(pallet_tasks::NextTaskId::<Runtime>::get());
		// Three other projects, whose currencies a holder (the worker) has.
		let mut junk = alloc::vec::Vec::new();
		for founder in 20..23u8 {
			let other = create(founder);
			let milestone = funded(other, founder, 1_000);
			assert_ok!(<Projects as ProjectsInterface<AccountId>>::spend(
				other,
				milestone,
				&account(WORKER),
				100
			));
			junk.push(other);
		}
		let filtered: DispatchError = frame_system::Error::<Runtime>::CallFiltered.into();
		for target in [treasury.clone(), next_escrow.clone()] {
			for asset in &junk {
				let transfer = RuntimeCall::Assets(pallet_assets::Call::transfer {
					id: (*asset).into(),
					target: MultiAddress::Id(target.clone()),
					amount: 1,
				});
				let keep_alive = RuntimeCall::Assets(pallet_assets::Call::transfer_keep_alive {
					id: (*asset).into(),
					target: MultiAddress::Id(target.clone()),
					amount: 1,
				});
				for call in [transfer.clone(), keep_alive] {
					assert!(!crate::configs::NoTransfersToKeyless::contains(&call));
					assert_eq!(call.dispatch(signed(WORKER)).map_err(|e| e.error), Err(filtered));
				}
				// Inside a batch, too: `batch_all` fails as a whole.
				let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
					calls: alloc::vec![transfer],
				});
				assert_eq!(batch.dispatch(signed(WORKER)).map_err(|e| e.error), Err(filtered));
			}
			// Native tokens go to a treasury only as a donation, which the books record.
			let native = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: MultiAddress::Id(target.clone()),
				value: UNIT,
			});
			assert_eq!(native.dispatch(signed(WORKER)).map_err(|e| e.error), Err(filtered));
			for asset in &junk {
				assert_eq!(Assets::balance(*asset, &target), 0);
			}
		}
		// Transfers between people are not affected.
		let between = RuntimeCall::Assets(pallet_assets::Call::transfer {
			id: junk[0].into(),
			target: MultiAddress::Id(account(ACCOMPLICE)),
			amount: 1,
		});
		assert_ok!(between.dispatch(signed(WORKER)));
		// The treasury still mints its own currency, and the next task still posts.
		let milestone = funded(project, STEWARD, 500);
		assert_eq!(Assets::balance(project, &treasury), 500);
		assert_eq!(Tasks::escrow_account(pallet_tasks::NextTaskId::<Runtime>::get()), next_escrow);
		history(project, ACCOMPLICE, 2);
		post(project, milestone, STEWARD, ACCOMPLICE, 100, System::block_number() + 100);
		assert_eq!(Assets::balance(project, &next_escrow), 100);
		assert_ok!(Projects::donate(signed(WORKER), project, UNIT));
		invariants();
	});
}

/// Issue 29, class 5: every call the runtime lists as routine accepts the project's origin: each
/// is proposed, passed by the members and dispatched from its poll without error.
#[test]
fn every_routine_act_passes_from_a_poll() {
	ext().execute_with(|| {
		let project = create(STEWARD);
		for who in HONEST {
			history(project, who, 5);
		}
		let honest: alloc::vec::Vec<u8> = HONEST.collect();
		let proposer = HONEST.start;
		// The treasury pays a milestone the community adds itself: it has donations.
		assert_ok!(Projects::donate(signed(WORKER), project, 10 * UNIT));
		let milestone = funded(project, STEWARD, 1_000);
		assert_ok!(Contributions::set_reputation_budget(
			RuntimeOrigin::root(),
			project,
			10 * REPUTATION_POINT
		));
		let task = |due| post(project, milestone, STEWARD, HONEST.start, 100, due);
		let far = System::block_number() + 100_000;
		let (rescheduled, cancelled) = (task(far), task(far));
		assert_ok!(Tasks::claim_task(signed(WORKER), rescheduled));
		let calls = [
			RuntimeCall::Projects(pallet_projects::Call::amend_plan {
				project,
				plan: cid("plan-v2"),
			}),
			RuntimeCall::Projects(pallet_projects::Call::add_milestone {
				project,
				title: cid("the community's goal"),
				asset: BudgetAsset::ProjectCurrency,
				budget: 100,
				due: far,
			}),
			RuntimeCall::Tasks(pallet_tasks::Call::reschedule_task {
				task: rescheduled,
				due: far + 1_000_000,
			}),
			RuntimeCall::Tasks(pallet_tasks::Call::cancel_task { task: cancelled }),
			RuntimeCall::Contributions(pallet_contributions::Call::recognize {
				project,
				milestone,
				who: account(WORKER),
				amount: 0,
				boost: REPUTATION_POINT,
				reason: cid("thanks"),
			}),
			RuntimeCall::Projects(pallet_projects::Call::complete_milestone {
				project,
				milestone,
				evidence: cid("done"),
			}),
			RuntimeCall::System(frame_system::Call::remark { remark: alloc::vec![1] }),
		];
		// `remark_with_event` names its signer: no poll could dispatch it, so it is no routine
		// act (this test found it listed as one).
		let signed_only =
			RuntimeCall::System(frame_system::Call::remark_with_event { remark: alloc::vec![2] });
		assert!(!RoutineProposals::contains(&signed_only));
		for call in calls {
			assert!(RoutineProposals::contains(&call), "{call:?} is routine");
			let (outcome, dispatched) = poll(project, proposer, call.clone(), &honest, &[]);
			assert_eq!((outcome, dispatched), (Outcome::Passed, Some(Ok(()))), "{call:?}");
		}
		let plan = pallet_projects::Projects::<Runtime>::get(project).unwrap().plan;
		assert_eq!((plan.cid, plan.version), (cid("plan-v2"), 2));
		assert!(pallet_tasks::Tasks::<Runtime>::get(cancelled).is_none());
		assert_eq!(
			pallet_projects::Milestones::<Runtime>::get(project, milestone).unwrap().status,
			pallet_projects::MilestoneStatus::Achieved
		);
		invariants();
	});
}

/// A steward cannot stand in for the community: completing a milestone with budget left, or
/// giving a claimed task more than `MaxDueExtension`, is refused by name.
#[test]
fn a_steward_administers_and_the_community_decides() {
	ext().execute_with(|| {
		let project = create(STEWARD);
		history(project, ACCOMPLICE, 2);
		let milestone = funded(project, STEWARD, 1_000);
		assert_noop!(
			Projects::complete_milestone(signed(STEWARD), project, milestone, cid("done")),
			pallet_projects::Error::<Runtime>::UnspentBudget
		);
		let due = System::block_number() + 100;
		let task = post(project, milestone, STEWARD, ACCOMPLICE, 100, due);
		assert_ok!(Tasks::claim_task(signed(WORKER), task));
		let extension = <Runtime as pallet_tasks::Config>::MaxDueExtension::get();
		let limit = due.max(System::block_number() + extension);
		assert_noop!(
			Tasks::reschedule_task(signed(STEWARD), task, limit + 1),
			pallet_tasks::Error::<Runtime>::ExtensionTooLong
		);
		assert_ok!(Tasks::reschedule_task(signed(STEWARD), task, limit));
		invariants();
	});
}
