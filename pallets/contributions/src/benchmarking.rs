//! Benchmarks, each in its worst case: full standings (every earning moves a member through
//! them, and a newcomer displaces the first), full lists of recent records, the longest CIDs,
//! and bonuses paid in the project currency.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::{vec, vec::Vec};
use pallet_projects::{BenchmarkHelper as _, BudgetAsset, MilestoneId, ProjectId};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{fungible, EnsureOriginWithArg, Get},
		BoundedVec,
	},
	frame_system::{self, RawOrigin},
	sp_runtime::Saturating,
};

/// A funded project and its steward.
fn project<T: Config>() -> (ProjectId, MilestoneId, T::AccountId) {
	let steward: T::AccountId = account("steward", 0, 0);
	let budget = T::Balance::from(1_000_000u32);
	let (project, milestone) =
		T::BenchmarkHelper::funded_milestone(&steward, BudgetAsset::ProjectCurrency, budget);
	(project, milestone, steward)
}

/// `n` members, each with twice the membership threshold, standing in `project`.
fn members<T: Config>(project: ProjectId, n: u32) -> Vec<T::AccountId> {
	(0..n)
		.map(|i| {
			let member: T::AccountId = account("member", i, 0);
			let earned = T::MemberThreshold::get().saturating_mul(2);
			Pallet::<T>::record(
				project,
				&member,
				ContributionKind::Review,
				0u32.into(),
				&[],
				earned,
			);
			member
		})
		.collect()
}

/// Fills `who`'s recent records, so that the next one drops the oldest.
fn full_history<T: Config>(project: ProjectId, who: &T::AccountId) {
	for _ in 0..T::MaxRecent::get() {
		Pallet::<T>::record(project, who, ContributionKind::Donation, 0u32.into(), &[], 0);
	}
}

fn longest_cid<T: Config>() -> CidOf<T> {
	BoundedVec::try_from(vec![b'c'; T::MaxCidLen::get() as usize]).expect("fits")
}

/// An account with enough native balance for claim deposits.
fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	use fungible::{Inspect, Mutate};
	let who: T::AccountId = account(name, i, 0);
	let amount =
		T::ClaimDeposit::get().saturating_mul(100u32.into()) + T::NativeBalance::minimum_balance();
	T::NativeBalance::set_balance(&who, amount);
	who
}

/// Above every member's reputation: the earner displaces the first to end.
fn top_reputation<T: Config>() -> u128 {
	T::MemberThreshold::get().saturating_mul(4)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn recognize() {
		let (project, milestone, steward) = project::<T>();
		let budget = T::Balance::from(1_000_000u32);
		RecognitionBudgets::<T>::insert(project, budget);
		members::<T>(project, T::MaxMembers::get());
		let who: T::AccountId = account("who", 0, 0);
		// The bonus's recipient must exist to hold a project currency.
		frame_system::Pallet::<T>::inc_providers(&who);
		full_history::<T>(project, &who);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(steward),
			project,
			milestone,
			who.clone(),
			1_000u32.into(),
			T::MaxRecognitionBoost::get(),
			longest_cid::<T>(),
		);

		assert_eq!(Totals::<T>::get(project, &who).recognitions.count, 1);
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

	#[benchmark]
	fn claim_contribution() {
		let (project, _, _) = project::<T>();
		members::<T>(project, T::MaxMembers::get() - 1);
		// The claimant stands last: found at the end of the standings.
		let claimant = funded::<T>("claimant", 0);
		Pallet::<T>::record(
			project,
			&claimant,
			ContributionKind::Task,
			0u32.into(),
			&[],
			top_reputation::<T>(),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(claimant.clone()), project, longest_cid::<T>(), 1_000u32.into());

		assert!(Claims::<T>::get(0).is_some_and(|c| c.claimant == claimant));
	}

	#[benchmark]
	fn endorse() {
		let (project, _, _) = project::<T>();
		let endorsers = T::RequiredEndorsements::get();
		// The claimant stands among the others; the endorsers last, above them.
		let claimant = funded::<T>("claimant", 0);
		Pallet::<T>::record(
			project,
			&claimant,
			ContributionKind::Task,
			0u32.into(),
			&[],
			T::MemberThreshold::get().saturating_mul(2),
		);
		members::<T>(project, T::MaxMembers::get() - endorsers - 1);
		let endorsers: Vec<T::AccountId> = (0..endorsers)
			.map(|i| {
				let e: T::AccountId = account("endorser", i, 0);
				Pallet::<T>::record(
					project,
					&e,
					ContributionKind::Task,
					0u32.into(),
					&[],
					top_reputation::<T>(),
				);
				e
			})
			.collect();
		Pallet::<T>::claim_contribution(
			RawOrigin::Signed(claimant.clone()).into(),
			project,
			longest_cid::<T>(),
			1_000u32.into(),
		)
		.expect("a member claims");
		full_history::<T>(project, &claimant);
		let (last, first) = endorsers.split_last().expect("at least one endorsement");
		for e in first {
			Pallet::<T>::endorse(RawOrigin::Signed(e.clone()).into(), 0).expect("endorses");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), 0);

		assert!(Claims::<T>::get(0).is_none());
		assert_eq!(Totals::<T>::get(project, &claimant).attested.count, 1);
	}

	#[benchmark]
	fn clear_lapsed() {
		let (project, _, steward) = project::<T>();
		let claimant = funded::<T>("claimant", 0);
		Pallet::<T>::record(
			project,
			&claimant,
			ContributionKind::Task,
			0u32.into(),
			&[],
			top_reputation::<T>(),
		);
		Pallet::<T>::claim_contribution(
			RawOrigin::Signed(claimant.clone()).into(),
			project,
			longest_cid::<T>(),
			1_000u32.into(),
		)
		.expect("a member claims");
		let deadline = Claims::<T>::get(0).expect("claimed").deadline;
		frame_system::Pallet::<T>::set_block_number(deadline + 1u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(steward), 0);

		assert!(Claims::<T>::get(0).is_none());
	}

	/// What the tasks pallet's `review` adds per report: a record that earns reputation.
	#[benchmark]
	fn record_earning() {
		let (project, _, _) = project::<T>();
		members::<T>(project, T::MaxMembers::get());
		let who: T::AccountId = account("who", 0, 0);
		full_history::<T>(project, &who);
		let evidence = longest_cid::<T>();

		#[block]
		{
			Pallet::<T>::record(
				project,
				&who,
				ContributionKind::Task,
				1_000u32.into(),
				&evidence,
				top_reputation::<T>(),
			);
		}

		assert!(Pallet::<T>::has_standing(
			project,
			&who,
			frame_system::Pallet::<T>::block_number()
		));
	}

	/// What the projects pallet's `donate` adds: a record without reputation.
	#[benchmark]
	fn record_donation() {
		let (project, _, _) = project::<T>();
		let who: T::AccountId = account("who", 0, 0);
		full_history::<T>(project, &who);

		#[block]
		{
			Pallet::<T>::record(project, &who, ContributionKind::Donation, 1_000u32.into(), &[], 0);
		}

		assert_eq!(Totals::<T>::get(project, &who).donations.count, T::MaxRecent::get() + 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
