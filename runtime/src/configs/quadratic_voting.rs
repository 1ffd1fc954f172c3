//! Quadratic voting: project polls among the members who earned their voice, and proposals
//! dispatched with the project's own origin.

use crate::{
	constants::*, Balance, Balances, BlockNumber, Contributions, Preimage, Projects, Runtime,
	RuntimeCall, RuntimeHoldReason, RuntimeOrigin,
};
use polkadot_sdk::*;

use frame_support::{parameter_types, traits::ConstU32};

use super::governance::period;

parameter_types! {
	/// A poll runs for at least a day (a few blocks in `fast-runtime`) ...
	pub const MinPollDuration: BlockNumber = period(DAYS, 3);
	/// ... and at most 30 days.
	pub const MaxPollDuration: BlockNumber = period(30 * DAYS, 600);
	/// The fixed part of a poll's deposit: one storage item.
	pub const PollDeposit: Balance = deposit(1, 128);
	/// Per byte of a poll's options or proposal.
	pub const PollByteDeposit: Balance = deposit(0, 1);
}

impl pallet_quadratic_voting::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type ProposalOrigin = RuntimeOrigin;
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Projects = Projects;
	type Membership = Contributions;
	type Preimages = Preimage;
	// Ten votes on one choice, or spread: 5² + 5² + 5² + 5² = 100.
	type VoiceCredits = ConstU32<100>;
	type MinDuration = MinPollDuration;
	type MaxDuration = MaxPollDuration;
	type PollDeposit = PollDeposit;
	type ByteDeposit = PollByteDeposit;
	type MaxOptions = ConstU32<16>;
	type MaxLabelLen = ConstU32<64>;
	type MaxProposalLen = ConstU32<4096>;
	// Every member by reputation (at most 256) and every steward (at most 16).
	type MaxVoters = ConstU32<272>;
	type WeightInfo = pallet_quadratic_voting::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::support::CommonsBenchmarkHelper;
}
