//! # Commons runtime
//!
//! The parachain runtime of Commons, a chain for commons-based peer production: communities plan
//! their work on-chain, issue a currency to finance the plan, pay task bounties in it, track every
//! contribution and govern — inside a project with quadratic voting, chain-wide with
//! `pallet-democracy` referenda that can upgrade this very runtime.
//!
//! ## Composition
//!
//! | group | pallets |
//! | --- | --- |
//! | system | `System`, `ParachainSystem`, `Timestamp`, `ParachainInfo`, `WeightReclaim` |
//! | money | `Balances`, `TransactionPayment`, `Assets` (project currencies) |
//! | collators | `Authorship`, `CollatorSelection`, `Session`, `Aura`, `AuraExt` |
//! | governance | `Preimage`, `Scheduler`, `Democracy`, `Treasury`, `Sudo` (development only) |
//! | XCM | `XcmpQueue`, `PolkadotXcm`, `CumulusXcm`, `MessageQueue` |
//! | utility | `Utility` |
//! | commons | `Projects`, `Tasks`, `Contributions`, `QuadraticVoting` |
//!
//! Configuration lives in [`configs`], split by domain; runtime APIs in [`apis`]; the genesis
//! presets (`development`, `local_testnet`, `production`) in [`genesis_config_presets`].
//!
//! ## Features
//!
//! - `fast-runtime`: governance, session and treasury periods of a few blocks, for development
//!   chains and the end-to-end tests. The `commons-node` binary enables it; a runtime deployed for
//!   real is built without it.
//! - `sudo`: compiles in `pallet-sudo`, for development and local test chains (their presets make
//!   Alice the key). The `commons-node` binary enables it; a runtime deployed for real has no sudo
//!   pallet, so that neither a key nor a referendum can take Root outside governance.
//! - `test-upgrade`: raises `spec_version` by one. It exists only to build the second Wasm the
//!   end-to-end runtime-upgrade test enacts through a referendum.
//! - `test-broken-upgrade`: `test-upgrade` with a migration that breaks an invariant, for the
//!   try-runtime test that must catch it (`scripts/build-try-runtime.sh`). Never enacted.

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands recursively.
#![recursion_limit = "512"]

// Make the Wasm binary available to the node (and to the chain-spec builder).
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// Declared before `apis`: its `list_benchmarks!`/`add_benchmarks!` are used there.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod progress;
mod weights;

use alloc::{borrow::Cow, vec::Vec};
use polkadot_sdk::{staging_parachain_info as parachain_info, *};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiSignature,
};
pub use sp_runtime::{MultiAddress, Perbill, Permill};
use sp_version::RuntimeVersion;

pub use sp_consensus_aura::sr25519::AuthorityId as AuraId;

/// A signature over a transaction: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account on the chain: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// The balance of an account, in the smallest unit (`10^-DECIMALS` of a token).
pub type Balance = u128;
/// The transaction counter of an account.
pub type Nonce = u32;
/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;
/// A block number.
pub type BlockNumber = u32;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block signed with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;
/// The id of a project currency in `pallet-assets`.
pub type AssetId = u32;

/// The transaction extensions, checked in order for every signed transaction. Storage weight
/// reclaim wraps them all so that the proof size actually used is refunded to the block.
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<
	Runtime,
	(
		frame_system::AuthorizeCall<Runtime>,
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
		frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	),
>;

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// Migrations applied on runtime upgrade, beyond those the pallets run themselves. Once a chain
/// runs this runtime, every storage-layout change ships one (a `VersionedMigration`), with a
/// test, and a `spec_version` bump. None yet: no chain has launched, so layouts still change
/// with a `spec_version` bump and regenerated chain specs (spec 1_005 renamed storage items and
/// moved sequential-id keys to `Twox64Concat`; spec 1_006 replaced the contributions ledger's
/// per-project lists with per-account records and bucketed standings, and gave polls
/// constitutions and lazily removed votes; spec 1_007 replaced tasks' capped due list with
/// per-block due counts and gave project currencies their founder's endowment; spec 1_008 took
/// sudo out of the deployed runtime and priced XCM delivery; spec 1_009 gave projects their
/// largest funded budgets, voters a voice by the value of their work, and keyless accounts a
/// call filter), and every pallet's storage is at
/// the version it has at genesis.
#[cfg(not(feature = "test-broken-upgrade"))]
pub type Migrations = ();
/// The deliberately broken upgrade of the end-to-end try-runtime test: see [`BreakAnInvariant`].
#[cfg(feature = "test-broken-upgrade")]
pub type Migrations = (BreakAnInvariant,);

/// A migration that breaks one of the contributions ledger's invariants on purpose — a standing
/// counted in a bucket of a project that has no such standing — whatever the chain's state. It
/// exists only in the `test-broken-upgrade` Wasm, which the end-to-end tests check with
/// `try-runtime` against a live chain to show that such an upgrade is caught before it is voted
/// on (`e2e/lib/try-runtime.js`). Never enacted.
#[cfg(feature = "test-broken-upgrade")]
pub struct BreakAnInvariant;
#[cfg(feature = "test-broken-upgrade")]
impl frame_support::traits::OnRuntimeUpgrade for BreakAnInvariant {
	fn on_runtime_upgrade() -> frame_support::weights::Weight {
		use frame_support::traits::Get;
		pallet_contributions::StandingEnds::<Runtime>::insert(u32::MAX, 0, 1);
		<Runtime as frame_system::Config>::DbWeight::get().writes(1)
	}
}

/// Executive: dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Opaque types, for the parts of the node that do not need to know the runtime's types.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

impl_opaque_keys! {
	/// The session keys of a collator: its Aura key.
	pub struct SessionKeys {
		pub aura: Aura,
	}
}

/// Declares [`VERSION`] with the given `spec_version` (`#[runtime_version]` takes literals only).
macro_rules! runtime_version {
	($spec_version:tt) => {
		/// The runtime version. `spec_version` is raised whenever behaviour changes.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: Cow::Borrowed("commons"),
			impl_name: Cow::Borrowed("commons"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 0,
			apis: apis::RUNTIME_API_VERSIONS,
			// Raised when a call's index or parameters change (1.006: `create_poll` and
			// `propose` lost their quorum).
			transaction_version: 2,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "test-upgrade"))]
runtime_version!(1_009);
// The second runtime of the end-to-end upgrade test: one spec version higher (see the crate docs).
#[cfg(feature = "test-upgrade")]
runtime_version!(1_010);

/// Units of the native token, time and deposits.
pub mod constants {
	use super::{Balance, BlockNumber};

	/// The native token's symbol, shown by wallets (chain property `tokenSymbol`).
	pub const TOKEN_SYMBOL: &str = "CMN";
	/// Decimals of the native token (chain property `tokenDecimals`).
	pub const TOKEN_DECIMALS: u8 = 12;
	/// The SS58 address prefix: 42, the generic Substrate prefix, until Commons registers its own.
	pub const SS58_PREFIX: u16 = 42;

	/// One token.
	pub const UNIT: Balance = 1_000_000_000_000;
	/// A thousandth of a token.
	pub const MILLI_UNIT: Balance = 1_000_000_000;
	/// A millionth of a token.
	pub const MICRO_UNIT: Balance = 1_000_000;
	/// The minimum balance an account must keep to exist.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

	/// The deposit for storing `items` entries of `bytes` bytes in total: what every
	/// user-created storage item costs, held while it exists.
	pub const fn deposit(items: u32, bytes: u32) -> Balance {
		(items as Balance).saturating_mul(20 * MILLI_UNIT)
			+ (bytes as Balance).saturating_mul(100 * MICRO_UNIT)
	}

	/// The target block time, in milliseconds; the Aura slot. It cannot change once the chain runs.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
	/// The Aura slot duration.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
	/// Blocks per minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;

	/// Blocks the relay chain may hold of ours that are not yet included.
	pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
	/// Parachain blocks processed per relay-chain block.
	pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
	/// The relay chain's slot duration, in milliseconds.
	pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
}

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// System support.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type ParachainInfo = parachain_info;
	#[runtime::pallet_index(4)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;

	// Money.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(12)]
	pub type Assets = pallet_assets;

	// Collator support. The order of these five matters and never changes.
	#[runtime::pallet_index(20)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(21)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(22)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(23)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(24)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	// XCM.
	#[runtime::pallet_index(30)]
	pub type XcmpQueue = cumulus_pallet_xcmp_queue;
	#[runtime::pallet_index(31)]
	pub type PolkadotXcm = pallet_xcm;
	#[runtime::pallet_index(32)]
	pub type CumulusXcm = cumulus_pallet_xcm;
	#[runtime::pallet_index(33)]
	pub type MessageQueue = pallet_message_queue;

	// Chain governance.
	#[runtime::pallet_index(40)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(41)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(42)]
	pub type Democracy = pallet_democracy;
	#[runtime::pallet_index(43)]
	pub type Treasury = pallet_treasury;

	// Utilities.
	#[runtime::pallet_index(50)]
	pub type Utility = pallet_utility;

	// Commons pallets take indices 60..=79.
	#[runtime::pallet_index(60)]
	pub type Projects = pallet_projects;
	#[runtime::pallet_index(61)]
	pub type Tasks = pallet_tasks;
	#[runtime::pallet_index(62)]
	pub type Contributions = pallet_contributions;
	#[runtime::pallet_index(63)]
	pub type QuadraticVoting = pallet_quadratic_voting;

	// Development and local test chains only (the `sudo` feature): a runtime deployed for real
	// has no sudo pallet at all, so not even a referendum can install a key.
	#[cfg(feature = "sudo")]
	#[runtime::pallet_index(255)]
	pub type Sudo = pallet_sudo;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}

#[cfg(test)]
mod capture;
#[cfg(test)]
mod scale;
#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;
