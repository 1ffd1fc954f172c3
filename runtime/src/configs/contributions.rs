//! Contributions: the ledger of every accepted task, review and recognition, and the decaying
//! reputation they earn.

use crate::{constants::*, Balance, Balances, BlockNumber, Projects, Runtime, RuntimeHoldReason};
use polkadot_sdk::*;

use frame_support::{parameter_types, traits::ConstU32};

use super::{governance::period, ProjectGovernance};

/// Reputation points, in millionths: an accepted task earns one point.
pub const REPUTATION_POINT: u128 = 1_000_000;

parameter_types! {
	/// Reputation halves every 90 days unless a project's governance sets another half-life.
	pub const DefaultHalfLife: BlockNumber = period(90 * DAYS, 30);
	/// What an accepted task earns.
	pub const TaskReputation: u128 = REPUTATION_POINT;
	/// What a review earns.
	pub const ReviewReputation: u128 = REPUTATION_POINT / 5;
	/// The most one recognition may add: ten accepted tasks.
	pub const MaxRecognitionBoost: u128 = 10 * REPUTATION_POINT;
	/// Recognition budgets are per 30 days.
	pub const RecognitionPeriod: BlockNumber = period(30 * DAYS, 20);
	/// An endorsed claim of work outside tasks earns as much as an accepted task.
	pub const AttestedReputation: u128 = REPUTATION_POINT;
	/// Half an accepted task's reputation makes a member: one accepted task keeps its worker a
	/// member for a half-life; three reviews for about a quarter of one.
	pub const MemberThreshold: u128 = REPUTATION_POINT / 2;
	/// Claims of attested work may be endorsed for 7 days.
	pub const EndorsementWindow: BlockNumber = period(7 * DAYS, 30);
	/// The deposit of an open claim: one item of up to 256 bytes (evidence CID, endorsers).
	pub const ClaimDeposit: Balance = deposit(1, 256);
}

impl pallet_contributions::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Balance = Balance;
	type Projects = Projects;
	type GovernanceOrigin = ProjectGovernance;
	type RecognitionPeriod = RecognitionPeriod;
	type MaxRecognitionBoost = MaxRecognitionBoost;
	type DefaultHalfLife = DefaultHalfLife;
	type TaskReputation = TaskReputation;
	type ReviewReputation = ReviewReputation;
	type AttestedReputation = AttestedReputation;
	type MemberThreshold = MemberThreshold;
	// A project's members by reputation: the quadratic-voting electorate.
	type MaxMembers = ConstU32<256>;
	// Three members with standing must endorse a claim.
	type RequiredEndorsements = ConstU32<3>;
	type EndorsementWindow = EndorsementWindow;
	type ClaimDeposit = ClaimDeposit;
	type MaxCidLen = ConstU32<96>;
	type MaxRecent = ConstU32<16>;
	type WeightInfo = pallet_contributions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Projects;
}
