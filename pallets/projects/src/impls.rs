//! Helpers of the calls, the interface other pallets use, and the pallet's invariants.

use crate::{pallet::*, types::*, AssetIdOf, BalanceOf};
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use commons_primitives::{
	traits::ProjectsInterface, Actor, BudgetAsset, MilestoneId, ProjectId, ProjectStatus,
};
use polkadot_sdk::{
	frame_support::{
		ensure,
		pallet_prelude::*,
		traits::{
			fungible::{self, Inspect as _, Mutate as _},
			fungibles::{self, metadata::MetadataDeposit},
			tokens::{Fortitude, Preservation},
			EnsureOriginWithArg,
		},
	},
	frame_system::pallet_prelude::*,
	sp_runtime::traits::{AccountIdConversion, Saturating, Zero},
};

impl<T: Config> Pallet<T> {
	/// The keyless account of a project: its treasury, and the owner of its currency.
	pub fn project_account(project: ProjectId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(project)
	}

	/// The project, or `ProjectNotFound`.
	pub(crate) fn project(project: ProjectId) -> Result<Project<T>, DispatchError> {
		Projects::<T>::get(project).ok_or_else(|| Error::<T>::ProjectNotFound.into())
	}

	/// For calls of the project's governance on a project that is still open: checks the
	/// origin, then loads the project (`ProjectNotFound`) and refuses a completed or cancelled
	/// one (`ProjectClosed`).
	pub(crate) fn governed_open_project(
		origin: OriginFor<T>,
		project: ProjectId,
	) -> Result<Project<T>, DispatchError> {
		T::GovernanceOrigin::ensure_origin(origin, &project)?;
		let record = Self::project(project)?;
		ensure!(!record.status.is_final(), Error::<T>::ProjectClosed);
		Ok(record)
	}

	/// The milestone, or `MilestoneNotFound`.
	pub(crate) fn milestone(
		project: ProjectId,
		milestone: MilestoneId,
	) -> Result<Milestone<T>, DispatchError> {
		Milestones::<T>::get(project, milestone).ok_or_else(|| Error::<T>::MilestoneNotFound.into())
	}

	/// What the treasury can spend in native tokens while staying alive.
	pub(crate) fn native_treasury(account: &T::AccountId) -> BalanceOf<T> {
		T::NativeBalance::reducible_balance(account, Preservation::Preserve, Fortitude::Polite)
	}

	/// The deposit of a project named with `name_len` bytes: the base, plus the per-byte price
	/// of the record at its largest (every steward seat, the longest plan CID) with that name.
	pub fn project_deposit(name_len: usize) -> BalanceOf<T> {
		let unused_name = (T::MaxNameLen::get() as usize).saturating_sub(name_len);
		let bytes = Project::<T>::max_encoded_len().saturating_sub(unused_name);
		T::ProjectDepositBase::get().saturating_add(Self::per_byte(bytes))
	}

	/// The deposit of a milestone titled with `title_len` bytes: the base, plus the per-byte
	/// price of the record at its largest (with room for the evidence CID) with that title.
	pub fn milestone_deposit(title_len: usize) -> BalanceOf<T> {
		let unused_title = (commons_primitives::MAX_CID_LEN as usize).saturating_sub(title_len);
		let bytes = Milestone::<T>::max_encoded_len().saturating_sub(unused_title);
		T::MilestoneDepositBase::get().saturating_add(Self::per_byte(bytes))
	}

	fn per_byte(bytes: usize) -> BalanceOf<T> {
		let bytes: BalanceOf<T> = u32::try_from(bytes).unwrap_or(u32::MAX).into();
		T::DepositPerByte::get().saturating_mul(bytes)
	}

	/// Creates the project's asset, owned by `account`, with its metadata. The caller pays the
	/// native existential deposit of `account` and the asset metadata deposit reserved there:
	/// the endowment, returned.
	pub(crate) fn create_currency(
		payer: &T::AccountId,
		account: &T::AccountId,
		asset: AssetIdOf<T>,
		params: CurrencyParams<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let metadata_deposit = T::Assets::calc_metadata_deposit(&params.name, &params.symbol);
		let endowment = T::NativeBalance::minimum_balance().saturating_add(metadata_deposit);
		T::NativeBalance::transfer(payer, account, endowment, Preservation::Preserve)?;
		<T::Assets as fungibles::Create<_>>::create(
			asset.clone(),
			account.clone(),
			false,
			params.min_balance,
		)?;
		<T::Assets as fungibles::metadata::Mutate<_>>::set(
			asset,
			account,
			params.name.into_inner(),
			params.symbol.into_inner(),
			params.decimals,
		)?;
		Ok(endowment)
	}

	/// Records the due block of a newly planned milestone (at most `MaxMilestones` are ever
	/// added to a project, so there is room).
	pub(crate) fn open_due(project: ProjectId, due: BlockNumberFor<T>) {
		OpenDues::<T>::mutate(project, |dues| {
			let _ = commons_primitives::dues::insert(dues, due);
		});
	}

	/// Forgets the due block of a milestone that was achieved or cancelled.
	pub(crate) fn close_due(project: ProjectId, due: BlockNumberFor<T>) {
		OpenDues::<T>::mutate(project, |dues| commons_primitives::dues::remove(dues, &due));
	}

	/// How many of `project`'s open milestones are past their due block.
	pub fn overdue_milestones(project: ProjectId) -> u32 {
		let now = polkadot_sdk::frame_system::Pallet::<T>::block_number();
		commons_primitives::dues::past(&OpenDues::<T>::get(project), &now)
	}

	/// Accepts the project's governance origin, or a signed steward of the project.
	pub(crate) fn ensure_steward_or_governance(
		origin: OriginFor<T>,
		project: ProjectId,
	) -> Result<Actor<T::AccountId>, DispatchError> {
		commons_primitives::ensure_steward_or_governance::<Self, T::GovernanceOrigin, _, _>(
			origin, project,
		)
	}

	/// Moves `amount` of `asset` between two accounts; the source may be emptied.
	fn move_funds(
		currency: Option<&ProjectCurrency<T>>,
		asset: BudgetAsset,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
		preservation: Preservation,
	) -> DispatchResult {
		match asset {
			BudgetAsset::Native => {
				<T::NativeBalance as fungible::Mutate<_>>::transfer(from, to, amount, preservation)
					.map(|_| ())
			},
			BudgetAsset::ProjectCurrency => {
				let currency = currency.ok_or(Error::<T>::NoCurrency)?;
				// A balance left below the currency's minimum would be removed with the account,
				// and the trait's transfer credits only `amount`: the rest would leave the books
				// (the supply above the sum of balances). Refuse it instead.
				let left =
					<T::Assets as fungibles::Inspect<_>>::balance(currency.asset.clone(), from)
						.saturating_sub(amount);
				let minimum =
					<T::Assets as fungibles::Inspect<_>>::minimum_balance(currency.asset.clone());
				ensure!(left.is_zero() || left >= minimum, Error::<T>::WouldLeaveDust);
				<T::Assets as fungibles::Mutate<_>>::transfer(
					currency.asset.clone(),
					from,
					to,
					amount,
					preservation,
				)
				.map(|_| ())
			},
		}
	}

	/// Checks every invariant of the pallet's storage (see the crate docs of each item):
	///
	/// - ids: every project id is below [`NextProjectId`]; every milestone id below its
	///   project's `milestone_count`, and every id below it exists;
	/// - stewards: never empty, no duplicates;
	/// - counters: milestones by status, spent and committed amounts equal a scan of the
	///   milestones; nothing spent beyond a budget;
	/// - currency: minted − burned never exceeds the cap, and the asset's supply is at most
	///   minted − burned (holders may burn their own tokens through the asset pallet, never mint);
	/// - deposits: what is held from each account under [`HoldReason::StorageDeposit`] equals
	///   the deposits recorded for it.
	///
	/// Compiled into native builds too (never into the Wasm runtime without `try-runtime`), so
	/// that the tests of pallets built on this one can check it.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use polkadot_sdk::frame_support::traits::{fungible::InspectHold, fungibles::Inspect as _};

		let next_id = NextProjectId::<T>::get();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut add_deposit = |who: &T::AccountId, amount: BalanceOf<T>| {
			let entry = deposits.entry(who.clone()).or_default();
			*entry = entry.saturating_add(amount);
		};

		for (id, project) in Projects::<T>::iter() {
			ensure!(id < next_id, "project id at or past NextProjectId");
			ensure!(!project.stewards.is_empty(), "a project without stewards");
			let mut sorted: Vec<_> = project.stewards.iter().collect();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == project.stewards.len(), "duplicate steward");
			add_deposit(&project.depositor, project.deposit);

			let mut scan = MilestoneCounters::<T>::default();
			let mut count = 0u32;
			let mut dues = Vec::new();
			for (mid, milestone_record) in Milestones::<T>::iter_prefix(id) {
				if matches!(
					milestone_record.status,
					MilestoneStatus::Planned | MilestoneStatus::Funded
				) {
					dues.push(milestone_record.due);
				}
				ensure!(mid < project.milestone_count, "milestone id past milestone_count");
				count.saturating_inc();
				*scan.of_status(milestone_record.status) =
					scan.of_status(milestone_record.status).saturating_add(1);
				ensure!(milestone_record.spent <= milestone_record.budget, "spent beyond a budget");
				if milestone_record.status == MilestoneStatus::Planned {
					ensure!(milestone_record.spent.is_zero(), "a planned milestone has spending");
				}
				match milestone_record.asset {
					BudgetAsset::Native => {
						scan.spent_native =
							scan.spent_native.saturating_add(milestone_record.spent);
						if milestone_record.status == MilestoneStatus::Funded {
							scan.native_committed =
								scan.native_committed.saturating_add(milestone_record.unspent());
						}
					},
					BudgetAsset::ProjectCurrency => {
						ensure!(project.currency.is_some(), "currency budget without currency");
						scan.spent_currency =
							scan.spent_currency.saturating_add(milestone_record.spent);
					},
				}
				if matches!(
					milestone_record.status,
					MilestoneStatus::Funded | MilestoneStatus::Achieved
				) {
					ensure!(
						project.largest_budgets.of(milestone_record.asset)
							>= milestone_record.budget,
						"a funded budget above the largest funded budget"
					);
				}
				add_deposit(&milestone_record.depositor, milestone_record.deposit);
			}
			ensure!(count == project.milestone_count, "a milestone is missing");
			ensure!(scan == project.counters, "project counters differ from its milestones");
			dues.sort();
			ensure!(
				OpenDues::<T>::get(id).into_inner() == dues,
				"open dues differ from milestones"
			);
			let account = Self::project_account(id);
			ensure!(
				Self::native_treasury(&account) >= project.counters.native_committed,
				"the treasury holds less native than funded milestones were promised"
			);

			if let Some(currency) = &project.currency {
				ensure!(currency.burned <= currency.minted, "burned more than minted");
				ensure!(currency.outstanding() <= currency.cap, "supply above the cap");
				let supply = T::Assets::total_issuance(currency.asset.clone());
				ensure!(supply <= currency.outstanding(), "asset supply above what was minted");
				let unspent: BalanceOf<T> = Milestones::<T>::iter_prefix_values(id)
					.filter(|m| {
						m.asset == BudgetAsset::ProjectCurrency
							&& m.status == MilestoneStatus::Funded
					})
					.fold(Zero::zero(), |sum, m| sum.saturating_add(m.unspent()));
				ensure!(
					T::Assets::balance(currency.asset.clone(), &account) >= unspent,
					"the treasury holds less currency than funded milestones left unspent"
				);
			}
		}

		for (who, recorded) in deposits {
			let held = T::NativeBalance::balance_on_hold(&HoldReason::StorageDeposit.into(), &who);
			ensure!(held == recorded, "held deposits differ from recorded deposits");
		}
		ensure!(
			OpenDues::<T>::iter_keys().all(Projects::<T>::contains_key),
			"open dues of a reaped project"
		);
		Ok(())
	}
}

impl<T: Config> ProjectsInterface<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;
	type AssetId = AssetIdOf<T>;

	fn status(project: ProjectId) -> Result<ProjectStatus, DispatchError> {
		Ok(Self::project(project)?.status)
	}

	fn ensure_open(project: ProjectId) -> Result<ProjectStatus, DispatchError> {
		let status = Self::status(project)?;
		ensure!(!status.is_final(), Error::<T>::ProjectClosed);
		Ok(status)
	}

	fn ensure_active(project: ProjectId) -> DispatchResult {
		ensure!(Self::status(project)? == ProjectStatus::Active, Error::<T>::ProjectNotActive);
		Ok(())
	}

	fn is_steward(project: ProjectId, who: &T::AccountId) -> bool {
		Projects::<T>::get(project).is_some_and(|p| p.is_steward(who))
	}

	fn ensure_steward(project: ProjectId, who: &T::AccountId) -> DispatchResult {
		ensure!(Self::project(project)?.is_steward(who), Error::<T>::NotSteward);
		Ok(())
	}

	fn stewards(project: ProjectId) -> Vec<T::AccountId> {
		Projects::<T>::get(project).map(|p| p.stewards.into_inner()).unwrap_or_default()
	}

	fn project_account(project: ProjectId) -> T::AccountId {
		Self::project_account(project)
	}

	fn currency(project: ProjectId) -> Option<AssetIdOf<T>> {
		Projects::<T>::get(project).and_then(|p| p.currency.map(|c| c.asset))
	}

	fn milestone_budget(
		project: ProjectId,
		milestone: MilestoneId,
	) -> Result<(BudgetAsset, BalanceOf<T>), DispatchError> {
		let milestone = Self::milestone(project, milestone)?;
		Ok((milestone.asset, milestone.budget))
	}

	fn earning_budget(
		project: ProjectId,
		milestone: MilestoneId,
	) -> Result<(BudgetAsset, BalanceOf<T>), DispatchError> {
		let record = Self::project(project)?;
		let milestone = Self::milestone(project, milestone)?;
		let largest = record.largest_budgets.of(milestone.asset);
		Ok((milestone.asset, milestone.budget.max(largest)))
	}

	fn spend(
		project: ProjectId,
		milestone: MilestoneId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BudgetAsset, DispatchError> {
		polkadot_sdk::frame_support::storage::with_storage_layer(|| {
			Self::do_spend(project, milestone, to, amount)
		})
	}

	fn refund(
		project: ProjectId,
		milestone: MilestoneId,
		from: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		polkadot_sdk::frame_support::storage::with_storage_layer(|| {
			Self::do_refund(project, milestone, from, amount)
		})
	}
}

impl<T: Config> Pallet<T> {
	fn do_spend(
		project: ProjectId,
		milestone: MilestoneId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BudgetAsset, DispatchError> {
		let mut record = Self::project(project)?;
		ensure!(record.status == ProjectStatus::Active, Error::<T>::ProjectNotActive);
		let mut milestone_record = Self::milestone(project, milestone)?;
		ensure!(milestone_record.status == MilestoneStatus::Funded, Error::<T>::MilestoneNotFunded);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount <= milestone_record.unspent(), Error::<T>::BudgetExceeded);
		let asset = milestone_record.asset;

		let account = Self::project_account(project);
		// The treasury stays alive in native tokens; a project currency can be spent to the last
		// unit (the account's asset balance, not the account, goes).
		let preservation = match asset {
			BudgetAsset::Native => Preservation::Preserve,
			BudgetAsset::ProjectCurrency => Preservation::Expendable,
		};
		Self::move_funds(record.currency.as_ref(), asset, &account, to, amount, preservation)?;
		milestone_record.spent = milestone_record.spent.saturating_add(amount);
		let counters = &mut record.counters;
		match asset {
			BudgetAsset::Native => {
				counters.spent_native = counters.spent_native.saturating_add(amount);
				counters.native_committed = counters.native_committed.saturating_sub(amount);
			},
			BudgetAsset::ProjectCurrency => {
				counters.spent_currency = counters.spent_currency.saturating_add(amount)
			},
		}
		Projects::<T>::insert(project, record);
		Milestones::<T>::insert(project, milestone, milestone_record);
		Self::deposit_event(Event::BudgetSpent {
			project,
			milestone,
			to: to.clone(),
			asset,
			amount,
		});
		Ok(asset)
	}

	fn do_refund(
		project: ProjectId,
		milestone: MilestoneId,
		from: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut record = Self::project(project)?;
		let mut milestone_record = Self::milestone(project, milestone)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount <= milestone_record.spent, Error::<T>::RefundExceedsSpent);
		let asset = milestone_record.asset;

		let account = Self::project_account(project);
		Self::move_funds(
			record.currency.as_ref(),
			asset,
			from,
			&account,
			amount,
			Preservation::Expendable,
		)?;
		milestone_record.spent = milestone_record.spent.saturating_sub(amount);
		let mut burned = false;
		let counters = &mut record.counters;
		match asset {
			BudgetAsset::Native => {
				counters.spent_native = counters.spent_native.saturating_sub(amount);
				if milestone_record.status == MilestoneStatus::Funded {
					counters.native_committed = counters.native_committed.saturating_add(amount);
				}
			},
			BudgetAsset::ProjectCurrency => {
				counters.spent_currency = counters.spent_currency.saturating_sub(amount);
				// Currency coming back to a milestone that can no longer spend it (achieved or
				// cancelled) is burned: the supply follows the plan, and nothing is stranded.
				if matches!(
					milestone_record.status,
					MilestoneStatus::Cancelled | MilestoneStatus::Achieved
				) {
					let currency = record.currency.as_mut().ok_or(Error::<T>::NoCurrency)?;
					Self::burn(currency, &account, amount)?;
					burned = true;
				}
			},
		}
		Projects::<T>::insert(project, record);
		Milestones::<T>::insert(project, milestone, milestone_record);
		Self::deposit_event(Event::BudgetRefunded {
			project,
			milestone,
			from: from.clone(),
			asset,
			amount,
			burned,
		});
		Ok(())
	}
}
