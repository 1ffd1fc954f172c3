//! Contributions: the ledger of every accepted task, review and recognition, and the decaying
//! reputation they earn.

use crate::{constants::*, Balance, Balances, BlockNumber, Projects, Runtime, RuntimeHoldReason};
use polkadot_sdk::*;

use frame_support::{parameter_types, traits::ConstU32};

use super::{governance::period, ProjectGovernance};

use commons_primitives::{ReputationScore, REPUTATION_POINT};

parameter_types! {
	/// Reputation halves every 90 days unless a project's governance sets another half-life.
	pub const DefaultHalfLife: BlockNumber = period(90 * DAYS, 30);
	/// What an accepted task earns.
	pub const TaskReputation: ReputationScore = REPUTATION_POINT;
	/// What a review earns.
	pub const ReviewReputation: ReputationScore = REPUTATION_POINT / 5;
	/// The most one recognition may add: ten accepted tasks.
	pub const MaxRecognitionBoost: ReputationScore = 10 * REPUTATION_POINT;
	/// Recognition budgets are per 30 days.
	pub const RecognitionPeriod: BlockNumber = period(30 * DAYS, 20);
	/// Attested work outside tasks earns as much as an accepted task.
	pub const AttestedReputation: ReputationScore = REPUTATION_POINT;
	/// Half an accepted task's reputation makes a member: one accepted task keeps its worker a
	/// member for a half-life; three reviews for about a quarter of one.
	pub const MemberThreshold: ReputationScore = REPUTATION_POINT / 2;
	/// Requests for attestation of work outside tasks may be endorsed for 7 days.
	pub const EndorsementWindow: BlockNumber = period(7 * DAYS, 30);
	/// The deposit of an open attestation request: one item of up to 256 bytes (evidence CID,
	/// endorsers).
	pub const AttestationDeposit: Balance = deposit(1, 256);
}

impl pallet_contributions::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
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
	// Three members with standing must endorse an attestation request.
	type RequiredEndorsements = ConstU32<3>;
	type EndorsementWindow = EndorsementWindow;
	type AttestationDeposit = AttestationDeposit;
	type MaxRecent = ConstU32<16>;
	type WeightInfo = pallet_contributions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Projects;
}
