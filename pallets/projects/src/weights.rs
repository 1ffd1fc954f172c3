//! Weights for `pallet_projects`.
//!
//! PROVISIONAL: replaced by `scripts/benchmark.sh` output from real benchmark runs.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_projects`.
pub trait WeightInfo {
	fn create_project() -> Weight;
	fn amend_plan() -> Weight;
	fn add_steward() -> Weight;
	fn remove_steward() -> Weight;
	fn transfer_founder() -> Weight;
	fn add_milestone() -> Weight;
	fn fund_milestone() -> Weight;
	fn complete_milestone() -> Weight;
	fn cancel_milestone() -> Weight;
	fn donate() -> Weight;
	fn set_status() -> Weight;
	fn set_cap() -> Weight;
	fn reap_project(m: u32) -> Weight;
}

/// Weights for `pallet_projects` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_project() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn amend_plan() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn add_steward() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn remove_steward() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn transfer_founder() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn add_milestone() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn fund_milestone() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn complete_milestone() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn cancel_milestone() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn donate() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn set_status() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn set_cap() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn reap_project(m: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(m.into())))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn create_project() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn amend_plan() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn add_steward() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn remove_steward() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn transfer_founder() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn add_milestone() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn fund_milestone() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn complete_milestone() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn cancel_milestone() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn donate() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn set_status() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn set_cap() -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn reap_project(m: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(Weight::from_parts(20_000_000, 3_000).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(m.into())))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(m.into())))
	}
}
