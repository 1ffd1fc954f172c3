//! The runtime API through which wallets, Polkadot.js Apps ("Runtime calls") and the quadratic
//! voting UI read contributions, reputation and membership.

use crate::{ContributorTotals, RecognitionRecord};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use commons_primitives::{ProjectId, ReputationScore};
use scale_info::TypeInfo;

/// How many of a contributor's latest recognitions [`ContributorInfo`] shows.
pub const RECOGNITIONS_SHOWN: u32 = 16;

/// What a project knows of a contributor.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct ContributorInfo<AccountId, Balance, BlockNumber> {
	/// Contributions by kind: how many, and their value.
	pub totals: ContributorTotals<Balance>,
	/// Reputation now (decayed to the current block).
	pub reputation: ReputationScore,
	/// Whether the account is a member of the project now (a steward, or with standing).
	pub member: bool,
	/// Since when the account has stood in the project by its reputation, if it does.
	pub member_since: Option<BlockNumber>,
	/// The first block at which its standing ends if it earns nothing more: the end of the
	/// standing epoch in which its reputation falls below the membership threshold.
	pub member_until: Option<BlockNumber>,
	/// The most recent recognitions of exceptional work (at most [`RECOGNITIONS_SHOWN`]),
	/// oldest first (all are kept on-chain). Every contribution is in a `Contributed` event.
	pub recognitions: Vec<RecognitionRecord<AccountId, Balance, BlockNumber, Vec<u8>>>,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Contributions, reputation and membership per project.
	pub trait ContributionsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// `who`'s contributions to `project` by kind, reputation and membership there now, and
		/// the most recent recognitions.
		fn contributor(
			project: ProjectId,
			who: AccountId,
		) -> ContributorInfo<AccountId, Balance, BlockNumber>;

		/// Up to `n` of the project's top contributors (members by reputation whose reputation
		/// lasts longest, at most `MaxTopContributors`), highest reputation first, with their
		/// reputation now.
		fn top_contributors(project: ProjectId, n: u32) -> Vec<(AccountId, ReputationScore)>;

		/// How many members the project has now (stewards and members by reputation).
		fn members_count(project: ProjectId) -> u32;
	}
}
