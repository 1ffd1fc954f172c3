//! The runtime API through which wallets, Polkadot.js Apps ("Runtime calls") and the quadratic
//! voting UI read contributions and reputation.

use crate::ContributorTotals;
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use pallet_projects::ProjectId;
use scale_info::TypeInfo;

/// What a project knows of a contributor.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, Default, TypeInfo)]
pub struct ContributorInfo<Balance> {
	/// Contributions by kind: how many, and their value.
	pub totals: ContributorTotals<Balance>,
	/// Reputation now (decayed to the current block).
	pub reputation: u128,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Contributions and reputation per project.
	pub trait ContributionsApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// `who`'s contributions to `project` by kind, and reputation there now.
		fn contributor(project: ProjectId, who: AccountId) -> ContributorInfo<Balance>;

		/// Up to `n` of the project's top contributors (at most its leaderboard's size), highest
		/// reputation first, with their reputation now.
		fn top_contributors(project: ProjectId, n: u32) -> Vec<(AccountId, u128)>;
	}
}
