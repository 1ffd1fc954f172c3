//! The adversarial simulation: an honest community and an adversary, in this runtime.
//!
//! An honest community of [`HONEST`] members works on a project: its founder (a steward) posts
//! tasks, members claim and do them, reviewers review honestly (they approve honest work and
//! reject junk), members propose routine acts and vote their preference (for the community's
//! proposals, against the adversary's). An adversary holds one steward seat and [`PUPPETS`]
//! fresh, funded accounts, and at every other step plays one of the attacks of the threat model
//! (docs/governance.md), at random. After every step the test asserts:
//!
//! - the adversary never passes a poll (the honest majority opposes every one of its polls);
//! - the adversary's accounts never gain money: nothing moves to them except through tasks
//!   honestly reviewed (junk never is) or polls that passed (none of theirs does);
//! - no puppet ever becomes a member, and the adversary's own reputation comes only from
//!   reviews that approved honest work that was paid;
//! - every pallet's invariants (`try_state`).
//!
//! At the end of each seed the project must still be able to plan (after the community cancels
//! the adversary's junk milestones by a poll), close every poll, settle every task and be
//! reaped. A table of strategies × outcomes is printed (`cargo test -- --nocapture`).

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::{
	constants::*, AccountId, Assets, Balance, Balances, BlockNumber, Contributions, Projects,
	QuadraticVoting, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, Tasks,
};
use alloc::collections::BTreeMap;
use commons_primitives::{
	testing::SeededRng, BudgetAsset, Cid, MilestoneId, PollId, ProjectId, ProjectStatus, TaskId,
};
use polkadot_sdk::*;

use frame_support::{traits::fungible::InspectHold as _, weights::Weight, BoundedVec};
use pallet_quadratic_voting::{Choice, Outcome};
use pallet_tasks::TaskStatus;
use sp_runtime::{BuildStorage, DispatchError};

/// Honest members (the founder among them).
const HONEST: u32 = 30;
/// The adversary's fresh accounts.
const PUPPETS: u32 = 100;
/// Steps per seed.
const STEPS: u32 = 10_000;
/// Seeds.
const SEEDS: u64 = 3;

fn account(kind: u8, i: u32) -> AccountId {
	let mut bytes = [0u8; 32];
	bytes[0] = kind;
	bytes[1..5].copy_from_slice(&i.to_le_bytes());
	AccountId::new(bytes)
}

fn cid(s: &str) -> Cid {
	BoundedVec::truncate_from(s.as_bytes().to_vec())
}

fn name(error: DispatchError) -> &'static str {
	match error {
		DispatchError::Module(module) => module.message.unwrap_or("module error"),
		DispatchError::Token(_) => "token error",
		DispatchError::Arithmetic(_) => "arithmetic error",
		DispatchError::BadOrigin => "bad origin",
		_ => "other error",
	}
}

/// What the world looks like to the simulation.
struct World {
	rng: SeededRng,
	project: ProjectId,
	milestone: MilestoneId,
	founder: AccountId,
	adversary: AccountId,
	honest: Vec<AccountId>,
	puppets: Vec<AccountId>,
	/// Every account's native balance (free and held) at the start.
	initial: BTreeMap<AccountId, Balance>,
	/// Polls not yet cleared up, and whether the adversary created them.
	polls: BTreeMap<PollId, bool>,
	/// Every poll the adversary created.
	adversarial: alloc::collections::BTreeSet<PollId>,
	/// Long proposals the community made that an adversary may copy.
	long_proposals: Vec<RuntimeCall>,
	/// strategy → outcome → count.
	table: BTreeMap<&'static str, BTreeMap<&'static str, u32>>,
}

impl World {
	fn new(seed: u64) -> Self {
		let founder = account(1, 0);
		let adversary = account(2, 0);
		let honest: Vec<_> = (0..HONEST).map(|i| account(1, i)).collect();
		let puppets: Vec<_> = (0..PUPPETS).map(|i| account(3, i)).collect();
		World {
			rng: SeededRng::new(seed),
			project: 0,
			milestone: 0,
			founder,
			adversary,
			honest,
			puppets,
			initial: BTreeMap::new(),
			polls: BTreeMap::new(),
			adversarial: Default::default(),
			long_proposals: Vec::new(),
			table: BTreeMap::new(),
		}
	}

	fn note(&mut self, strategy: &'static str, result: Result<(), DispatchError>) {
		let outcome = match result {
			Ok(()) => "accepted (harmless)",
			Err(e) => name(e),
		};
		*self.table.entry(strategy).or_default().entry(outcome).or_default() += 1;
	}

	fn now() -> BlockNumber {
		System::block_number()
	}

	/// The time scale of the simulation: the shortest poll the constitution allows.
	fn unit(&self) -> BlockNumber {
		QuadraticVoting::constitution(self.project).min_duration
	}

	fn pick_honest(&mut self) -> AccountId {
		let i = self.rng.index(self.honest.len());
		self.honest[i].clone()
	}

	fn pick_puppet(&mut self) -> AccountId {
		let i = self.rng.index(self.puppets.len());
		self.puppets[i].clone()
	}

	/// The project, a funded milestone, the community's members and the adversary's seat.
	fn set_up(&mut self) {
		System::set_block_number(1);
		let root = RuntimeOrigin::root;
		Projects::create_project(
			RuntimeOrigin::signed(self.founder.clone()),
			BoundedVec::truncate_from(b"Commons".to_vec()),
			cid("plan"),
			Some(pallet_projects::CurrencyParams {
				symbol: BoundedVec::truncate_from(b"CMN".to_vec()),
				name: BoundedVec::truncate_from(b"Commons".to_vec()),
				decimals: 2,
				cap: Balance::MAX / 4,
				min_balance: 1,
			}),
		)
		.unwrap();
		self.project = 0;
		self.milestone = self.new_milestone(1_000_000 * UNIT);
		Projects::fund_milestone(root(), self.project, self.milestone).unwrap();
		Projects::add_steward(root(), self.project, self.adversary.clone()).unwrap();
		// The community chose a long half-life: its members keep their voice between tasks.
		let half_life = 10_000 * self.unit();
		Contributions::set_half_life(root(), self.project, half_life).unwrap();
		// The community's history: each member earned two points by past work.
		for who in self.honest.clone() {
			Contributions::record(
				self.project,
				&who,
				pallet_contributions::ContributionKind::Task,
				0,
				&Cid::default(),
				2 * commons_primitives::REPUTATION_POINT,
			);
		}
		for who in self.all_adversary() {
			self.initial.insert(who.clone(), Self::native(&who));
		}
	}

	fn new_milestone(&mut self, budget: Balance) -> MilestoneId {
		let id = pallet_projects::Projects::<Runtime>::get(self.project).unwrap().milestone_count;
		Projects::add_milestone(
			RuntimeOrigin::signed(self.founder.clone()),
			self.project,
			cid("milestone"),
			BudgetAsset::ProjectCurrency,
			budget,
			Self::now() + 1_000 * self.unit(),
		)
		.unwrap();
		id
	}

	fn all_adversary(&self) -> Vec<AccountId> {
		let mut all = self.puppets.clone();
		all.push(self.adversary.clone());
		all
	}

	fn native(who: &AccountId) -> Balance {
		Balances::free_balance(who).saturating_add(Balances::total_balance_on_hold(who))
	}

	fn live_tasks(&self) -> Vec<(TaskId, pallet_tasks::Task<Runtime>)> {
		pallet_tasks::Tasks::<Runtime>::iter().collect()
	}

	fn honest_worker(&self, who: &AccountId) -> bool {
		self.honest.contains(who) && *who != self.adversary
	}

	// ---- the honest community ----

	fn honest_step(&mut self) {
		match self.rng.below(9) {
			0 | 1 => {
				// The founder posts a task, reviewed by two honest members.
				let a = self.pick_honest();
				let b = self.pick_honest();
				let mut reviewers = alloc::vec![a];
				if b != reviewers[0] {
					reviewers.push(b);
				}
				reviewers.retain(|r| *r != self.founder);
				if self.rng.chance(20) {
					// Sometimes the adversary, a steward, is asked to review.
					reviewers.push(self.adversary.clone());
				}
				if reviewers.is_empty() {
					return;
				}
				let approvals = reviewers.len() as u32;
				let _ = Tasks::post_task(
					RuntimeOrigin::signed(self.founder.clone()),
					self.project,
					self.milestone,
					cid("spec"),
					(1 + self.rng.below(100) as Balance) * UNIT,
					Self::now() + 10 * self.unit(),
					BoundedVec::truncate_from(reviewers),
					approvals,
				);
			},
			2 => {
				// A member claims an open task; another submits work on theirs.
				let who = self.pick_honest();
				for (id, task) in self.live_tasks() {
					match task.status {
						TaskStatus::Open => {
							let _ = Tasks::claim_task(RuntimeOrigin::signed(who.clone()), id);
							break;
						},
						TaskStatus::Claimed if self.honest_worker(task.worker().unwrap()) => {
							let worker = task.worker().unwrap().clone();
							let _ =
								Tasks::submit_work(RuntimeOrigin::signed(worker), id, cid("work"));
							break;
						},
						_ => {},
					}
				}
			},
			3 | 4 => {
				// Honest reviewers review: honest work is approved, junk rejected.
				for (id, task) in self.live_tasks() {
					if task.status != TaskStatus::Submitted {
						continue;
					}
					let honest_work = task.worker().is_some_and(|w| self.honest_worker(w));
					for reviewer in task.reviewers.iter() {
						if *reviewer == self.adversary {
							continue;
						}
						let _ = Tasks::review(
							RuntimeOrigin::signed(reviewer.clone()),
							id,
							honest_work,
							cid("review"),
						);
						if !pallet_tasks::Tasks::<Runtime>::contains_key(id) {
							break;
						}
					}
					break;
				}
			},
			5 => {
				// A member proposes a routine act (sometimes a long one), or cancels one of the
				// adversary's junk milestones.
				let who = self.pick_honest();
				let junk = pallet_projects::Milestones::<Runtime>::iter_prefix(self.project)
					.find(|(_, m)| {
						m.depositor == self.adversary
							&& m.status == pallet_projects::MilestoneStatus::Planned
					})
					.map(|(id, _)| id);
				let call = match (junk, self.rng.below(3)) {
					(Some(milestone), 0) => {
						RuntimeCall::Projects(pallet_projects::Call::cancel_milestone {
							project: self.project,
							milestone,
						})
					},
					(_, 1) => {
						let long = RuntimeCall::System(frame_system::Call::remark {
							remark: alloc::vec![self.rng.below(255) as u8; 300],
						});
						self.long_proposals.push(long.clone());
						long
					},
					_ => RuntimeCall::System(frame_system::Call::remark { remark: alloc::vec![1] }),
				};
				let poll = pallet_quadratic_voting::NextPollId::<Runtime>::get();
				if QuadraticVoting::propose(
					RuntimeOrigin::signed(who),
					self.project,
					alloc::boxed::Box::new(call),
					Self::now() + 2 * self.unit(),
				)
				.is_ok()
				{
					self.polls.insert(poll, false);
				}
			},
			6 => {
				// Members vote their preference in running polls; the founder, a steward who
				// watches the project, votes in every one.
				// As many votes as they like, up to their voice (a vote per half point).
				let votes = 1 + self.rng.below(10) as u32;
				for who in [self.pick_honest(), self.pick_honest(), self.founder.clone()] {
					let votes = votes.min(Contributions::voice(self.project, &who).max(1));
					for (poll, adversarial) in self.polls.clone() {
						let choice = if adversarial { Choice::Nay } else { Choice::Aye };
						let origin = RuntimeOrigin::signed(who.clone());
						let _ = QuadraticVoting::vote(origin, poll, choice, votes);
					}
				}
			},
			7 => self.close_what_can_be_closed(),
			_ => {
				// Time passes; expired claims are released.
				let unit = u64::from(self.unit());
				System::set_block_number(Self::now() + 1 + self.rng.below(unit / 2) as BlockNumber);
				for (id, task) in self.live_tasks() {
					if task.status == TaskStatus::Claimed {
						let _ =
							Tasks::release_expired(RuntimeOrigin::signed(self.pick_honest()), id);
					}
				}
				if self.rng.chance(10) {
					let _ = Contributions::settle_standings(
						RuntimeOrigin::signed(self.pick_honest()),
						self.project,
					);
				}
			},
		}
	}

	/// Closes every poll that can be closed, and clears the closed ones' votes.
	fn close_what_can_be_closed(&mut self) {
		let closer = RuntimeOrigin::signed(self.founder.clone());
		for (poll, _) in self.polls.clone() {
			if pallet_quadratic_voting::Polls::<Runtime>::contains_key(poll) {
				let bound = <Runtime as pallet_quadratic_voting::Config>::MaxProposalWeight::get();
				let _ = QuadraticVoting::close_poll(closer.clone(), poll, bound);
			}
			if !pallet_quadratic_voting::Polls::<Runtime>::contains_key(poll) {
				let _ = QuadraticVoting::clear_votes(closer.clone(), poll, 50);
				if pallet_quadratic_voting::Votes::<Runtime>::iter_prefix(poll).next().is_none() {
					self.polls.remove(&poll);
				}
			}
		}
	}

	// ---- the adversary ----

	fn adversary_step(&mut self) {
		let seat = RuntimeOrigin::signed(self.adversary.clone());
		let project = self.project;
		match self.rng.below(16) {
			0 => {
				// 1. Mint voice: recognise puppets, with no bonus.
				let puppet = self.pick_puppet();
				let boost = commons_primitives::REPUTATION_POINT;
				let result = Contributions::recognize(
					seat,
					project,
					self.milestone,
					puppet,
					0,
					boost,
					cid("r"),
				);
				self.note("1 recognise puppets", result);
			},
			1 => {
				// 2. Pay itself: a task reviewed by a puppet, or claimed by its poster.
				let puppet = self.pick_puppet();
				let result = Tasks::post_task(
					seat.clone(),
					project,
					self.milestone,
					cid("spec"),
					1_000 * UNIT,
					Self::now() + 10 * self.unit(),
					BoundedVec::truncate_from(alloc::vec![puppet]),
					1,
				);
				self.note("2 puppet reviewer", result);
				let own = self
					.live_tasks()
					.into_iter()
					.find(|(_, t)| t.poster == self.adversary && t.status == TaskStatus::Open);
				if let Some((id, _)) = own {
					let result = Tasks::claim_task(seat, id);
					self.note("2 claim own task", result);
				}
			},
			2 => {
				// 2b. A puppet claims an honest task and submits junk, hoping for approval.
				let puppet = self.pick_puppet();
				let open =
					self.live_tasks().into_iter().find(|(_, t)| t.status == TaskStatus::Open);
				if let Some((id, _)) = open {
					let claimed = Tasks::claim_task(RuntimeOrigin::signed(puppet.clone()), id);
					let result = claimed.and_then(|_| {
						Tasks::submit_work(RuntimeOrigin::signed(puppet), id, cid("junk"))
					});
					self.note("2 puppet does junk work", result);
				}
			},
			3 => {
				// 3. Pass a protected act: a new steward, a huge reputation budget, a weak
				// constitution — voted for by the seat and every puppet.
				let puppet = self.pick_puppet();
				let mut weak = QuadraticVoting::constitution(project);
				weak.quorum = sp_runtime::Percent::from_percent(0);
				let call = match self.rng.below(3) {
					0 => RuntimeCall::Projects(pallet_projects::Call::add_steward {
						project,
						steward: puppet,
					}),
					1 => RuntimeCall::Contributions(
						pallet_contributions::Call::set_reputation_budget {
							project,
							budget: u128::MAX / 2,
						},
					),
					_ => RuntimeCall::QuadraticVoting(
						pallet_quadratic_voting::Call::set_constitution {
							project,
							constitution: weak,
						},
					),
				};
				let poll = pallet_quadratic_voting::NextPollId::<Runtime>::get();
				let result = QuadraticVoting::propose(
					seat.clone(),
					project,
					alloc::boxed::Box::new(call),
					Self::now() + QuadraticVoting::constitution(project).min_duration,
				);
				if result.is_ok() {
					self.polls.insert(poll, true);
					self.adversarial.insert(poll);
					let _ = QuadraticVoting::vote(seat, poll, Choice::Aye, 10);
					for puppet in self.puppets.clone() {
						let result = QuadraticVoting::vote(
							RuntimeOrigin::signed(puppet),
							poll,
							Choice::Aye,
							10,
						);
						self.note("3 puppets vote", result);
					}
				}
				self.note("3 propose a protected act", result.map(|_| ()).map_err(|e| e.error));
			},
			4 => {
				// 4. Farm reviews: reject honest work it was asked to review, again and again.
				let asked = self.live_tasks().into_iter().find(|(_, t)| {
					t.status == TaskStatus::Submitted && t.reviewer_index(&self.adversary).is_some()
				});
				if let Some((id, _)) = asked {
					let result = Tasks::review(seat, id, false, cid("reject"));
					self.note("4 farm reviews", result.map(|_| ()).map_err(|e| e.error));
				}
			},
			5 => {
				// 5. A ring of puppets requests and endorses attestations.
				let a = self.pick_puppet();
				let b = self.pick_puppet();
				let result = Contributions::request_attestation(
					RuntimeOrigin::signed(a),
					project,
					cid("trust me"),
					1_000_000 * UNIT,
				);
				self.note("5 puppet attestation", result);
				let any =
					pallet_contributions::NextAttestationId::<Runtime>::get().saturating_sub(1);
				let result = Contributions::endorse(RuntimeOrigin::signed(b), any);
				self.note("5 puppet endorsement", result);
			},
			6 => {
				// 7. Share a preimage: copy a community proposal's long call, to close first.
				if let Some(long) = self.long_proposals.last().cloned() {
					let poll = pallet_quadratic_voting::NextPollId::<Runtime>::get();
					let result = QuadraticVoting::propose(
						seat,
						project,
						alloc::boxed::Box::new(long),
						Self::now() + QuadraticVoting::constitution(project).min_duration,
					);
					if result.is_ok() {
						self.polls.insert(poll, true);
						self.adversarial.insert(poll);
					}
					self.note("7 copy a long proposal", result.map(|_| ()).map_err(|e| e.error));
				}
			},
			7 => {
				// 7b. A proposal heavier than a block can close.
				let remark =
					RuntimeCall::System(frame_system::Call::remark { remark: alloc::vec![] });
				let heavy = RuntimeCall::Utility(pallet_utility::Call::with_weight {
					call: alloc::boxed::Box::new(remark),
					weight: Weight::from_parts(u64::MAX / 2, u64::MAX / 2),
				});
				let result = QuadraticVoting::propose(
					seat,
					project,
					alloc::boxed::Box::new(heavy),
					Self::now() + 2 * self.unit(),
				);
				self.note("7 heavy proposal", result.map(|_| ()).map_err(|e| e.error));
			},
			8 => {
				// 8. Fill the milestone limit with junk.
				let result = Projects::add_milestone(
					seat,
					project,
					cid("junk"),
					BudgetAsset::ProjectCurrency,
					UNIT,
					Self::now() + 10 * self.unit(),
				);
				self.note("8 junk milestones", result);
			},
			9 => {
				// 8b. Pull a claimed task's due block in, to confiscate the worker's bond.
				let claimed =
					self.live_tasks().into_iter().find(|(_, t)| t.status == TaskStatus::Claimed);
				if let Some((id, _)) = claimed {
					let result = Tasks::reschedule_task(seat, id, Self::now() + 1);
					self.note("8 reschedule earlier", result);
				}
			},
			11 => {
				// 11. Mint voters with tiny tasks: one-unit tasks of the community's milestone,
				// claimed by puppets who submit junk (a few at a time: the community reviews them).
				let live = self.live_tasks();
				if live.iter().filter(|(_, t)| t.poster == self.adversary).count() >= 8 {
					return;
				}
				let puppet = self.pick_puppet();
				let reviewers = alloc::vec![self.pick_honest(), self.pick_honest()];
				let mut reviewers = reviewers;
				reviewers.dedup();
				let task = pallet_tasks::NextTaskId::<Runtime>::get();
				let posted = Tasks::post_task(
					seat,
					project,
					self.milestone,
					cid("tiny"),
					1,
					Self::now() + 10 * self.unit(),
					BoundedVec::truncate_from(reviewers),
					1,
				);
				let result = posted.and_then(|_| {
					Tasks::claim_task(RuntimeOrigin::signed(puppet.clone()), task)?;
					Tasks::submit_work(RuntimeOrigin::signed(puppet), task, cid("junk"))
				});
				self.note("11 tiny tasks for puppets", result);
			},
			12 => {
				// 12. Jam keyless accounts: send the treasury and the next task's escrow tokens
				// directly, and inside a batch.
				use sp_runtime::traits::Dispatchable;
				let puppet = self.pick_puppet();
				let next = pallet_tasks::NextTaskId::<Runtime>::get();
				let targets = [
					Projects::project_account(project),
					Tasks::escrow_account(next),
					Tasks::escrow_account(next + 1),
				];
				let target = targets[self.rng.index(targets.len())].clone();
				let send = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: sp_runtime::MultiAddress::Id(target),
					value: UNIT,
				});
				let call = if self.rng.chance(50) {
					send
				} else {
					RuntimeCall::Utility(pallet_utility::Call::batch_all {
						calls: alloc::vec![send],
					})
				};
				let result = call.dispatch(RuntimeOrigin::signed(puppet)).map(|_| ());
				self.note("12 junk into keyless accounts", result.map_err(|e| e.error));
			},
			13 => {
				// 13. Entrench a constitution: a quorum or threshold no poll can reach.
				let mut frozen = QuadraticVoting::constitution(project);
				frozen.quorum = sp_runtime::Percent::from_percent(100);
				frozen.protected_threshold = sp_runtime::Percent::from_percent(100);
				let result = QuadraticVoting::set_constitution(seat.clone(), project, frozen);
				self.note("13 entrench the constitution", result);
				let call =
					RuntimeCall::QuadraticVoting(pallet_quadratic_voting::Call::set_constitution {
						project,
						constitution: frozen,
					});
				let poll = pallet_quadratic_voting::NextPollId::<Runtime>::get();
				let end = Self::now() + QuadraticVoting::constitution(project).min_duration;
				let result = QuadraticVoting::propose(
					seat.clone(),
					project,
					alloc::boxed::Box::new(call),
					end,
				);
				if result.is_ok() {
					self.polls.insert(poll, true);
					self.adversarial.insert(poll);
					let _ = QuadraticVoting::vote(seat, poll, Choice::Aye, 1);
				}
				self.note(
					"13 propose a frozen constitution",
					result.map(|_| ()).map_err(|e| e.error),
				);
			},
			14 => {
				// 14. Squat a claimed task: push its due block far away.
				let claimed = self.live_tasks().into_iter().find(|(_, t)| t.claim.is_some());
				if let Some((id, task)) = claimed {
					let result = Tasks::reschedule_task(seat, id, task.due + 1_000_000);
					self.note("14 reschedule squat", result);
				}
			},
			15 => {
				// 15. Burn the voted budget: complete the community's milestone at once.
				let result =
					Projects::complete_milestone(seat, project, self.milestone, cid("done"));
				self.note("15 completion burn", result);
			},
			_ => {
				// 10. Write under a project that does not exist yet.
				let result =
					Contributions::recognize(seat, 99, 0, self.pick_puppet(), 0, 1, cid("r"));
				self.note("10 unused project id", result);
			},
		}
	}

	// ---- what must hold ----

	fn check(&mut self, seed: u64, step: u32) {
		for record in System::events() {
			if let RuntimeEvent::QuadraticVoting(pallet_quadratic_voting::Event::PollClosed {
				poll,
				outcome,
				..
			}) = record.event
			{
				let adversarial = self.adversarial.contains(&poll);
				assert!(
					!(adversarial && outcome == Outcome::Passed),
					"seed {seed} step {step}: the adversary passed poll {poll}"
				);
				let strategy = if adversarial {
					"polls closed (adversary's)"
				} else {
					"polls closed (community's)"
				};
				let label = match outcome {
					Outcome::Passed => "passed",
					Outcome::Rejected => "rejected",
					Outcome::NoQuorum => "no quorum",
					_ => "options",
				};
				*self.table.entry(strategy).or_default().entry(label).or_default() += 1;
			}
		}
		System::reset_events();
		for who in self.all_adversary() {
			assert!(
				Self::native(&who) <= self.initial[&who],
				"seed {seed} step {step}: an adversary account gained native tokens"
			);
			assert_eq!(Assets::balance(self.project, &who), 0, "seed {seed} step {step}: currency");
		}
		for puppet in &self.puppets {
			assert!(
				!Contributions::has_standing(self.project, puppet, Self::now()),
				"seed {seed} step {step}: a puppet stands: {:?}; {:?}",
				pallet_contributions::Contributors::<Runtime>::get(self.project, puppet),
				self.table
			);
		}
		if let Some(record) =
			pallet_contributions::Contributors::<Runtime>::get(self.project, &self.adversary)
		{
			let t = record.totals;
			assert_eq!(
				(t.tasks.count, t.recognitions.count, t.attested.count),
				(0, 0, 0),
				"seed {seed} step {step}: the adversary earned other than by approving paid work"
			);
		}
		// Every unit of the project's currency is someone's (no dust left the books), and its
		// treasury can always take another currency's consumer reference (it is never jammed).
		let held: Balance = pallet_assets::Account::<Runtime>::iter_prefix(self.project)
			.map(|(_, account)| account.balance)
			.sum();
		assert_eq!(
			Assets::total_supply(self.project),
			held,
			"seed {seed} step {step}: supply differs from the balances"
		);
		let treasury = Projects::project_account(self.project);
		assert!(
			!pallet_projects::Projects::<Runtime>::contains_key(self.project)
				|| frame_system::Pallet::<Runtime>::can_accrue_consumers(&treasury, 1),
			"seed {seed} step {step}: the treasury is jammed"
		);
		pallet_projects::Pallet::<Runtime>::do_try_state().expect("projects invariants");
		pallet_tasks::Pallet::<Runtime>::do_try_state().expect("tasks invariants");
		pallet_contributions::Pallet::<Runtime>::do_try_state().expect("contributions invariants");
		pallet_quadratic_voting::Pallet::<Runtime>::do_try_state().expect("voting invariants");
	}

	/// The community recovers what the adversary blocked, winds the project down and reaps it.
	fn wind_down(&mut self, seed: u64) {
		// Junk milestones are cancelled by a poll the community passes.
		let junk: Vec<_> = pallet_projects::Milestones::<Runtime>::iter_prefix(self.project)
			.filter(|(_, m)| {
				m.depositor == self.adversary
					&& m.status == pallet_projects::MilestoneStatus::Planned
			})
			.map(|(id, _)| id)
			.collect();
		if !junk.is_empty() {
			let calls = junk
				.into_iter()
				.map(|milestone| {
					RuntimeCall::Projects(pallet_projects::Call::cancel_milestone {
						project: self.project,
						milestone,
					})
				})
				.collect();
			let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls });
			let poll = pallet_quadratic_voting::NextPollId::<Runtime>::get();
			QuadraticVoting::propose(
				RuntimeOrigin::signed(self.founder.clone()),
				self.project,
				alloc::boxed::Box::new(batch),
				Self::now() + 2 * self.unit(),
			)
			.unwrap();
			self.polls.insert(poll, false);
			for who in self.honest.clone() {
				let _ = QuadraticVoting::vote(RuntimeOrigin::signed(who), poll, Choice::Aye, 1);
			}
		}
		let longest = <Runtime as pallet_quadratic_voting::Config>::MaxDuration::get();
		let delay = QuadraticVoting::constitution(self.project).enactment_delay;
		System::set_block_number(Self::now() + longest + delay + 1);
		self.close_what_can_be_closed();
		assert!(self.polls.is_empty(), "seed {seed}: a poll could not be closed");
		// The community can plan again.
		self.new_milestone(UNIT);
		// Completed: the stewards settle every task left, and the project is reaped.
		Projects::set_status(RuntimeOrigin::root(), self.project, ProjectStatus::Completed)
			.unwrap();
		for (id, _) in self.live_tasks() {
			Tasks::cancel_task(RuntimeOrigin::signed(self.founder.clone()), id).unwrap();
		}
		let mut calls = 0;
		while pallet_projects::Projects::<Runtime>::contains_key(self.project) {
			Projects::reap_project(RuntimeOrigin::signed(self.founder.clone()), self.project)
				.unwrap();
			calls += 1;
			assert!(calls < 100, "seed {seed}: reaping does not end");
		}
		self.check(seed, STEPS);
	}
}

fn new_ext(world: &World) -> sp_io::TestExternalities {
	let mut balances: Vec<(AccountId, Balance)> = world
		.honest
		.iter()
		.chain(world.puppets.iter())
		.map(|a| (a.clone(), 10_000 * UNIT))
		.collect();
	balances.push((world.adversary.clone(), 10_000 * UNIT));
	let storage = crate::RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	storage.into()
}

#[test]
fn an_adversary_with_a_steward_seat_and_a_hundred_accounts_captures_nothing() {
	let mut table: BTreeMap<&'static str, BTreeMap<&'static str, u32>> = BTreeMap::new();
	for seed in 0..SEEDS {
		let mut world = World::new(seed);
		new_ext(&world).execute_with(|| {
			world.set_up();
			for step in 0..STEPS {
				if world.rng.chance(50) {
					world.adversary_step();
				} else {
					world.honest_step();
				}
				world.check(seed, step);
			}
			world.wind_down(seed);
		});
		for (strategy, outcomes) in world.table {
			for (outcome, n) in outcomes {
				*table.entry(strategy).or_default().entry(outcome).or_default() += n;
			}
		}
	}
	std::println!(
		"\n{} seeds × {} steps; adversary: 1 steward seat, {} accounts; {} honest members",
		SEEDS,
		STEPS,
		PUPPETS,
		HONEST
	);
	std::println!("| strategy | outcome | times |\n| --- | --- | --- |");
	for (strategy, outcomes) in &table {
		for (outcome, n) in outcomes {
			std::println!("| {strategy} | {outcome} | {n} |");
		}
	}
	// Every attack was played.
	for strategy in [
		"1 recognise puppets",
		"2 puppet reviewer",
		"3 propose a protected act",
		"5 puppet attestation",
		"7 heavy proposal",
		"8 junk milestones",
		"10 unused project id",
		"11 tiny tasks for puppets",
		"12 junk into keyless accounts",
		"13 entrench the constitution",
		"14 reschedule squat",
		"15 completion burn",
	] {
		assert!(table.contains_key(strategy), "{strategy} was never played");
	}
	let _ = Weight::zero();
}
