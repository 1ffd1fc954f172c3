//! Chain governance: `pallet-democracy` referenda over `pallet-preimage` and `pallet-scheduler`,
//! and the commons treasury.
//!
//! There is no council: every privileged act (including `System::authorize_upgrade`) is a
//! referendum's outcome, dispatched as Root. Under `fast-runtime` the periods shrink to a few
//! blocks so that a referendum passes within a minute on a development chain.

use crate::{
	constants::*, AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System, Treasury,
};
use polkadot_sdk::*;

use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration,
		tokens::{PayFromAccount, UnityAssetBalanceConversion},
		ConstU32, EqualPrivilegeOnly, LinearStoragePrice,
	},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureNever, EnsureRoot, EnsureRootWithSuccess, EnsureSigned};
use sp_runtime::{
	traits::{AccountIdConversion, IdentityLookup},
	Perbill, Permill,
};

/// `fast` under the `fast-runtime` feature, `normal` otherwise.
pub(crate) const fn period(normal: BlockNumber, fast: BlockNumber) -> BlockNumber {
	if cfg!(feature = "fast-runtime") {
		fast
	} else {
		normal
	}
}

parameter_types! {
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	pub const PreimageByteDeposit: Balance = deposit(0, 1);
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	/// Whoever notes a preimage holds a deposit for its bytes until it is unnoted or used.
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * super::RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// How often (in blocks) the most-seconded public proposal becomes a referendum.
	pub const LaunchPeriod: BlockNumber = period(7 * DAYS, 5);
	/// How long a referendum is open for votes.
	pub const VotingPeriod: BlockNumber = period(7 * DAYS, 5);
	/// How long a fast-tracked referendum is open for votes.
	pub const FastTrackVotingPeriod: BlockNumber = period(3 * HOURS, 3);
	/// The delay between a referendum passing and its call being enacted.
	pub const EnactmentPeriod: BlockNumber = period(DAYS, 2);
	/// How long a vetoed proposal stays blocked.
	pub const CooloffPeriod: BlockNumber = period(7 * DAYS, 5);
	/// The base period of conviction locks.
	pub const VoteLockingPeriod: BlockNumber = period(7 * DAYS, 5);
	/// The least that may be deposited to submit or second a public proposal.
	pub const MinimumDeposit: Balance = 10 * UNIT;
}

impl pallet_democracy::Config for Runtime {
	type WeightInfo = crate::weights::pallet_democracy::WeightInfo<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type Currency = Balances;
	type EnactmentPeriod = EnactmentPeriod;
	type LaunchPeriod = LaunchPeriod;
	type VotingPeriod = VotingPeriod;
	type VoteLockingPeriod = VoteLockingPeriod;
	type MinimumDeposit = MinimumDeposit;
	type InstantAllowed = frame_support::traits::ConstBool<true>;
	type FastTrackVotingPeriod = FastTrackVotingPeriod;
	type CooloffPeriod = CooloffPeriod;
	type MaxVotes = ConstU32<100>;
	type MaxProposals = ConstU32<100>;
	type MaxDeposits = ConstU32<100>;
	type MaxBlacklisted = ConstU32<100>;
	// With no council, external proposals, fast-tracking, cancellation and blacklisting are
	// Root's: a passed referendum (or sudo on a development chain).
	type ExternalOrigin = EnsureRoot<AccountId>;
	type ExternalMajorityOrigin = EnsureRoot<AccountId>;
	type ExternalDefaultOrigin = EnsureRoot<AccountId>;
	/// Any token holder may submit a public proposal.
	type SubmitOrigin = EnsureSigned<AccountId>;
	type FastTrackOrigin = EnsureRoot<AccountId>;
	type InstantOrigin = EnsureRoot<AccountId>;
	type CancellationOrigin = EnsureRoot<AccountId>;
	type BlacklistOrigin = EnsureRoot<AccountId>;
	type CancelProposalOrigin = EnsureRoot<AccountId>;
	/// No technical committee exists to veto external proposals.
	type VetoOrigin = EnsureNever<AccountId>;
	type PalletsOrigin = OriginCaller;
	/// Slashed proposal deposits go to the treasury.
	type Slash = Treasury;
}

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// The treasury's keyless account: it receives transaction fees and slashed deposits.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
	pub const SpendPeriod: BlockNumber = period(6 * DAYS, 10);
	pub const PayoutPeriod: BlockNumber = period(30 * DAYS, 20);
	/// Nothing is burned: unspent funds stay in the commons.
	pub const Burn: Permill = Permill::zero();
	pub const MaxBalance: Balance = Balance::MAX;
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = EnsureRoot<AccountId>;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = Burn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	/// Spending is decided by referendum, without limit.
	type SpendOrigin = EnsureRootWithSuccess<AccountId, MaxBalance>;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = PayoutPeriod;
	type BlockNumberProvider = System;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
