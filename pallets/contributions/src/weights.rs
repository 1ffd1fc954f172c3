//! Weights for `pallet_contributions`.
//!
//! PROVISIONAL (work in progress): replaced by `scripts/benchmark.sh` output once the pallet has
//! benchmarks and is in the runtime.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each call of `pallet_contributions`.
pub trait WeightInfo {
	fn recognize() -> Weight;
	fn set_half_life() -> Weight;
	fn set_recognition_budget() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn recognize() -> Weight {
		Weight::from_parts(250_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads_writes(12, 10))
	}
	fn set_half_life() -> Weight {
		Weight::from_parts(20_000_000, 1_000).saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_recognition_budget() -> Weight {
		Weight::from_parts(20_000_000, 1_000).saturating_add(T::DbWeight::get().writes(1))
	}
}

impl WeightInfo for () {
	fn recognize() -> Weight {
		Weight::from_parts(250_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(12, 10))
	}
	fn set_half_life() -> Weight {
		Weight::from_parts(20_000_000, 1_000).saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_recognition_budget() -> Weight {
		Weight::from_parts(20_000_000, 1_000).saturating_add(RocksDbWeight::get().writes(1))
	}
}
