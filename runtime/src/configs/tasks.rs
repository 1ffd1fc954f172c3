//! Task bounties: escrowed rewards under project milestones, claim bonds, peer review.

use crate::{
	constants::*, Assets, Balance, Balances, BlockNumber, Contributions, Projects, Runtime,
	RuntimeHoldReason,
};
use polkadot_sdk::*;

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::Perbill;

use super::{governance::period, ProjectGovernance};

parameter_types! {
	/// Derives every task's keyless escrow account.
	pub const TasksPalletId: PalletId = PalletId(*b"cm/tasks");
	/// The fixed part of a task's storage deposit.
	pub const TaskDepositBase: Balance = deposit(1, 0);
	/// The storage deposit per byte of a task record.
	pub const TaskDepositPerByte: Balance = deposit(0, 1);
	/// What a worker holds while a task is claimed: enough to make abandoning claims cost.
	pub const ClaimBond: Balance = 100 * MILLI_UNIT;
	/// The share of the bond a worker forfeits to the project by giving a task up.
	pub const UnclaimForfeit: Perbill = Perbill::from_percent(10);
	/// How long after its due block a claim may still be finished before anyone may release it.
	pub const TaskGrace: BlockNumber = period(DAYS, 5);
	/// A steward may give a claimed task at most 30 days from its claim; more is for a poll.
	pub const MaxDueExtension: BlockNumber = period(30 * DAYS, 50);
}

impl pallet_tasks::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Assets = Assets;
	type Projects = Projects;
	type GovernanceOrigin = ProjectGovernance;
	// Payouts and reviews are contributions.
	type Ledger = Contributions;
	// Only members review.
	type Membership = Contributions;
	type PalletId = TasksPalletId;
	type TaskDepositBase = TaskDepositBase;
	type DepositPerByte = TaskDepositPerByte;
	type ClaimBond = ClaimBond;
	type UnclaimForfeit = UnclaimForfeit;
	type Grace = TaskGrace;
	type MaxDueExtension = MaxDueExtension;
	type MaxRevisions = ConstU32<3>;
	type MaxReviewers = ConstU32<8>;
	type WeightInfo = pallet_tasks::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Projects;
}
