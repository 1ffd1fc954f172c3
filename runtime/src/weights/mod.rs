//! This runtime's own weights for the polkadot-sdk code it runs, measured by `scripts/benchmark.sh`
//! on the machine named in each file with this runtime's configuration (our pallets' weights live
//! in the pallets):
//! - [`block_weights`] and [`extrinsic_weights`]: executing an empty block, and a no-op extrinsic
//!   on top of it (`benchmark overhead`);
//! - [`frame_system_extensions`], [`pallet_transaction_payment`],
//!   [`cumulus_pallet_weight_reclaim`]: the transaction extensions every signed extrinsic runs;
//! - [`pallet_balances`]: the balance calls (a transfer is the yardstick of `docs/benchmarks.md`);
//! - one file per other polkadot-sdk pallet with benchmarks: [`frame_system`], [`pallet_timestamp`],
//!   [`pallet_assets`], [`pallet_session`], [`cumulus_pallet_parachain_system`],
//!   [`cumulus_pallet_xcmp_queue`], [`pallet_message_queue`], [`pallet_preimage`],
//!   [`pallet_scheduler`], [`pallet_democracy`], [`pallet_utility`], `pallet_sudo` (with the `sudo` feature) and
//!   [`pallet_xcm`] (whose calls this runtime disables weigh `Weight::MAX`). Collator selection and
//!   the treasury keep polkadot-sdk's weights: their benchmarks do not run here (see
//!   `scripts/benchmark.sh`).
//!
//! Database accesses are priced with polkadot-sdk's RocksDB weights (25 µs a read, 100 µs a write):
//! measuring them takes `benchmark storage` against a chain's real state on a collator's hardware
//! (`docs/benchmarks.md`).

pub mod block_weights;
pub mod cumulus_pallet_parachain_system;
pub mod cumulus_pallet_weight_reclaim;
pub mod cumulus_pallet_xcmp_queue;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_assets;
pub mod pallet_balances;
pub mod pallet_democracy;
pub mod pallet_message_queue;
pub mod pallet_preimage;
pub mod pallet_scheduler;
pub mod pallet_session;
#[cfg(feature = "sudo")]
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
pub mod pallet_xcm;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use polkadot_sdk::frame_support::weights::constants::RocksDbWeight;
