//! The runtime API through which wallets and Polkadot.js Apps ("Runtime calls") read polls.

use crate::Outcome;
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use commons_primitives::{PollId, ProjectId};
use polkadot_sdk::sp_runtime::Percent;
use scale_info::TypeInfo;

/// A running poll, as a voter sees it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct PollInfo<AccountId, BlockNumber> {
	/// The project whose members vote.
	pub project: ProjectId,
	/// Who created it.
	pub creator: AccountId,
	/// Whether it is a proposal (aye/nay on a call) rather than a choice among options.
	pub proposal: bool,
	/// The options' labels (empty for a proposal).
	pub options: Vec<Vec<u8>>,
	/// Votes per choice: `[ayes, nays]`, or one entry per option.
	pub tally: Vec<u64>,
	/// How many have voted.
	pub voters: u32,
	/// How many members the project had when the poll was created.
	pub electorate: u32,
	/// The share of the electorate that must vote.
	pub quorum: Percent,
	/// A proposal passes with more ayes than this share of the votes cast.
	pub threshold: Percent,
	/// Whether the proposal is a protected act (supermajority, enactment delay).
	pub protected: bool,
	/// The first block after which a passed proposal can be enacted (the poll closed).
	pub enact_after: BlockNumber,
	/// When it was created.
	pub created: BlockNumber,
	/// The last block in which votes are taken.
	pub end: BlockNumber,
	/// Whether the end has passed (votes are no longer taken).
	pub ended: bool,
	/// The outcome if it were closed now.
	pub outcome: Outcome,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Project polls: their tallies and status, and voters' credits.
	pub trait QuadraticVotingApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// A running (or ended, not yet closed) poll; `None` once it is closed or if it never
		/// existed.
		fn poll(poll: PollId) -> Option<PollInfo<AccountId, BlockNumber>>;

		/// The voice credits `who` has left in `poll`; `None` if they may not vote in it.
		fn credits(poll: PollId, who: AccountId) -> Option<u32>;
	}
}
