//! Benchmarks, each in its worst case: the most options with the longest labels, the longest
//! proposal (noted as a preimage), a vote that replaces an earlier one, and closing a passed
//! proposal with `v` votes to remove.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::{boxed::Box, vec, vec::Vec};
use commons_primitives::{traits::MembersBenchmarkHelper as _, ProjectId};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{fungible, Get},
		weights::Weight,
		BoundedVec,
	},
	frame_system::{self, RawOrigin},
	sp_runtime::{Percent, Saturating},
};

/// An account with enough native balance for the largest poll deposit.
fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	use fungible::{Inspect, Mutate};
	let who: T::AccountId = account(name, i, 0);
	let deposit = T::PollDeposit::get()
		.saturating_add(T::ByteDeposit::get().saturating_mul(T::MaxProposalLen::get().into()))
		.saturating_add(
			T::ByteDeposit::get()
				.saturating_mul((T::MaxOptions::get() * T::MaxLabelLen::get()).into()),
		);
	T::NativeBalance::set_balance(
		&who,
		deposit.saturating_mul(10u32.into()).saturating_add(T::NativeBalance::minimum_balance()),
	);
	who
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

#[benchmarks(where <T as Config>::RuntimeCall: From<frame_system::Call<T>>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_poll() {
		let (project, creator) = project::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(creator),
			project,
			longest_options::<T>(),
			end::<T>(),
			Percent::from_percent(50),
		);

		assert!(Polls::<T>::get(0).is_some());
	}

	#[benchmark]
	fn propose(l: Linear<16, { T::MaxProposalLen::get() }>) {
		let (project, creator) = project::<T>();
		// A remark of `l` bytes, encoded: a few bytes of call index and length prefix more.
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: vec![b'r'; (l - 8) as usize] }.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), project, Box::new(call), end::<T>(), Percent::zero());

		assert!(Polls::<T>::get(0).is_some());
	}

	#[benchmark]
	fn vote() {
		let voter = funded::<T>("voter", 0);
		let project = T::BenchmarkHelper::project_with_members(&[voter.clone()]);
		Pallet::<T>::create_poll(
			RawOrigin::Signed(voter.clone()).into(),
			project,
			longest_options::<T>(),
			end::<T>(),
			Percent::zero(),
		)
		.expect("a member creates a poll");
		// The vote replaces an earlier one.
		Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), 0, Choice::Option(0), 1)
			.expect("a member votes");
		let last = T::MaxOptions::get() - 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), 0, Choice::Option(last), 2);

		assert_eq!(Votes::<T>::get(0, &voter).map(|v| v.votes), Some(2));
	}

	#[benchmark]
	fn close_poll(v: Linear<0, { T::MaxVoters::get() }>) {
		let (project, creator) = project::<T>();
		// A passed proposal whose call is the cheapest (its weight is charged on top).
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: Vec::new() }.into();
		let end = frame_system::Pallet::<T>::block_number() + T::MinDuration::get();
		Pallet::<T>::propose(
			RawOrigin::Signed(creator.clone()).into(),
			project,
			Box::new(call),
			end,
			Percent::zero(),
		)
		.expect("a member proposes");
		// `v` votes (written directly: only their removal is measured).
		Polls::<T>::mutate(0, |poll| {
			let poll = poll.as_mut().expect("created");
			for i in 0..v {
				let voter: T::AccountId = account("voter", i, 0);
				Votes::<T>::insert(0, voter, Vote { choice: Choice::Aye, votes: 1 });
			}
			poll.voters = v.max(1);
			if v == 0 {
				Votes::<T>::insert(0, &creator, Vote { choice: Choice::Aye, votes: 1 });
			}
			if let Some(ayes) = poll.tally.get_mut(0) {
				*ayes = u64::from(v.max(1));
			}
		});
		frame_system::Pallet::<T>::set_block_number(end + 1u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), 0, Weight::MAX);

		assert!(Polls::<T>::get(0).is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
