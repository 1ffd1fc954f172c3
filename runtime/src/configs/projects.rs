//! Projects: living plans, stewards, milestones, treasuries and plan-backed currencies.

use crate::{
	constants::*, AccountId, Assets, Balance, Balances, Contributions, QuadraticVoting, Runtime,
	RuntimeHoldReason, RuntimeOrigin, Tasks,
};
use polkadot_sdk::*;

use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU8, EitherOf},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::traits::ConvertInto;

use super::{AssetDeposit, TreasuryAccount};

parameter_types! {
	/// Derives every project's keyless treasury account.
	pub const ProjectsPalletId: PalletId = PalletId(*b"cm/prjct");
	/// The fixed part of a project's storage deposit.
	pub const ProjectDepositBase: Balance = deposit(1, 0);
	/// The fixed part of a milestone's storage deposit.
	pub const MilestoneDepositBase: Balance = deposit(1, 0);
	/// The storage deposit per byte of a project or milestone record.
	pub const ProjectDepositPerByte: Balance = deposit(0, 1);
	/// The smallest donation: the storage deposit of the contributor record a first donation
	/// makes the ledger keep.
	pub MinDonation: Balance = deposit(
		1,
		<pallet_contributions::ContributorOf<Runtime> as codec::MaxEncodedLen>::max_encoded_len() as u32,
	);
}

/// A project's constitutional acts: a passed poll of that project (`QuadraticVoting` dispatches
/// a passed proposal with the project's origin), or the chain's Root.
pub type ProjectGovernance =
	EitherOf<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, pallet_projects::EnsureProject>;

impl pallet_projects::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Assets = Assets;
	type ProjectAssetId = ConvertInto;
	type GovernanceOrigin = ProjectGovernance;
	// A project with live tasks cannot be reaped.
	// Escrowed tasks and open polls keep a project from being reaped.
	type OutstandingWork = (Tasks, QuadraticVoting);
	// The ledger and the constitution of a reaped project go with it.
	type ProjectRecords = (Contributions, QuadraticVoting);
	type RecordsPerReap = ConstU32<256>;
	type OnDonation = Contributions;
	type ReapBeneficiary = TreasuryAccount;
	type CurrencyMetadata = KeepMetadataFreeDeposit;
	type PalletId = ProjectsPalletId;
	type ProjectDepositBase = ProjectDepositBase;
	type MilestoneDepositBase = MilestoneDepositBase;
	type DepositPerByte = ProjectDepositPerByte;
	type CurrencyDeposit = AssetDeposit;
	type MinDonation = MinDonation;
	type MaxNameLen = ConstU32<64>;
	type MaxStewards = ConstU32<16>;
	type MaxMilestones = ConstU32<64>;
	type MaxSymbolLen = ConstU32<12>;
	type MaxCurrencyNameLen = ConstU32<48>;
	type MaxDecimals = ConstU8<18>;
	type WeightInfo = pallet_projects::weights::SubstrateWeight<Runtime>;
}

/// Frees a reaped project's metadata deposit (so the founder's endowment comes back) and keeps
/// the currency's name, symbol and decimals for its holders, without a deposit: the assets pallet
/// clears the metadata on the owner's (the treasury's) behalf, then sets it again by force, as
/// the chain keeps the asset itself without one.
pub struct KeepMetadataFreeDeposit;
impl pallet_projects::ReleaseMetadataDeposit<AccountId, crate::AssetId>
	for KeepMetadataFreeDeposit
{
	fn release(asset: crate::AssetId, owner: &AccountId) -> sp_runtime::DispatchResult {
		use frame_support::traits::fungibles::metadata::Inspect;
		let (name, symbol) = (Assets::name(asset), Assets::symbol(asset));
		let decimals = Assets::decimals(asset);
		Assets::clear_metadata(RuntimeOrigin::signed(owner.clone()), asset.into())?;
		Assets::force_set_metadata(
			RuntimeOrigin::root(),
			asset.into(),
			name,
			symbol,
			decimals,
			false,
		)
	}
}

// `RuntimeOrigin` must convert from the pallet's origin for `EnsureProject` to work.
const _: fn(pallet_projects::ProjectOrigin) -> RuntimeOrigin = RuntimeOrigin::from;
