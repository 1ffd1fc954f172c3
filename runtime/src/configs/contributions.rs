//! Contributions: the ledger of every accepted task, review and recognition, and the decaying
//! reputation they earn.

use crate::{constants::*, Balance, BlockNumber, Projects, Runtime};
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
}

impl pallet_contributions::Config for Runtime {
	type Balance = Balance;
	type Projects = Projects;
	type GovernanceOrigin = ProjectGovernance;
	type RecognitionPeriod = RecognitionPeriod;
	type MaxRecognitionBoost = MaxRecognitionBoost;
	type DefaultHalfLife = DefaultHalfLife;
	type TaskReputation = TaskReputation;
	type ReviewReputation = ReviewReputation;
	type MaxCidLen = ConstU32<96>;
	type MaxRecent = ConstU32<16>;
	type MaxLeaderboard = ConstU32<20>;
	type WeightInfo = pallet_contributions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Projects;
}
