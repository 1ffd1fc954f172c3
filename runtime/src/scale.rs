//! The scale test: every everyday call costs the same in a small project and in one with 10,000
//! members, 1,000 open tasks and a 5,000-voter poll.
//!
//! Both communities are built in this runtime's storage, committed to a trie backend, and then
//! take the same calls. Each call runs with a proof recorder, and with a `tracing` subscriber that
//! sees every storage access the state machine makes (target `state`), so the test measures, for
//! each call in each community: the distinct storage keys read and written, the call's actual
//! weight (ref time and proof size, from the benchmarks and the call's post-dispatch
//! information), and the size of the storage proof the call produced. It asserts that reads,
//! writes and weights are the same within 10%, and prints the table (`cargo test --release -p
//! commons-runtime scale -- --nocapture`).
//!
//! The measured proof grows with the depth of the trie, a few hundred bytes per level for a map
//! of 10,000 entries: it is printed, and bounded by the call's benchmarked proof size, which
//! assumes the worst depth.

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::{
	constants::*, AccountId, Balance, Contributions, Projects, QuadraticVoting, Runtime,
	RuntimeCall, RuntimeOrigin, System,
};
use alloc::collections::BTreeSet;
use commons_primitives::{BudgetAsset, Cid, PollId, ProjectId, REPUTATION_POINT};
use core::cell::RefCell;
use polkadot_sdk::*;

use frame_support::{dispatch::GetDispatchInfo, weights::Weight, BoundedVec};
use pallet_quadratic_voting::Choice;
use sp_runtime::{traits::Dispatchable, BuildStorage};

/// A community's size.
#[derive(Clone, Copy)]
struct Size {
	members: u32,
	open_tasks: u32,
	voters: u32,
}

const SMALL: Size = Size { members: 20, open_tasks: 2, voters: 16 };
const LARGE: Size = Size { members: 10_000, open_tasks: 1_000, voters: 5_000 };

fn account(kind: u8, i: u32) -> AccountId {
	let mut bytes = [0u8; 32];
	bytes[0] = kind;
	bytes[1..5].copy_from_slice(&i.to_le_bytes());
	AccountId::new(bytes)
}

fn founder() -> AccountId {
	account(1, 0)
}

fn member(i: u32) -> AccountId {
	account(2, i)
}

fn outsider() -> AccountId {
	account(3, 0)
}

fn cid(s: &str) -> Cid {
	BoundedVec::truncate_from(s.as_bytes().to_vec())
}

fn label(s: &str) -> pallet_quadratic_voting::LabelOf<Runtime> {
	BoundedVec::truncate_from(s.as_bytes().to_vec())
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

// ---- Counting storage accesses -------------------------------------------------------------

#[derive(Default)]
struct Access {
	reads: BTreeSet<String>,
	writes: BTreeSet<String>,
}

std::thread_local! {
	static ACCESS: RefCell<Access> = RefCell::new(Access::default());
}

/// Records the keys of the state machine's `state` trace events.
struct StateAccesses;

#[derive(Default)]
struct Fields {
	method: String,
	key: String,
}

impl tracing::field::Visit for Fields {
	fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
		if field.name() == "method" {
			self.method = value.into();
		}
	}
	fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn core::fmt::Debug) {
		match field.name() {
			"method" => self.method = std::format!("{value:?}").trim_matches('"').into(),
			"key" => self.key = std::format!("{value:?}"),
			_ => {},
		}
	}
}

impl tracing::Subscriber for StateAccesses {
	fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
		metadata.target() == "state"
	}
	fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
		tracing::span::Id::from_u64(1)
	}
	fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
	fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
	fn event(&self, event: &tracing::Event<'_>) {
		let mut fields = Fields::default();
		event.record(&mut fields);
		ACCESS.with(|access| {
			let mut access = access.borrow_mut();
			match fields.method.as_str() {
				"Get" | "Exists" | "Hash" => {
					access.reads.insert(fields.key);
				},
				"Put" | "Append" | "ClearPrefix" => {
					access.writes.insert(fields.key);
				},
				_ => {},
			}
		});
	}
	fn enter(&self, _: &tracing::span::Id) {}
	fn exit(&self, _: &tracing::span::Id) {}
}

/// What one call cost.
#[derive(Clone, Copy, Debug)]
struct Cost {
	reads: usize,
	writes: usize,
	proof: usize,
	weight: Weight,
	benchmarked: Weight,
}

/// Commits `ext`'s state to its trie backend, then runs `call` from `origin`, measuring it.
fn measure(ext: &mut sp_io::TestExternalities, origin: RuntimeOrigin, call: RuntimeCall) -> Cost {
	// Each call in a block of its own, as far as events go (a block starts with none).
	ext.execute_with(System::reset_events);
	ext.commit_all().unwrap();
	ACCESS.with(|access| *access.borrow_mut() = Access::default());
	let benchmarked = call.get_dispatch_info().call_weight;
	let name = std::format!("{call:?}");
	let (result, proof) = tracing::subscriber::with_default(StateAccesses, || {
		ext.execute_and_prove(|| call.dispatch(origin))
	});
	let post = result.unwrap_or_else(|e| panic!("{name}: {e:?}"));
	let (reads, writes) = ACCESS.with(|access| {
		let access = access.borrow();
		(access.reads.len(), access.writes.len())
	});
	Cost {
		reads,
		writes,
		proof: codec::Encode::encoded_size(&proof),
		weight: post.actual_weight.unwrap_or(benchmarked),
		benchmarked,
	}
}

// ---- The communities ---------------------------------------------------------------------

/// A community of `size`, at block 2: its project, a funded milestone, members with standing,
/// open tasks, and a running poll with `voters` votes.
struct Community {
	size: Size,
	ext: sp_io::TestExternalities,
	project: ProjectId,
	poll: PollId,
}

impl Community {
	fn new(size: Size) -> Self {
		let mut balances: Vec<(AccountId, Balance)> =
			(0..size.members).map(|i| (member(i), 1_000 * UNIT)).collect();
		balances.push((founder(), 1_000_000 * UNIT));
		balances.push((outsider(), 1_000 * UNIT));
		let storage = crate::RuntimeGenesisConfig {
			balances: pallet_balances::GenesisConfig { balances, ..Default::default() },
			..Default::default()
		}
		.build_storage()
		.unwrap();
		let mut community = Community { size, ext: storage.into(), project: 0, poll: 0 };
		community.poll = community.ext.execute_with(|| community_state(size));
		community
	}

	/// Runs `call` from `origin` in this community, measuring it.
	fn run(&mut self, origin: RuntimeOrigin, call: RuntimeCall) -> Cost {
		measure(&mut self.ext, origin, call)
	}

	fn with<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}
}

/// The shortest poll the project's constitution allows.
fn poll_length() -> u32 {
	QuadraticVoting::constitution(0).min_duration
}

/// Builds a community's state (in externalities); returns its running poll.
fn community_state(size: Size) -> PollId {
	let root = RuntimeOrigin::root;
	let project = 0;
	System::set_block_number(1);
	Projects::create_project(
		signed(&founder()),
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
	Projects::add_milestone(
		signed(&founder()),
		project,
		cid("milestone"),
		BudgetAsset::ProjectCurrency,
		1_000_000 * UNIT,
		1_000_000,
	)
	.unwrap();
	Projects::fund_milestone(root(), project, 0).unwrap();
	Contributions::set_half_life(root(), project, 1_000_000).unwrap();
	Contributions::set_reputation_budget(root(), project, 1_000 * REPUTATION_POINT).unwrap();
	Contributions::set_recognition_budget(root(), project, 1_000 * UNIT).unwrap();
	// Every member earned two points by past work.
	for i in 0..size.members {
		Contributions::record(
			project,
			&member(i),
			pallet_contributions::ContributionKind::Task,
			0,
			&Cid::default(),
			2 * REPUTATION_POINT,
		);
	}
	System::set_block_number(2);
	for _ in 0..size.open_tasks {
		post_task(project).dispatch(signed(&founder())).unwrap();
	}
	QuadraticVoting::create_poll(
		signed(&member(0)),
		project,
		BoundedVec::truncate_from(vec![label("yes"), label("no")]),
		2 + poll_length(),
	)
	.unwrap();
	let poll = pallet_quadratic_voting::NextPollId::<Runtime>::get() - 1;
	for i in 0..size.voters {
		QuadraticVoting::vote(signed(&member(i)), poll, Choice::Option(i % 2), 1).unwrap();
	}
	poll
}

fn post_task(project: ProjectId) -> RuntimeCall {
	RuntimeCall::Tasks(pallet_tasks::Call::post_task {
		project,
		milestone: 0,
		spec: cid("spec"),
		reward: 10 * UNIT,
		due: 500,
		reviewers: BoundedVec::truncate_from(vec![member(0), member(1)]),
		approvals_required: 2,
	})
}

/// Plays every everyday call in `community`, in the same order, with the same parameters (ids
/// are the community's own), and returns each call's cost by name.
fn play(community: &mut Community) -> Vec<(&'static str, Cost)> {
	let project = community.project;
	let poll = community.poll;
	let size = community.size;
	let length = community.with(poll_length);
	let next_task = || pallet_tasks::NextTaskId::<Runtime>::get();
	let mut costs = Vec::new();
	let founder = founder();
	let mut run = |community: &mut Community, name, origin, call| {
		costs.push((name, community.run(origin, call)));
	};
	use pallet_contributions::Call as C;
	use pallet_projects::Call as P;
	use pallet_quadratic_voting::Call as Q;
	use pallet_tasks::Call as T;

	run(
		community,
		"projects.donate",
		signed(&outsider()),
		RuntimeCall::Projects(P::donate { project, amount: UNIT }),
	);
	run(
		community,
		"projects.amend_plan",
		signed(&founder),
		RuntimeCall::Projects(P::amend_plan { project, plan: cid("plan-2") }),
	);
	run(
		community,
		"projects.add_milestone",
		signed(&founder),
		RuntimeCall::Projects(P::add_milestone {
			project,
			title: cid("next"),
			asset: BudgetAsset::Native,
			budget: UNIT,
			due: 1_000,
		}),
	);
	let task = community.with(next_task);
	run(community, "tasks.post_task", signed(&founder), post_task(project));
	let worker = member(2);
	run(community, "tasks.claim_task", signed(&worker), RuntimeCall::Tasks(T::claim_task { task }));
	run(
		community,
		"tasks.submit_work",
		signed(&worker),
		RuntimeCall::Tasks(T::submit_work { task, evidence: cid("done") }),
	);
	run(
		community,
		"tasks.review (approve)",
		signed(&member(0)),
		RuntimeCall::Tasks(T::review { task, approve: true, comment: cid("good") }),
	);
	run(
		community,
		"tasks.review (pays)",
		signed(&member(1)),
		RuntimeCall::Tasks(T::review { task, approve: true, comment: cid("good") }),
	);
	run(
		community,
		"tasks.reschedule_task",
		signed(&founder),
		RuntimeCall::Tasks(T::reschedule_task { task: 0, due: 600 }),
	);
	run(
		community,
		"tasks.cancel_task",
		signed(&founder),
		RuntimeCall::Tasks(T::cancel_task { task: 1 }),
	);
	run(
		community,
		"contributions.recognize",
		signed(&founder),
		RuntimeCall::Contributions(C::recognize {
			project,
			milestone: 0,
			who: member(3),
			amount: UNIT,
			boost: REPUTATION_POINT,
			reason: cid("thanks"),
		}),
	);
	let attestation = community.with(pallet_contributions::NextAttestationId::<Runtime>::get);
	run(
		community,
		"contributions.request_attestation",
		signed(&member(4)),
		RuntimeCall::Contributions(C::request_attestation {
			project,
			evidence: cid("talk"),
			value: UNIT,
		}),
	);
	for endorser in 5..7 {
		run(
			community,
			"contributions.endorse",
			signed(&member(endorser)),
			RuntimeCall::Contributions(C::endorse { attestation }),
		);
	}
	run(
		community,
		"contributions.endorse (accepts)",
		signed(&member(7)),
		RuntimeCall::Contributions(C::endorse { attestation }),
	);
	run(
		community,
		"contributions.settle_standings",
		signed(&founder),
		RuntimeCall::Contributions(C::settle_standings { project }),
	);
	run(
		community,
		"quadratic_voting.create_poll",
		signed(&member(0)),
		RuntimeCall::QuadraticVoting(Q::create_poll {
			project,
			options: BoundedVec::truncate_from(vec![label("a"), label("b")]),
			end: 2 + length,
		}),
	);
	run(
		community,
		"quadratic_voting.propose",
		signed(&member(0)),
		RuntimeCall::QuadraticVoting(Q::propose {
			project,
			call: Box::new(RuntimeCall::Projects(P::amend_plan { project, plan: cid("plan-3") })),
			end: 2 + length,
		}),
	);
	let voter = member(size.voters);
	run(
		community,
		"quadratic_voting.vote",
		signed(&voter),
		RuntimeCall::QuadraticVoting(Q::vote { poll, choice: Choice::Option(0), votes: 3 }),
	);
	run(
		community,
		"quadratic_voting.vote (change)",
		signed(&voter),
		RuntimeCall::QuadraticVoting(Q::vote { poll, choice: Choice::Option(1), votes: 2 }),
	);
	community.with(|| System::set_block_number(3 + length));
	run(
		community,
		"quadratic_voting.close_poll",
		signed(&outsider()),
		RuntimeCall::QuadraticVoting(Q::close_poll { poll, proposal_weight_bound: Weight::zero() }),
	);
	run(
		community,
		"quadratic_voting.remove_vote",
		signed(&voter),
		RuntimeCall::QuadraticVoting(Q::remove_vote { poll }),
	);
	run(
		community,
		"quadratic_voting.clear_votes (16)",
		signed(&outsider()),
		RuntimeCall::QuadraticVoting(Q::clear_votes { poll, limit: 16 }),
	);
	costs
}

/// Whether `large` is within 10% of `small` (and at least within one).
fn close(small: u64, large: u64) -> bool {
	let slack = (small / 10).max(1);
	large.abs_diff(small) <= slack
}

#[test]
fn every_call_costs_the_same_in_a_community_of_ten_thousand() {
	let mut small = Community::new(SMALL);
	let mut large = Community::new(LARGE);
	large.with(|| {
		assert_eq!(pallet_contributions::Books::<Runtime>::get(0).members, LARGE.members);
		assert_eq!(pallet_tasks::TaskStats::<Runtime>::get(0).open, LARGE.open_tasks);
	});
	let small_costs = play(&mut small);
	let large_costs = play(&mut large);

	std::println!(
		"\n| call | reads (small / large) | writes | weight ref time µs | weight proof B | \
		 measured proof B | benchmarked proof B |\n| --- | --- | --- | --- | --- | --- | --- |"
	);
	let mut failures = Vec::new();
	for ((name, s), (_, l)) in small_costs.iter().zip(large_costs.iter()) {
		std::println!(
			"| {name} | {} / {} | {} / {} | {:.1} / {:.1} | {} / {} | {} / {} | {} |",
			s.reads,
			l.reads,
			s.writes,
			l.writes,
			s.weight.ref_time() as f64 / 1e6,
			l.weight.ref_time() as f64 / 1e6,
			s.weight.proof_size(),
			l.weight.proof_size(),
			s.proof,
			l.proof,
			l.benchmarked.proof_size(),
		);
		let same = close(s.reads as u64, l.reads as u64)
			&& close(s.writes as u64, l.writes as u64)
			&& close(s.weight.ref_time(), l.weight.ref_time())
			&& close(s.weight.proof_size(), l.weight.proof_size());
		if !same {
			failures.push(*name);
		}
	}
	assert!(failures.is_empty(), "costs grow with the community: {failures:?}");
}
