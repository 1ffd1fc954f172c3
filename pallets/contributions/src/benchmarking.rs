//! Benchmarks: `recognize` in its worst case (a bonus paid in the project currency, a full
//! leaderboard whose lowest member is replaced, a full list of recent records, the longest
//! reason), and the two governance settings.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::vec;
use pallet_projects::{BenchmarkHelper as _, BudgetAsset};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOriginWithArg, Get},
		BoundedVec,
	},
	frame_system::{self, RawOrigin},
};

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn recognize() {
		let steward: T::AccountId = account("steward", 0, 0);
		let budget = T::Balance::from(1_000_000u32);
		let (project, milestone) =
			T::BenchmarkHelper::funded_milestone(&steward, BudgetAsset::ProjectCurrency, budget);
		RecognitionBudgets::<T>::insert(project, budget);
		for i in 0..T::MaxLeaderboard::get() {
			let member: T::AccountId = account("member", i, 0);
			Pallet::<T>::record(project, &member, ContributionKind::Review, 0u32.into(), &[], 1);
		}
		let who: T::AccountId = account("who", 0, 0);
		// The bonus's recipient must exist to hold a project currency.
		frame_system::Pallet::<T>::inc_providers(&who);
		for _ in 0..T::MaxRecent::get() {
			Pallet::<T>::record(project, &who, ContributionKind::Donation, 0u32.into(), &[], 0);
		}
		let reason = BoundedVec::try_from(vec![b'r'; T::MaxCidLen::get() as usize]).expect("fits");

		#[extrinsic_call]
		_(
			RawOrigin::Signed(steward),
			project,
			milestone,
			who.clone(),
			1_000u32.into(),
			T::MaxRecognitionBoost::get(),
			reason,
		);

		assert!(Leaderboard::<T>::get(project).contains(&who));
	}

	#[benchmark]
	fn set_half_life() -> Result<(), BenchmarkError> {
		let origin = T::GovernanceOrigin::try_successful_origin(&0)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, 100u32.into());

		assert_eq!(HalfLives::<T>::get(0), Some(100u32.into()));
		Ok(())
	}

	#[benchmark]
	fn set_recognition_budget() -> Result<(), BenchmarkError> {
		let origin = T::GovernanceOrigin::try_successful_origin(&0)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, 100u32.into());

		assert_eq!(RecognitionBudgets::<T>::get(0), T::Balance::from(100u32));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
