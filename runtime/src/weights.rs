//! Base weights of the runtime: block and extrinsic overhead and database access.
//!
//! These are polkadot-sdk's reference values for its reference hardware; the runtime's own
//! `benchmark overhead` / `benchmark storage` measurements replace them (see `scripts/`).

pub use polkadot_sdk::frame_support::weights::constants::{
	BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight,
};
