//! The runtime API through which wallets, Polkadot.js Apps ("Runtime calls") and the quadratic
//! voting UI read contributions, reputation and membership.

use crate::{ContributionRecord, ContributorTotals, RecognitionRecord};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use commons_primitives::{ProjectId, ReputationScore};
use scale_info::TypeInfo;

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
	/// The first block at which its reputation will be below the membership threshold, if it
	/// stands now and earns nothing more.
	pub member_until: Option<BlockNumber>,
	/// The most recent contributions, oldest first.
	pub recent: Vec<ContributionRecord<Balance, BlockNumber, Vec<u8>>>,
	/// The most recent recognitions of exceptional work, oldest first (all are kept on-chain).
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
		/// the most recent records and recognitions.
		fn contributor(
			project: ProjectId,
			who: AccountId,
		) -> ContributorInfo<AccountId, Balance, BlockNumber>;

		/// Up to `n` of the project's top contributors (members by reputation, at most
		/// `MaxMembers`), highest reputation first, with their reputation now.
		fn top_contributors(project: ProjectId, n: u32) -> Vec<(AccountId, ReputationScore)>;

		/// How many members the project has now (stewards and members by reputation).
		fn members_count(project: ProjectId) -> u32;
	}
}
