//! Quadratic voting: project polls among the members who earned their voice, and proposals
//! dispatched with the project's own origin.

use crate::{
	constants::*, Balance, Balances, BlockNumber, Contributions, Preimage, Projects, Runtime,
	RuntimeCall, RuntimeHoldReason, RuntimeOrigin,
};
use polkadot_sdk::*;

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains},
	weights::Weight,
};
use pallet_quadratic_voting::Constitution;
use sp_runtime::{Perbill, Percent};

use super::{governance::period, ProjectGovernance, RuntimeBlockWeights};

parameter_types! {
	/// A poll runs for at least a day (a few blocks in `fast-runtime`) ...
	pub const MinPollDuration: BlockNumber = period(DAYS, 3);
	/// ... and at most 30 days.
	pub const MaxPollDuration: BlockNumber = period(30 * DAYS, 600);
	/// The fixed part of a poll's deposit: one storage item.
	pub const PollDeposit: Balance = deposit(1, 128);
	/// Per byte of a poll's options or proposal.
	pub const PollByteDeposit: Balance = deposit(0, 1);
	/// A vote: one storage item of about 80 bytes, returned when the vote is removed.
	pub const VoteDeposit: Balance = deposit(1, 80);
	/// No project may count a poll with fewer than a tenth of its electorate voting ...
	pub const MinQuorum: Percent = Percent::from_percent(10);
	/// ... pass a protected act with less than three fifths of the votes ...
	pub const MinProtectedThreshold: Percent = Percent::from_percent(60);
	/// ... or enact one less than a day after its poll ended.
	pub const MinEnactmentDelay: BlockNumber = period(DAYS, 2);
	/// No constitution may ask for more than half of the electorate to vote ...
	pub const MaxQuorum: Percent = Percent::from_percent(50);
	/// ... or more than four fifths of the votes for a protected act: a project can always
	/// decide, and change its constitution (docs/governance.md, "No constitution freezes itself").
	pub const MaxProtectedThreshold: Percent = Percent::from_percent(80);
	/// Until its governance sets another, a project decides with a fifth of its electorate
	/// voting, a simple majority, two thirds for protected acts, polls of at least a day and
	/// protected acts enacted two days after their poll.
	pub const DefaultConstitution: Constitution<BlockNumber> = Constitution {
		quorum: Percent::from_percent(20),
		threshold: Percent::from_percent(50),
		protected_threshold: Percent::from_percent(66),
		min_duration: period(DAYS, 3),
		enactment_delay: period(2 * DAYS, 3),
	};
	/// A proposal may use a fifth of a block: closing its poll always fits one.
	pub MaxProposalWeight: Weight = Perbill::from_percent(20) * RuntimeBlockWeights::get().max_block;
}

/// The acts a project may make by a simple majority: its plan and milestones' progress, its
/// tasks' schedule, recognitions (within the budgets a protected act set), remarks. Everything
/// else — stewards, cap, funding, budgets, half-life, status, the constitution, and any batch —
/// is a protected act.
pub struct RoutineProposals;

impl Contains<RuntimeCall> for RoutineProposals {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::Projects(
				pallet_projects::Call::amend_plan { .. }
					| pallet_projects::Call::add_milestone { .. }
					| pallet_projects::Call::complete_milestone { .. }
			) | RuntimeCall::Tasks(
				pallet_tasks::Call::cancel_task { .. } | pallet_tasks::Call::reschedule_task { .. }
			) | RuntimeCall::Contributions(pallet_contributions::Call::recognize { .. })
				// Not `remark_with_event`: it names its signer, and no poll could dispatch it.
				| RuntimeCall::System(frame_system::Call::remark { .. })
		)
	}
}

impl pallet_quadratic_voting::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type ProposalOrigin = RuntimeOrigin;
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Projects = Projects;
	type Membership = Contributions;
	type Preimages = Preimage;
	type GovernanceOrigin = ProjectGovernance;
	type RoutineProposals = RoutineProposals;
	// A voter's credits are the square of their voice (a vote per half point of reputation, at
	// least one), up to a hundred votes: fifty points, two and a half milestones' whole work.
	type VoiceCredits = ConstU32<10_000>;
	type MinDuration = MinPollDuration;
	type MinQuorum = MinQuorum;
	type MinProtectedThreshold = MinProtectedThreshold;
	type MaxQuorum = MaxQuorum;
	type MaxProtectedThreshold = MaxProtectedThreshold;
	type MinEnactmentDelay = MinEnactmentDelay;
	type DefaultConstitution = DefaultConstitution;
	type MaxProposalWeight = MaxProposalWeight;
	type MaxStewards = <Runtime as pallet_projects::Config>::MaxStewards;
	type VoteDeposit = VoteDeposit;
	type MaxDuration = MaxPollDuration;
	type PollDeposit = PollDeposit;
	type ByteDeposit = PollByteDeposit;
	type MaxOptions = ConstU32<16>;
	type MaxLabelLen = ConstU32<64>;
	type MaxProposalLen = ConstU32<4096>;
	type WeightInfo = pallet_quadratic_voting::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::support::CommonsBenchmarkHelper;
}
