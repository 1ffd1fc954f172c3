//! [`ProjectsBenchmarkHelper`] for runtimes where this pallet is the projects pallet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate::{pallet::*, types::*, BalanceOf};
use commons_primitives::{traits::ProjectsBenchmarkHelper, BudgetAsset, MilestoneId, ProjectId};
use polkadot_sdk::{
	frame_support::{
		traits::{fungible::Mutate as _, EnsureOriginWithArg, Get},
		BoundedVec,
	},
	frame_system::{self, RawOrigin},
	sp_runtime::traits::{Bounded, Saturating as _},
};

impl<T: Config> ProjectsBenchmarkHelper<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn funded_milestone(
		founder: &T::AccountId,
		asset: BudgetAsset,
		budget: BalanceOf<T>,
	) -> (ProjectId, MilestoneId) {
		use polkadot_sdk::frame_support::traits::fungible::Inspect;
		let plenty = T::NativeBalance::minimum_balance()
			.saturating_mul(1_000_000_000u32.into())
			.saturating_add(budget.saturating_mul(2u32.into()));
		T::NativeBalance::set_balance(founder, plenty);
		let cid = |byte: u8| BoundedVec::try_from(alloc::vec![byte; 8]).unwrap();
		let project = NextProjectId::<T>::get();
		let symbol = BoundedVec::try_from(alloc::vec![b'B'; 1]).unwrap();
		let name = BoundedVec::try_from(alloc::vec![b'B'; 1]).unwrap();
		Pallet::<T>::create_project(
			RawOrigin::Signed(founder.clone()).into(),
			BoundedVec::try_from(alloc::vec![b'n'; 8]).unwrap(),
			cid(b'p'),
			Some(CurrencyParams {
				symbol,
				name,
				decimals: T::MaxDecimals::get(),
				cap: BalanceOf::<T>::max_value(),
				min_balance: 1u32.into(),
			}),
		)
		.expect("a funded founder creates a project");
		Pallet::<T>::add_milestone(
			RawOrigin::Signed(founder.clone()).into(),
			project,
			cid(b'm'),
			asset,
			budget,
			frame_system::Pallet::<T>::block_number() + 1_000_000u32.into(),
		)
		.expect("the founder adds a milestone");
		if asset == BudgetAsset::Native {
			Pallet::<T>::donate(RawOrigin::Signed(founder.clone()).into(), project, budget)
				.expect("the founder donates the budget");
		}
		let governance = T::GovernanceOrigin::try_successful_origin(&project)
			.expect("benchmarks need a governance origin");
		Pallet::<T>::fund_milestone(governance, project, 0).expect("governance funds it");
		(project, 0)
	}

	fn add_steward(project: ProjectId, who: &T::AccountId) {
		let governance = T::GovernanceOrigin::try_successful_origin(&project)
			.expect("benchmarks need a governance origin");
		Pallet::<T>::add_steward(governance, project, who.clone()).expect("room for a steward");
	}
}
