//! Benchmarks of every call, each in its worst case (longest inputs, fullest steward set, the
//! project-currency path where it costs more than the native one).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{
			fungible::{Inspect as _, Mutate as _, MutateHold as _},
			tokens::Precision,
			EnsureOriginWithArg, Get,
		},
		BoundedVec,
	},
	frame_system::RawOrigin,
	sp_runtime::traits::{Bounded, Saturating as _},
};

/// Gives `who` plenty of native tokens.
fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::NativeBalance::minimum_balance().saturating_mul(1_000_000_000u32.into());
	T::NativeBalance::set_balance(who, amount);
}

fn filled<S: Get<u32>>(byte: u8) -> BoundedVec<u8, S> {
	BoundedVec::try_from(vec![byte; S::get() as usize]).unwrap()
}

fn max_currency<T: Config>() -> CurrencyParams<T> {
	CurrencyParams {
		symbol: filled::<T::MaxSymbolLen>(b'S'),
		name: filled::<T::MaxCurrencyNameLen>(b'N'),
		decimals: T::MaxDecimals::get(),
		cap: BalanceOf::<T>::max_value(),
		min_balance: 1u32.into(),
	}
}

/// A funded founder creates a project with a currency; returns the founder and the project id.
fn setup_project<T: Config>() -> (T::AccountId, ProjectId) {
	let founder: T::AccountId = account("founder", 0, 0);
	fund::<T>(&founder);
	let id = NextProjectId::<T>::get();
	Pallet::<T>::create_project(
		RawOrigin::Signed(founder.clone()).into(),
		filled::<T::MaxNameLen>(b'n'),
		filled::<commons_primitives::MaxCidLen>(b'p'),
		Some(max_currency::<T>()),
	)
	.unwrap();
	(founder, id)
}

/// Fills the steward set up to `MaxStewards - missing` members.
fn add_stewards<T: Config>(project: ProjectId, missing: u32) {
	let mut project_record = Projects::<T>::get(project).unwrap();
	let mut i = 0;
	while project_record.stewards.len() < (T::MaxStewards::get() - missing) as usize {
		project_record.stewards.try_push(account("steward", i, 0)).unwrap();
		i += 1;
	}
	Projects::<T>::insert(project, project_record);
}

/// Adds a milestone with a project-currency budget; returns its id.
fn planned_milestone<T: Config>(founder: &T::AccountId, project: ProjectId) -> MilestoneId {
	let id = Projects::<T>::get(project).unwrap().milestone_count;
	Pallet::<T>::add_milestone(
		RawOrigin::Signed(founder.clone()).into(),
		project,
		filled::<commons_primitives::MaxCidLen>(b't'),
		BudgetAsset::ProjectCurrency,
		1_000u32.into(),
		frame_system::Pallet::<T>::block_number() + 1_000u32.into(),
	)
	.unwrap();
	id
}

fn governance<T: Config>(project: ProjectId) -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin(&project).map_err(|_| BenchmarkError::Weightless)
}

fn last_event<T: Config>(event: Event<T>) {
	let event: <T as frame_system::Config>::RuntimeEvent =
		<T as frame_system::Config>::RuntimeEvent::from(event);
	frame_system::Pallet::<T>::assert_last_event(event);
}

#[benchmarks(where <T as frame_system::Config>::RuntimeEvent: From<Event<T>>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_project() {
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let id = NextProjectId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			filled::<T::MaxNameLen>(b'n'),
			filled::<commons_primitives::MaxCidLen>(b'p'),
			Some(max_currency::<T>()),
		);

		assert_eq!(Pallet::<T>::project(id).unwrap().depositor, caller);
	}

	#[benchmark]
	fn amend_plan() {
		let (founder, project) = setup_project::<T>();
		add_stewards::<T>(project, 0);
		let plan = filled::<commons_primitives::MaxCidLen>(b'q');

		#[extrinsic_call]
		_(RawOrigin::Signed(founder), project, plan);

		assert_eq!(Projects::<T>::get(project).unwrap().plan.version, 2);
	}

	#[benchmark]
	fn add_steward() -> Result<(), BenchmarkError> {
		let (_, project) = setup_project::<T>();
		add_stewards::<T>(project, 1);
		let origin = governance::<T>(project)?;
		let steward: T::AccountId = account("new", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, steward.clone());

		last_event::<T>(Event::StewardAdded { project, steward });
		Ok(())
	}

	#[benchmark]
	fn remove_steward() -> Result<(), BenchmarkError> {
		let (_, project) = setup_project::<T>();
		add_stewards::<T>(project, 0);
		let steward = Projects::<T>::get(project).unwrap().stewards.last().cloned().unwrap();
		let origin = governance::<T>(project)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, steward.clone());

		last_event::<T>(Event::StewardRemoved { project, steward });
		Ok(())
	}

	#[benchmark]
	fn transfer_founder() -> Result<(), BenchmarkError> {
		let (_, project) = setup_project::<T>();
		add_stewards::<T>(project, 0);
		let new = Projects::<T>::get(project).unwrap().stewards.last().cloned().unwrap();
		let origin = governance::<T>(project)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, new.clone());

		assert_eq!(Projects::<T>::get(project).unwrap().founder(), Some(&new));
		Ok(())
	}

	#[benchmark]
	fn add_milestone() {
		let (founder, project) = setup_project::<T>();
		add_stewards::<T>(project, 0);
		let due = frame_system::Pallet::<T>::block_number() + 1_000u32.into();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(founder),
			project,
			filled::<commons_primitives::MaxCidLen>(b't'),
			BudgetAsset::ProjectCurrency,
			1_000u32.into(),
			due,
		);

		assert!(Milestones::<T>::contains_key(project, 0));
	}

	#[benchmark]
	fn fund_milestone() -> Result<(), BenchmarkError> {
		let (founder, project) = setup_project::<T>();
		let milestone = planned_milestone::<T>(&founder, project);
		let origin = governance::<T>(project)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, milestone);

		let status = Milestones::<T>::get(project, milestone).unwrap().status;
		assert_eq!(status, MilestoneStatus::Funded);
		Ok(())
	}

	#[benchmark]
	fn complete_milestone() -> Result<(), BenchmarkError> {
		let (founder, project) = setup_project::<T>();
		add_stewards::<T>(project, 0);
		let milestone = planned_milestone::<T>(&founder, project);
		Pallet::<T>::fund_milestone(governance::<T>(project)?, project, milestone)?;
		// The dearest path: the project's governance completes it with its whole budget left,
		// which burns it (a steward may complete only a spent milestone, which burns nothing).
		let origin = governance::<T>(project)?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			project,
			milestone,
			filled::<commons_primitives::MaxCidLen>(b'e'),
		);

		let status = Milestones::<T>::get(project, milestone).unwrap().status;
		assert_eq!(status, MilestoneStatus::Achieved);
		Ok(())
	}

	#[benchmark]
	fn cancel_milestone() -> Result<(), BenchmarkError> {
		let (founder, project) = setup_project::<T>();
		let milestone = planned_milestone::<T>(&founder, project);
		Pallet::<T>::fund_milestone(governance::<T>(project)?, project, milestone)?;
		let origin = governance::<T>(project)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, milestone);

		let burned = 1_000u32.into();
		last_event::<T>(Event::MilestoneCancelled {
			project,
			milestone,
			burned,
			released: 0u32.into(),
		});
		Ok(())
	}

	#[benchmark]
	fn donate() {
		let (_, project) = setup_project::<T>();
		let donor: T::AccountId = whitelisted_caller();
		fund::<T>(&donor);
		let amount = T::NativeBalance::minimum_balance().saturating_mul(100u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(donor.clone()), project, amount);

		last_event::<T>(Event::Donated { project, from: donor, amount });
	}

	#[benchmark]
	fn set_status() -> Result<(), BenchmarkError> {
		let (_, project) = setup_project::<T>();
		let origin = governance::<T>(project)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, ProjectStatus::Paused);

		assert_eq!(Projects::<T>::get(project).unwrap().status, ProjectStatus::Paused);
		Ok(())
	}

	#[benchmark]
	fn set_cap() -> Result<(), BenchmarkError> {
		let (_, project) = setup_project::<T>();
		let origin = governance::<T>(project)?;
		let cap: BalanceOf<T> = 1_000_000u32.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, project, cap);

		assert_eq!(Projects::<T>::get(project).unwrap().currency.unwrap().cap, cap);
		Ok(())
	}

	/// `m` milestones, each with its own depositor; currency and native funds left to burn and
	/// sweep.
	#[benchmark]
	fn reap_project(m: Linear<0, { T::MaxMilestones::get() }>) -> Result<(), BenchmarkError> {
		let (founder, project) = setup_project::<T>();
		let reason = HoldReason::StorageDeposit.into();
		for i in 0..m {
			let milestone = planned_milestone::<T>(&founder, project);
			Pallet::<T>::fund_milestone(governance::<T>(project)?, project, milestone)?;
			// Hand the deposit over to an account of its own: every release touches a new one.
			let depositor: T::AccountId = account("depositor", i, 0);
			fund::<T>(&depositor);
			let mut stone = Milestones::<T>::get(project, milestone).unwrap();
			T::NativeBalance::release(&reason, &founder, stone.deposit, Precision::Exact)?;
			T::NativeBalance::hold(&reason, &depositor, stone.deposit)?;
			stone.depositor = depositor;
			Milestones::<T>::insert(project, milestone, stone);
		}
		Pallet::<T>::donate(
			RawOrigin::Signed(founder.clone()).into(),
			project,
			T::NativeBalance::minimum_balance().saturating_mul(100u32.into()),
		)?;
		Pallet::<T>::set_status(governance::<T>(project)?, project, ProjectStatus::Cancelled)?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), project);

		assert!(Projects::<T>::get(project).is_none());
		assert_eq!(Milestones::<T>::iter_prefix(project).count(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::ExtBuilder::build(), crate::mock::Test);
}
