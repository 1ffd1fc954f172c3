//! Benchmarks, each in its worst case: full standings (every earning moves a member through
//! them, and a newcomer displaces the first), full lists of recent records, the longest CIDs,
//! and bonuses paid in the project currency.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::{vec, vec::Vec};
use commons_primitives::{
	traits::ProjectsBenchmarkHelper as _, BudgetAsset, Cid, MilestoneId, ProjectId,
	ReputationScore, MAX_CID_LEN,
};
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
	let budget = BalanceOf::<T>::from(1_000_000u32);
	let (project, milestone) =
		T::BenchmarkHelper::funded_milestone(&steward, BudgetAsset::ProjectCurrency, budget);
	fund::<T>(&steward);
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
				&Cid::default(),
				earned,
			);
			member
		})
		.collect()
}

fn longest_cid<T: Config>() -> Cid {
	BoundedVec::try_from(vec![b'c'; MAX_CID_LEN as usize]).expect("fits")
}

/// An account with enough native balance for attestation deposits.
fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	fund::<T>(&who);
	who
}

/// Gives `who` enough free native balance for attestation deposits.
fn fund<T: Config>(who: &T::AccountId) {
	use fungible::{Inspect, Mutate};
	let amount = T::AttestationDeposit::get().saturating_mul(100u32.into())
		+ T::NativeBalance::minimum_balance();
	T::NativeBalance::set_balance(who, amount);
}

/// Above every member's reputation: the earner displaces the first to end.
fn top_reputation<T: Config>() -> ReputationScore {
	T::MemberThreshold::get().saturating_mul(4)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn recognize() {
		let (project, milestone, steward) = project::<T>();
		let budget = BalanceOf::<T>::from(1_000_000u32);
		RecognitionBudgets::<T>::insert(project, budget);
		members::<T>(project, T::MaxMembers::get());
		// A new contributor (counted as one), who must exist to hold a project currency.
		let who: T::AccountId = account("who", 0, 0);
		frame_system::Pallet::<T>::inc_providers(&who);

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

		assert_eq!(RecognitionBudgets::<T>::get(0), BalanceOf::<T>::from(100u32));
		Ok(())
	}

	#[benchmark]
	fn request_attestation() {
		let (project, _, _) = project::<T>();
		members::<T>(project, T::MaxMembers::get() - 1);
		// The contributor stands last: found at the end of the standings.
		let contributor = funded::<T>("contributor", 0);
		Pallet::<T>::record(
			project,
			&contributor,
			ContributionKind::Task,
			0u32.into(),
			&Cid::default(),
			top_reputation::<T>(),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(contributor.clone()), project, longest_cid::<T>(), 1_000u32.into());

		assert!(Attestations::<T>::get(0).is_some_and(|c| c.contributor == contributor));
	}

	#[benchmark]
	fn endorse() {
		// The contributor is the steward: a member who has not contributed yet, so the accepted
		// attestation counts a new contributor and displaces the first to end from full standings.
		let (project, _, contributor) = project::<T>();
		let endorsers = T::RequiredEndorsements::get();
		members::<T>(project, T::MaxMembers::get() - endorsers);
		let endorsers: Vec<T::AccountId> = (0..endorsers)
			.map(|i| {
				let e: T::AccountId = account("endorser", i, 0);
				Pallet::<T>::record(
					project,
					&e,
					ContributionKind::Task,
					0u32.into(),
					&Cid::default(),
					top_reputation::<T>(),
				);
				e
			})
			.collect();
		Pallet::<T>::request_attestation(
			RawOrigin::Signed(contributor.clone()).into(),
			project,
			longest_cid::<T>(),
			1_000u32.into(),
		)
		.expect("a steward attestations");
		let (last, first) = endorsers.split_last().expect("at least one endorsement");
		for e in first {
			Pallet::<T>::endorse(RawOrigin::Signed(e.clone()).into(), 0).expect("endorses");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), 0);

		assert!(Attestations::<T>::get(0).is_none());
		assert_eq!(Totals::<T>::get(project, &contributor).attested.count, 1);
	}

	#[benchmark]
	fn clear_lapsed() {
		let (project, _, steward) = project::<T>();
		let contributor = funded::<T>("contributor", 0);
		Pallet::<T>::record(
			project,
			&contributor,
			ContributionKind::Task,
			0u32.into(),
			&Cid::default(),
			top_reputation::<T>(),
		);
		Pallet::<T>::request_attestation(
			RawOrigin::Signed(contributor.clone()).into(),
			project,
			longest_cid::<T>(),
			1_000u32.into(),
		)
		.expect("a member attestations");
		let deadline = Attestations::<T>::get(0).expect("claimed").deadline;
		frame_system::Pallet::<T>::set_block_number(deadline + 1u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(steward), 0);

		assert!(Attestations::<T>::get(0).is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
