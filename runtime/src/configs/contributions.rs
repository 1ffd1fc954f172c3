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
	/// What the tasks of a milestone earn their workers, for its whole budget: a task paying a
	/// tenth of its milestone's budget earns two points.
	pub const TaskReputation: ReputationScore = 20 * REPUTATION_POINT;
	/// What each approving review of a milestone's tasks earns, for its whole budget (a fifth of
	/// what the work earns).
	pub const ReviewReputation: ReputationScore = 4 * REPUTATION_POINT;
	/// The most one recognition may add (within the project's reputation budget).
	pub const MaxRecognitionBoost: ReputationScore = 10 * REPUTATION_POINT;
	/// Recognition budgets are per 30 days.
	pub const RecognitionPeriod: BlockNumber = period(30 * DAYS, 20);
	/// Attested work outside tasks earns a point (within the project's reputation budget).
	pub const AttestedReputation: ReputationScore = REPUTATION_POINT;
	/// Half a point makes a member: a task paying a fortieth of its milestone's budget.
	pub const MemberThreshold: ReputationScore = REPUTATION_POINT / 2;
	/// Members are counted by the week their standing ends (a membership lasts to the end of the
	/// week in which its reputation falls below the threshold).
	pub const StandingEpoch: BlockNumber = period(7 * DAYS, 10);
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
	// A vote per half point, the threshold: a member at the threshold has one vote, one who did
	// a whole milestone's work (20 points) forty.
	type ReputationPerVote = MemberThreshold;
	type StandingEpoch = StandingEpoch;
	// Two months of weeks settled per call (opening a poll reads as many buckets at most): a
	// project idle for longer settles its member count with `settle_standings` first.
	type MaxSettle = ConstU32<8>;
	type MaxTopContributors = ConstU32<16>;
	type KeylessAccounts = KeylessAccounts;
	// Three members with standing must endorse an attestation request.
	type RequiredEndorsements = ConstU32<3>;
	type EndorsementWindow = EndorsementWindow;
	type AttestationDeposit = AttestationDeposit;
	type WeightInfo = pallet_contributions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Projects;
}

/// The accounts of project treasuries and task escrows: derived from a pallet id, with no key.
pub struct KeylessAccounts;

impl frame_support::traits::Contains<crate::AccountId> for KeylessAccounts {
	fn contains(who: &crate::AccountId) -> bool {
		let bytes: &[u8] = who.as_ref();
		[super::projects::ProjectsPalletId::get(), super::tasks::TasksPalletId::get()]
			.iter()
			.any(|id| bytes.starts_with(b"modl") && bytes.get(4..12) == Some(&id.0[..]))
	}
}
