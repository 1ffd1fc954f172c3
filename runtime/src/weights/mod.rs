//! This runtime's own weights for what every extrinsic pays and for the yardstick it is compared
//! with, measured by `scripts/benchmark.sh` on the machine named in each file (our pallets' weights
//! live in the pallets):
//! - [`block_weights`] and [`extrinsic_weights`]: executing an empty block, and a no-op extrinsic
//!   on top of it (`benchmark overhead`);
//! - [`frame_system_extensions`], [`pallet_transaction_payment`],
//!   [`cumulus_pallet_weight_reclaim`]: the transaction extensions every signed extrinsic runs;
//! - [`pallet_balances`]: the balance calls (a transfer is the yardstick of `docs/benchmarks.md`).
//!
//! Database accesses are priced with polkadot-sdk's RocksDB weights (25 µs a read, 100 µs a write):
//! measuring them takes `benchmark storage` against a chain's real state on a collator's hardware
//! (`docs/benchmarks.md`).

pub mod block_weights;
pub mod cumulus_pallet_weight_reclaim;
pub mod extrinsic_weights;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use polkadot_sdk::frame_support::weights::constants::RocksDbWeight;
