//! Project currencies: `pallet-assets`.
//!
//! Assets are created by the projects pallet (through the `fungibles` traits, which ignore
//! `CreateOrigin`), or by chain governance with `force_create`. No one creates an asset with a
//! plain signed `create`: every currency on Commons belongs to a project plan.

use crate::{constants::*, AccountId, AssetId, Balance, Balances, Runtime, RuntimeEvent};
use polkadot_sdk::*;

use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32},
};
use frame_system::{EnsureNever, EnsureRoot};

parameter_types! {
	/// Held from the creator of a currency while it exists.
	pub const AssetDeposit: Balance = 10 * UNIT;
	/// Held per account that holds a currency (when it is not a sufficient asset).
	pub const AssetAccountDeposit: Balance = deposit(1, 16);
	/// Held for a currency's metadata: base, plus per byte of name and symbol.
	pub const AssetMetadataDepositBase: Balance = deposit(1, 68);
	pub const AssetMetadataDepositPerByte: Balance = deposit(0, 1);
	/// Held per approval to spend someone else's currency.
	pub const AssetApprovalDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = AssetMetadataDepositBase;
	type MetadataDepositPerByte = AssetMetadataDepositPerByte;
	type ApprovalDeposit = AssetApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
