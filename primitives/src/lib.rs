//! # Commons primitives
//!
//! The vocabulary the four Commons pallets share, so that each is written once: the ids of what
//! they keep ([`ProjectId`], [`MilestoneId`], [`TaskId`], [`PollId`], [`AttestationId`]), the one
//! content-identifier type ([`Cid`]), reputation scores ([`ReputationScore`]), who acted
//! ([`Actor`]), a project's own origin ([`ProjectOrigin`]), and the traits through which the
//! pallets couple ([`traits`]). Each pallet depends on this crate and on traits wired in the
//! runtime, never on another pallet's crate: quadratic voting learns who the members are through
//! [`traits::ProjectMembership`], as `pallet-referenda` learns its tallies through `Polling`.
//!
//! Also here: the checks that several pallets make on a project's behalf
//! ([`ensure_steward_or_governance`]), releasing a hold that must be whole ([`release_hold`]),
//! sorted due blocks ([`dues`]) and, for tests, one seeded generator ([`testing`]).
//!
//! The glossary of these terms is in `docs/architecture.md`.
#![cfg_attr(not(feature = "std"), no_std)]
#![warn(clippy::arithmetic_side_effects)]

extern crate alloc;

pub mod dues;
mod origin;
#[cfg(feature = "std")]
pub mod testing;
pub mod traits;

pub use origin::ensure_steward_or_governance;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		defensive,
		traits::{fungible, tokens::Precision, ConstU32},
		BoundedVec,
	},
	sp_runtime::traits::Zero,
};
use scale_info::TypeInfo;

/// Identifies a project. Assigned in creation order, never reused.
pub type ProjectId = u32;

/// Identifies a milestone within its project. Assigned in order from 0, never reused.
pub type MilestoneId = u32;

/// Identifies a task. Assigned in posting order across all projects, never reused.
pub type TaskId = u64;

/// Identifies a poll. Assigned in creation order across all projects, never reused.
pub type PollId = u32;

/// Identifies a request for attestation of work done outside tasks. Assigned in order, never
/// reused.
pub type AttestationId = u32;

/// The longest content identifier any pallet stores, in bytes: room for a CIDv1 in base32 with
/// a 512-bit digest, or a 32-byte hash in any encoding.
pub const MAX_CID_LEN: u32 = 96;

/// [`MAX_CID_LEN`] as a type, for bounded collections.
pub type MaxCidLen = ConstU32<MAX_CID_LEN>;

/// A content identifier (an IPFS CID, or a hash) of a document kept off-chain: a plan, a
/// milestone's title or evidence, a task's specification or evidence, a review's comment, the
/// reason for a recognition, the evidence of attested work. Every pallet bounds it the same way.
pub type Cid = BoundedVec<u8, MaxCidLen>;

/// Reputation, in millionths of a point: [`REPUTATION_POINT`] is one point. Stored scores decay
/// with a project's half-life; they are never transferred and never bought.
pub type ReputationScore = u128;

/// One reputation point in [`ReputationScore`] units.
pub const REPUTATION_POINT: ReputationScore = 1_000_000;

/// A project's lifecycle.
///
/// ```text
/// Active <-> Paused
///    \        /
///     v      v
///  Completed | Cancelled   (final: the project can then be reaped)
/// ```
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
pub enum ProjectStatus {
	/// Work goes on: tasks may be posted and budgets spent.
	Active,
	/// Work is suspended by the project's governance: no new tasks, no spending. Can resume.
	Paused,
	/// The project reached its goals. Final.
	Completed,
	/// The project was abandoned. Final.
	Cancelled,
}

impl ProjectStatus {
	/// Whether the project has reached a final status (and may be reaped).
	pub fn is_final(self) -> bool {
		matches!(self, Self::Completed | Self::Cancelled)
	}

	/// Whether governance may move a project from `self` to `next`.
	pub fn can_become(self, next: Self) -> bool {
		use ProjectStatus::*;
		matches!(
			(self, next),
			(Active, Paused)
				| (Paused, Active)
				| (Active | Paused, Completed)
				| (Active | Paused, Cancelled)
		)
	}
}

/// What a milestone's budget, and so a task's reward or a recognition's bonus, is paid in.
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
pub enum BudgetAsset {
	/// The chain's native token, from the project treasury (donations and grants).
	Native,
	/// The project's own currency, minted when the milestone is funded.
	ProjectCurrency,
}

/// Who acted, when a call may be made by a steward or by the project's governance.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Actor<AccountId> {
	/// A steward, by a signed call.
	Steward(AccountId),
	/// The project's governance origin (a passed project poll, or the chain's Root).
	Governance,
}

/// A decision of a project's own governance: the custom origin of the projects pallet.
///
/// Dispatched by the quadratic-voting pallet when a project poll passes; the runtime accepts it
/// (or Root) wherever a project's constitutional act is required.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum ProjectOrigin {
	/// The project with this id decided, by a passed poll.
	Project(ProjectId),
}

/// The balance type of a `fungible` implementation: how every pallet names its `BalanceOf`.
pub type FungibleBalance<F, AccountId> = <F as fungible::Inspect<AccountId>>::Balance;

/// Releases `amount` held from `who` for `reason` (a deposit or a bond the calling pallet holds).
///
/// The pallet's invariants say all of it is there; a shortfall is a broken invariant, reported
/// with `defensive!` (an error log in a live runtime, a panic in debug builds), not an error
/// that would strand the caller's call.
pub fn release_hold<AccountId, F>(reason: &F::Reason, who: &AccountId, amount: F::Balance)
where
	F: fungible::MutateHold<AccountId>,
{
	if amount.is_zero() {
		return;
	}
	match F::release(reason, who, amount, Precision::BestEffort) {
		Ok(released) if released == amount => {},
		_ => {
			defensive!("a hold that the pallet's invariants guarantee was released short");
		},
	}
}
