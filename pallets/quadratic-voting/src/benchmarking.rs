//! Benchmarks, each in its worst case: the most options with the longest labels, the longest
//! proposal (noted as a preimage), opening with the most stewards and a member count to settle,
//! a first vote (with its deposit), closing a passed proposal (O(1): its votes are removed
//! lazily), and removing `n` votes a page at a time.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::{boxed::Box, vec, vec::Vec};
use commons_primitives::{
	traits::{
		MembersBenchmarkHelper as _, ProjectMembership as _, ProjectsInterface as _, ReapRecords,
	},
	ProjectId,
};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{fungible, EnsureOriginWithArg, Get},
		weights::Weight,
		BoundedVec,
	},
	frame_system::{self, RawOrigin},
	sp_runtime::Saturating,
};

/// An account with enough native balance for the largest poll deposit.
fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	fund::<T>(&who);
	who
}

/// Gives `who` enough native balance for the largest poll deposit.
fn fund<T: Config>(who: &T::AccountId) {
	use fungible::{Inspect, Mutate};
	let deposit = T::PollDeposit::get()
		.saturating_add(T::VoteDeposit::get())
		.saturating_add(T::ByteDeposit::get().saturating_mul(T::MaxProposalLen::get().into()))
		.saturating_add(
			T::ByteDeposit::get()
				.saturating_mul((T::MaxOptions::get() * T::MaxLabelLen::get()).into()),
		);
	T::NativeBalance::set_balance(
		who,
		deposit.saturating_mul(10u32.into()).saturating_add(T::NativeBalance::minimum_balance()),
	);
}

/// A project with a funded member who creates polls.
fn project<T: Config>() -> (ProjectId, T::AccountId) {
	let creator = funded::<T>("creator", 0);
	let project = T::BenchmarkHelper::project_with_members(&[creator.clone()]);
	(project, creator)
}

fn end<T: Config>() -> frame_system::pallet_prelude::BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number() + T::MaxDuration::get()
}

fn longest_options<T: Config>() -> BoundedVec<LabelOf<T>, T::MaxOptions> {
	let label = BoundedVec::try_from(vec![b'l'; T::MaxLabelLen::get() as usize]).unwrap();
	BoundedVec::try_from(vec![label; T::MaxOptions::get() as usize]).unwrap()
}

/// A proposal that passes, created by `creator` in `project`, ended and past its enactment
/// delay; `voters` have voted for it.
fn passed_proposal<T: Config>(project: ProjectId, creator: &T::AccountId, voters: &[T::AccountId])
where
	<T as Config>::RuntimeCall: From<frame_system::Call<T>>,
{
	let call: <T as Config>::RuntimeCall =
		frame_system::Call::<T>::remark { remark: Vec::new() }.into();
	let end = frame_system::Pallet::<T>::block_number() + T::MaxDuration::get();
	Pallet::<T>::propose(RawOrigin::Signed(creator.clone()).into(), project, Box::new(call), end)
		.expect("a member proposes");
	for voter in voters {
		Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), 0, Choice::Aye, 1)
			.expect("a member votes");
	}
	let enact_after = Polls::<T>::get(0).expect("created").enact_after;
	frame_system::Pallet::<T>::set_block_number(enact_after + 1u32.into());
}

#[benchmarks(where <T as Config>::RuntimeCall: From<frame_system::Call<T>>)]
mod benchmarks {
	use super::*;

	/// The most stewards; the member count settled (settling is charged by the ledger's
	/// `settle_weight` on top, for the epochs settled).
	#[benchmark]
	fn create_poll() {
		let (project, creator) = project::<T>();
		T::BenchmarkHelper::worst_case_count(project);
		T::Membership::members_count(project).expect("settled within the bound");

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), project, longest_options::<T>(), end::<T>());

		assert!(Polls::<T>::get(0).is_some());
	}

	#[benchmark]
	fn propose(l: Linear<16, { T::MaxProposalLen::get() }>) {
		let (project, creator) = project::<T>();
		T::BenchmarkHelper::worst_case_count(project);
		T::Membership::members_count(project).expect("settled within the bound");
		// A remark of `l` bytes, encoded: a few bytes of call index and length prefix more.
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: vec![b'r'; (l - 8) as usize] }.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), project, Box::new(call), end::<T>());

		assert!(Polls::<T>::get(0).is_some());
	}

	/// A first vote (it holds a deposit) in a poll others voted in, by the last of the most
	/// stewards, who has no standing: the ledger and the poll's stewards are both read.
	#[benchmark]
	fn vote() {
		let other = funded::<T>("voter", 1);
		let project = T::BenchmarkHelper::project_with_members(&[other.clone()]);
		T::BenchmarkHelper::worst_case_count(project);
		let voter = T::Projects::stewards(project).last().cloned().expect("a steward");
		fund::<T>(&voter);
		Pallet::<T>::create_poll(
			RawOrigin::Signed(other.clone()).into(),
			project,
			longest_options::<T>(),
			end::<T>(),
		)
		.expect("a member creates a poll");
		Pallet::<T>::vote(RawOrigin::Signed(other).into(), 0, Choice::Option(0), 1)
			.expect("a member votes");
		let last = T::MaxOptions::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), 0, Choice::Option(last), 2);

		assert_eq!(Votes::<T>::get(0, &voter).map(|(v, _)| v.votes), Some(2));
	}

	/// A passed proposal whose call is the cheapest (its weight is charged on top); however many
	/// votes it had, closing does not touch them.
	#[benchmark]
	fn close_poll() {
		let (project, creator) = project::<T>();
		passed_proposal::<T>(project, &creator, &[creator.clone()]);

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), 0, Weight::MAX);

		assert!(Polls::<T>::get(0).is_none());
	}

	#[benchmark]
	fn remove_vote() {
		let (project, creator) = project::<T>();
		passed_proposal::<T>(project, &creator, &[creator.clone()]);
		Pallet::<T>::close_poll(RawOrigin::Signed(creator.clone()).into(), 0, Weight::MAX)
			.expect("closes");

		#[extrinsic_call]
		_(RawOrigin::Signed(creator.clone()), 0);

		assert!(Votes::<T>::get(0, &creator).is_none());
	}

	#[benchmark]
	fn clear_votes(n: Linear<1, 100>) {
		let voters: Vec<T::AccountId> = (0..n).map(|i| funded::<T>("voter", i)).collect();
		let project = T::BenchmarkHelper::project_with_members(&voters);
		let creator = voters.first().expect("one voter at least").clone();
		passed_proposal::<T>(project, &creator, &voters);
		Pallet::<T>::close_poll(RawOrigin::Signed(creator.clone()).into(), 0, Weight::MAX)
			.expect("closes");

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), 0, n);

		assert_eq!(Votes::<T>::iter_prefix(0).count(), 0);
	}

	#[benchmark]
	fn set_constitution() -> Result<(), BenchmarkError> {
		let (project, _) = project::<T>();
		let origin = T::GovernanceOrigin::try_successful_origin(&project)
			.map_err(|_| BenchmarkError::Weightless)?;
		let constitution = T::DefaultConstitution::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, constitution);

		assert_eq!(Constitutions::<T>::get(project), Some(constitution));
		Ok(())
	}

	/// A reaped project's constitution removed.
	#[benchmark]
	fn reap_records() {
		let (project, _) = project::<T>();
		Constitutions::<T>::insert(project, T::DefaultConstitution::get());
		let removed;

		#[block]
		{
			removed = <Pallet<T> as ReapRecords>::reap_records(project, 1);
		}

		assert_eq!(removed, 1);
		assert!(!Constitutions::<T>::contains_key(project));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
