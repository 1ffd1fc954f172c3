//! Cross-consensus messaging: what this parachain accepts from the relay chain and siblings.
//!
//! - The native token (`Here`) is the only asset the chain holds on behalf of others; fees for
//!   XCM execution are paid in it.
//! - The relay chain may execute unpaid (for its governance and system messages); everyone else
//!   pays for execution. No asset is teleported; reserve transfers of the native token out of
//!   Commons are allowed through `pallet-xcm`.
//! - Local accounts send XCM as `AccountId32` locations; no one may `execute` arbitrary XCM.
//! - Sending is priced as the system parachains price it: a base fee and a fee per byte of the
//!   message, multiplied by the channel's congestion factor (which grows while the queue to the
//!   relay chain or a sibling is backed up), paid in the native token to the treasury. Only Root
//!   (governance) and the relay chain send for free.

use crate::{
	constants::deposit, AccountId, AllPalletsWithSystem, Balances, ParachainInfo, ParachainSystem,
	PolkadotXcm, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, XcmpQueue,
};
use polkadot_sdk::{
	staging_xcm as xcm, staging_xcm_builder as xcm_builder, staging_xcm_executor as xcm_executor, *,
};

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains, Disabled, Equals, Everything, Nothing},
	weights::Weight,
};
use frame_system::EnsureRoot;
use pallet_xcm::XcmPassthrough;
use polkadot_parachain_primitives::primitives::Sibling;
use polkadot_runtime_common::xcm_sender::ExponentialPrice;
use xcm::latest::prelude::*;
use xcm_builder::{
	AccountId32Aliases, AllowExplicitUnpaidExecutionFrom, AllowKnownQueryResponses,
	AllowSubscriptionsFrom, AllowTopLevelPaidExecutionFrom, DenyRecursively,
	DenyReserveTransferToRelayChain, DenyThenTry, EnsureXcmOrigin, FixedWeightBounds,
	FrameTransactionalProcessor, FungibleAdapter, IsConcrete, NativeAsset, ParentIsPreset,
	RelayChainAsNative, SendXcmFeeToAccount, SiblingParachainAsNative, SiblingParachainConvertsVia,
	SignedAccountId32AsNative, SignedToAccountId32, SovereignSignedViaLocation, TakeWeightCredit,
	TrailingSetTopicAsId, UsingComponents, WithComputedOrigin, WithUniqueTopic,
	XcmFeeManagerFromComponents,
};
use xcm_executor::XcmExecutor;

parameter_types! {
	/// The relay chain, seen from here.
	pub const RelayLocation: Location = Location::parent();
	/// The native token, seen from here.
	pub const NativeLocation: Location = Location::here();
	/// The network is left open: the same runtime runs on any relay chain.
	pub const RelayNetwork: Option<NetworkId> = None;
	pub RelayChainOrigin: RuntimeOrigin = cumulus_pallet_xcm::Origin::Relay.into();
	/// Where this chain is in the consensus universe.
	pub UniversalLocation: InteriorLocation = [Parachain(ParachainInfo::parachain_id().into())].into();
}

/// How a location is turned into a local account: the relay chain and siblings get their
/// sovereign accounts; `AccountId32` junctions map onto the same local account.
pub type LocationToAccountId = (
	ParentIsPreset<AccountId>,
	SiblingParachainConvertsVia<Sibling, AccountId>,
	AccountId32Aliases<RelayNetwork, AccountId>,
);

/// The native token, as an XCM asset, moved with `Balances`.
pub type LocalAssetTransactor = FungibleAdapter<
	Balances,
	IsConcrete<NativeLocation>,
	LocationToAccountId,
	AccountId,
	// No teleports, so no checking account.
	(),
>;

/// How an XCM origin becomes a local dispatch origin for `Transact`.
pub type XcmOriginToTransactDispatchOrigin = (
	// The sovereign account of the origin, as a signed origin.
	SovereignSignedViaLocation<LocationToAccountId, RuntimeOrigin>,
	// The relay chain, as the `Relay` origin of `cumulus-pallet-xcm`.
	RelayChainAsNative<RelayChainOrigin, RuntimeOrigin>,
	// A sibling parachain, as the `SiblingParachain` origin of `cumulus-pallet-xcm`.
	SiblingParachainAsNative<cumulus_pallet_xcm::Origin, RuntimeOrigin>,
	// A native account, as a signed origin.
	SignedAccountId32AsNative<RelayNetwork, RuntimeOrigin>,
	// An `Xcm` origin, passed through for `pallet-xcm`.
	XcmPassthrough<RuntimeOrigin>,
);

parameter_types! {
	/// A conservative weight per XCM instruction, until XCM is benchmarked for this runtime.
	pub const UnitWeightCost: Weight = Weight::from_parts(1_000_000_000, 64 * 1024);
	pub const MaxInstructions: u32 = 100;
	pub const MaxAssetsIntoHolding: u32 = 64;
}

/// Execution the relay chain asks for without paying: its governance and system messages.
pub struct RelayChainOnly;
impl Contains<Location> for RelayChainOnly {
	fn contains(location: &Location) -> bool {
		Equals::<RelayLocation>::contains(location)
	}
}

/// What may execute here, after the deny list.
pub type Barrier = TrailingSetTopicAsId<
	DenyThenTry<
		DenyRecursively<DenyReserveTransferToRelayChain>,
		(
			TakeWeightCredit,
			WithComputedOrigin<
				(
					AllowTopLevelPaidExecutionFrom<Everything>,
					AllowExplicitUnpaidExecutionFrom<RelayChainOnly>,
				),
				UniversalLocation,
				ConstU32<8>,
			>,
			AllowKnownQueryResponses<PolkadotXcm>,
			// Version subscriptions only from the relay chain and sibling parachains: nobody else
			// makes this chain keep (and pay to send) notifications.
			AllowSubscriptionsFrom<
				polkadot_sdk::parachains_common::xcm_config::ParentRelayOrSiblingParachains,
			>,
		),
	>,
>;

parameter_types! {
	/// Delivery fees are paid in the native token.
	pub FeeAssetId: AssetId = AssetId(NativeLocation::get());
	/// What delivering any message costs, before its bytes: the price of one storage item here,
	/// since a message waits in the relay chain's or a sibling's queue until it is processed. (The
	/// system parachains charge 3 cents of their token, and 10 millicents a byte: the same
	/// structure, in their prices.)
	pub const BaseDeliveryFee: u128 = deposit(1, 0);
	/// What each byte of a message adds: the price of a byte of storage here.
	pub const DeliveryFeePerByte: u128 = deposit(0, 1);
	/// The treasury, as the location delivery fees are deposited to.
	pub TreasuryLocation: Location =
		AccountId32 { network: None, id: super::TreasuryAccount::get().into() }.into();
}

/// The price of a message to the relay chain: grows with the upward queue's congestion.
pub type PriceForParentDelivery =
	ExponentialPrice<FeeAssetId, BaseDeliveryFee, DeliveryFeePerByte, ParachainSystem>;
/// The price of a message to a sibling parachain: grows with that channel's congestion.
pub type PriceForSiblingDelivery =
	ExponentialPrice<FeeAssetId, BaseDeliveryFee, DeliveryFeePerByte, XcmpQueue>;

/// Who sends without paying for delivery: Root (a passed referendum) and the relay chain.
pub type WaivedLocations = (Equals<RootLocation>, Equals<RelayLocation>);

parameter_types! {
	/// This chain's own Root, as an XCM origin.
	pub const RootLocation: Location = Location::here();
}

/// The executor's configuration.
pub struct XcmConfig;
impl xcm_executor::Config for XcmConfig {
	type RuntimeCall = RuntimeCall;
	type XcmSender = XcmRouter;
	type XcmEventEmitter = PolkadotXcm;
	type AssetTransactor = LocalAssetTransactor;
	type OriginConverter = XcmOriginToTransactDispatchOrigin;
	type IsReserve = NativeAsset;
	type IsTeleporter = ();
	type UniversalLocation = UniversalLocation;
	type Barrier = Barrier;
	type Weigher = FixedWeightBounds<UnitWeightCost, RuntimeCall, MaxInstructions>;
	/// Execution is paid in the native token, at the same rate as transactions; fees go to the
	/// treasury.
	type Trader = UsingComponents<
		super::WeightToFee,
		NativeLocation,
		AccountId,
		Balances,
		frame_support::traits::tokens::imbalance::ResolveTo<super::TreasuryAccount, Balances>,
	>;
	type ResponseHandler = PolkadotXcm;
	type AssetTrap = PolkadotXcm;
	type AssetLocker = ();
	type AssetExchanger = ();
	type SubscriptionService = PolkadotXcm;
	type PalletInstancesInfo = AllPalletsWithSystem;
	type MaxAssetsIntoHolding = MaxAssetsIntoHolding;
	/// Delivery fees (see [`PriceForParentDelivery`]) go to the treasury; Root and the relay chain
	/// pay none.
	type FeeManager = XcmFeeManagerFromComponents<
		WaivedLocations,
		SendXcmFeeToAccount<Self::AssetTransactor, TreasuryLocation>,
	>;
	type MessageExporter = ();
	type UniversalAliases = Nothing;
	type CallDispatcher = RuntimeCall;
	type SafeCallFilter = Everything;
	type Aliasers = Nothing;
	type TransactionalProcessor = FrameTransactionalProcessor;
	type HrmpNewChannelOpenRequestHandler = ();
	type HrmpChannelAcceptedHandler = ();
	type HrmpChannelClosingHandler = ();
	type XcmRecorder = PolkadotXcm;
}

/// A local signed origin, as the `AccountId32` location it sends XCM from.
pub type LocalOriginToLocation = SignedToAccountId32<RuntimeOrigin, AccountId, RelayNetwork>;

/// How messages leave: upward to the relay chain, or over XCMP to siblings, each at its price.
pub type XcmRouter = WithUniqueTopic<(
	cumulus_primitives_utility::ParentAsUmp<ParachainSystem, PolkadotXcm, PriceForParentDelivery>,
	XcmpQueue,
)>;

impl pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type SendXcmOrigin = EnsureXcmOrigin<RuntimeOrigin, LocalOriginToLocation>;
	type XcmRouter = XcmRouter;
	type ExecuteXcmOrigin = EnsureXcmOrigin<RuntimeOrigin, LocalOriginToLocation>;
	/// Arbitrary local XCM execution is off.
	type XcmExecuteFilter = Nothing;
	type XcmExecutor = XcmExecutor<XcmConfig>;
	type XcmTeleportFilter = Nothing;
	type XcmReserveTransferFilter = Everything;
	type Weigher = FixedWeightBounds<UnitWeightCost, RuntimeCall, MaxInstructions>;
	type UniversalLocation = UniversalLocation;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	const VERSION_DISCOVERY_QUEUE_SIZE: u32 = 100;
	type AdvertisedXcmVersion = pallet_xcm::CurrentXcmVersion;
	type Currency = Balances;
	type CurrencyMatcher = ();
	type TrustedLockers = ();
	type SovereignAccountOf = LocationToAccountId;
	type MaxLockers = ConstU32<8>;
	type WeightInfo = crate::weights::pallet_xcm::WeightInfo<Runtime>;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxRemoteLockConsumers = ConstU32<0>;
	type RemoteLockConsumerIdentifier = ();
	/// Aliasing is not offered, so it needs no deposit.
	type AuthorizedAliasConsideration = Disabled;
}

impl cumulus_pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type XcmExecutor = XcmExecutor<XcmConfig>;
}
