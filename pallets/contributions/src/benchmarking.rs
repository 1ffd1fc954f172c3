//! Benchmarks, each in its worst case: an earning moves a member's standing from one epoch's
//! bucket to another's and into a full list of top contributors, the longest CIDs, bonuses paid
//! in the project currency, and settling as many epochs as one call may. The cost of a call does
//! not depend on how many members a project has (no call reads a per-project list of them), which
//! the scale test of the runtime shows.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::{vec, vec::Vec};
use commons_primitives::{
	traits::{ProjectsBenchmarkHelper as _, ReapRecords},
	BudgetAsset, Cid, MilestoneId, ProjectId, ReputationScore, MAX_CID_LEN,
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

/// Fills the project's top contributors and sets generous budgets.
fn busy_project<T: Config>(project: ProjectId) {
	members::<T>(project, T::MaxTopContributors::get());
	Books::<T>::mutate(project, |books| {
		books.recognition_budget = BalanceOf::<T>::from(1_000_000u32);
		books.reputation_budget = ReputationScore::MAX / 2;
	});
}

/// `who` earns just enough to stand until the end of the current epoch's successor: a boost
/// then moves their standing to another epoch's bucket.
fn barely_standing<T: Config>(project: ProjectId, who: &T::AccountId) {
	Pallet::<T>::record(
		project,
		who,
		ContributionKind::Task,
		0u32.into(),
		&Cid::default(),
		T::MemberThreshold::get(),
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn recognize() {
		let (project, milestone, steward) = project::<T>();
		busy_project::<T>(project);
		// A member whose standing moves to a later epoch and into the top contributors; they
		// must exist to hold a project currency.
		let who: T::AccountId = account("who", 0, 0);
		frame_system::Pallet::<T>::inc_providers(&who);
		barely_standing::<T>(project, &who);

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

		let record = Contributors::<T>::get(project, &who).expect("recorded");
		assert_eq!(record.totals.recognitions.count, 1);
		assert!(Books::<T>::get(project).top.iter().any(|(a, _)| *a == who));
	}

	#[benchmark]
	fn set_half_life() -> Result<(), BenchmarkError> {
		let (project, _, _) = project::<T>();
		busy_project::<T>(project);
		let origin = T::GovernanceOrigin::try_successful_origin(&project)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, 100u32.into());

		assert_eq!(Books::<T>::get(project).half_life, Some(100u32.into()));
		Ok(())
	}

	#[benchmark]
	fn set_recognition_budget() -> Result<(), BenchmarkError> {
		let (project, _, _) = project::<T>();
		busy_project::<T>(project);
		let origin = T::GovernanceOrigin::try_successful_origin(&project)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, 100u32.into());

		assert_eq!(Books::<T>::get(project).recognition_budget, BalanceOf::<T>::from(100u32));
		Ok(())
	}

	#[benchmark]
	fn set_reputation_budget() -> Result<(), BenchmarkError> {
		let (project, _, _) = project::<T>();
		busy_project::<T>(project);
		let origin = T::GovernanceOrigin::try_successful_origin(&project)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, 100);

		assert_eq!(Books::<T>::get(project).reputation_budget, 100);
		Ok(())
	}

	/// `s` epochs, each with standings that ended in it, settled at once.
	#[benchmark]
	fn settle_standings(s: Linear<1, { T::MaxSettle::get() }>) {
		let (project, _, steward) = project::<T>();
		let epoch = T::StandingEpoch::get();
		// One member per epoch, each standing one epoch longer than the last.
		for i in 0..s {
			let who: T::AccountId = account("member", i, 0);
			barely_standing::<T>(project, &who);
			let now = frame_system::Pallet::<T>::block_number();
			frame_system::Pallet::<T>::set_block_number(now + epoch);
		}
		let before = Books::<T>::get(project).settled;

		#[extrinsic_call]
		_(RawOrigin::Signed(steward), project);

		assert_eq!(Books::<T>::get(project).settled, before + s);
	}

	#[benchmark]
	fn request_attestation() {
		let (project, _, _) = project::<T>();
		busy_project::<T>(project);
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
		// The contributor barely stands: the accepted attestation moves their standing to another
		// epoch's bucket and into the full list of top contributors.
		let (project, _, _) = project::<T>();
		busy_project::<T>(project);
		let contributor = funded::<T>("contributor", 0);
		barely_standing::<T>(project, &contributor);
		let endorsers = T::RequiredEndorsements::get();
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
		.expect("a member requests attestation");
		let (last, first) = endorsers.split_last().expect("at least one endorsement");
		for e in first {
			Pallet::<T>::endorse(RawOrigin::Signed(e.clone()).into(), 0).expect("endorses");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), 0);

		assert!(Attestations::<T>::get(0).is_none());
		let record = Contributors::<T>::get(project, &contributor).expect("recorded");
		assert_eq!(record.totals.attested.count, 1);
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

	/// A reaped project's `r` records removed at once: contributors' records, removed first and
	/// the largest kind (recognitions, standing counts and the books are removed the same way,
	/// by key, without reading their values).
	#[benchmark]
	fn reap_records(r: Linear<1, 1_000>) {
		let (project, _, _) = project::<T>();
		members::<T>(project, r + 1);
		let result;

		#[block]
		{
			result = <Pallet<T> as ReapRecords>::reap_records(project, r);
		}

		assert_eq!(result, r);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
