//! Polls, their questions and tallies, and votes.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use commons_primitives::{FungibleBalance, ProjectId};
use polkadot_sdk::{
	frame_support::{
		traits::Bounded, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Percent,
};
use scale_info::TypeInfo;

/// An option's label: a short text or a CID.
pub type LabelOf<T> = BoundedVec<u8, <T as Config>::MaxLabelLen>;

/// A proposal: a call, inline when short, otherwise through the preimage pallet.
pub type BoundedCallOf<T> =
	Bounded<<T as Config>::RuntimeCall, <T as frame_system::Config>::Hashing>;

/// The native balance type: poll deposits.
pub type BalanceOf<T> =
	FungibleBalance<<T as Config>::NativeBalance, <T as frame_system::Config>::AccountId>;

/// What a poll asks.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
#[codec(decode_with_mem_tracking_bound())]
pub enum Question<T: Config> {
	/// Which of these options (at least two)? The most votes wins.
	Options(BoundedVec<LabelOf<T>, T::MaxOptions>),
	/// Should the project do this? If the ayes outnumber the nays, the call is dispatched with
	/// the project's origin when the poll is closed.
	Proposal(BoundedCallOf<T>),
}

/// What a voter votes for.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Choice {
	/// For a proposal.
	Aye,
	/// Against a proposal.
	Nay,
	/// For the option with this index (0-based) of an options poll.
	Option(u32),
}

/// One voter's vote in a poll: `votes` votes for `choice`, costing `votes²` voice credits.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Vote {
	/// What for.
	pub choice: Choice,
	/// How many votes.
	pub votes: u32,
}

impl Vote {
	/// The voice credits this vote costs: `votes²`.
	pub fn cost(&self) -> u64 {
		u64::from(self.votes).saturating_mul(u64::from(self.votes))
	}
}

/// How a project decides: its governance sets it, within floors the runtime sets
/// ([`Config::MinQuorum`], [`Config::MinProtectedThreshold`], [`Config::MinDuration`],
/// [`Config::MinEnactmentDelay`]) that no project can go below. A poll takes its rules from the
/// constitution when it opens, never from the proposer.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Constitution<BlockNumber> {
	/// The share of the electorate that must vote for a poll's outcome to count.
	pub quorum: Percent,
	/// A routine proposal passes with more ayes than this share of the votes cast (at least
	/// half).
	pub threshold: Percent,
	/// A protected act (stewards, cap, funding, budgets, half-life, status, this constitution)
	/// passes with more ayes than this share of the votes cast (at least `threshold`).
	pub protected_threshold: Percent,
	/// The shortest a poll may run, in blocks.
	pub min_duration: BlockNumber,
	/// How long a passed protected act waits after its poll ended before it can be enacted, in
	/// blocks: time for everyone to see it coming.
	pub enactment_delay: BlockNumber,
}

/// A poll that is running, or ended and not yet closed.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Poll<T: Config> {
	/// The project whose members vote.
	pub project: ProjectId,
	/// Who created it, and holds the deposit.
	pub creator: T::AccountId,
	/// Whether it asks about a proposal (ayes and nays) rather than options; the question itself
	/// is in [`PollQuestions`](crate::PollQuestions), read only to close the poll.
	pub proposal: bool,
	/// Whether the proposal is a protected act (supermajority and enactment delay).
	pub protected: bool,
	/// The native deposit held from the creator until the poll is closed.
	pub deposit: BalanceOf<T>,
	/// When it was created: members by reputation at this block may vote.
	pub created: BlockNumberFor<T>,
	/// The last block in which votes are taken.
	pub end: BlockNumberFor<T>,
	/// The first block after which a passed proposal may be enacted (the end block, or for a
	/// protected act the end block plus the constitution's enactment delay).
	pub enact_after: BlockNumberFor<T>,
	/// The share of the electorate that must vote for the outcome to count.
	pub quorum: Percent,
	/// A proposal passes with more ayes than this share of the votes cast.
	pub threshold: Percent,
	/// How many members the project had when the poll was created: its members by reputation
	/// and its stewards, each account counted once.
	pub electorate: u32,
	/// How many have voted.
	pub voters: u32,
	/// Votes per choice: `[ayes, nays]` for a proposal, one entry per option otherwise.
	pub tally: BoundedVec<u64, T::MaxOptions>,
}

impl<T: Config> Poll<T> {
	/// Where `choice` is counted in the tally, if it fits the question.
	pub fn slot(&self, choice: Choice) -> Option<usize> {
		match (self.proposal, choice) {
			(true, Choice::Aye) => Some(0),
			(true, Choice::Nay) => Some(1),
			(false, Choice::Option(i)) => usize::try_from(i).ok().filter(|i| *i < self.tally.len()),
			_ => None,
		}
	}

	/// Whether enough of the electorate voted: at least `quorum` of it (rounded up), and at
	/// least one voter.
	pub fn quorate(&self) -> bool {
		let needed = self.quorum.mul_ceil(self.electorate).max(1);
		self.voters >= needed
	}

	/// The outcome if the poll were closed now.
	pub fn outcome(&self) -> Outcome {
		if !self.quorate() {
			return Outcome::NoQuorum;
		}
		match self.proposal {
			true => {
				let ayes = self.tally.first().copied().unwrap_or_default();
				let nays = self.tally.get(1).copied().unwrap_or_default();
				if ayes > self.threshold.mul_floor(ayes.saturating_add(nays)) {
					Outcome::Passed
				} else {
					Outcome::Rejected
				}
			},
			false => {
				let most = self.tally.iter().copied().max().unwrap_or_default();
				let mut leaders = self.tally.iter().enumerate().filter(|(_, v)| **v == most);
				match (leaders.next(), leaders.next()) {
					(Some((i, _)), None) if most > 0 => {
						Outcome::Chosen(u32::try_from(i).unwrap_or(u32::MAX))
					},
					_ => Outcome::Tied,
				}
			},
		}
	}
}

/// How a poll ended.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Outcome {
	/// Too few of the electorate voted.
	NoQuorum,
	/// The proposal's ayes were more than its threshold's share of the votes; it was dispatched.
	Passed,
	/// The proposal's ayes were not more than its threshold's share of the votes.
	Rejected,
	/// This option (0-based) got the most votes.
	Chosen(u32),
	/// No single option got the most votes.
	Tied,
}
