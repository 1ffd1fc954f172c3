//! # Projects
//!
//! A project is a community's plan of work, on-chain: a name, a **living plan document** (a CID of
//! the off-chain document, with a version that every amendment bumps), a bounded set of
//! **stewards** (the first is the founder), **milestones** with budgets, a **treasury** (the
//! project's keyless account, derived from this pallet's id and the project id) and, optionally,
//! a **project currency**: a `pallet-assets` asset created with the project, of which this pallet
//! is the only issuer, under a hard supply cap kept here.
//!
//! ## Money follows the plan
//!
//! Funding a milestone *mints* its budget in the project currency into the treasury (never past
//! the cap), or, for budgets in the native token, *commits* native funds the treasury already
//! holds (donations, grants). Other pallets spend budgets through [`ProjectsInterface::spend`]
//! (the tasks pallet escrows rewards with it) and return them with
//! [`ProjectsInterface::refund`]. Cancelling a milestone burns the unspent part of what was
//! minted for it, so the currency's supply always equals what the plan still backs.
//!
//! ## Who may do what
//!
//! | call | origin |
//! | --- | --- |
//! | [`create_project`](Pallet::create_project), [`donate`](Pallet::donate), [`reap_project`](Pallet::reap_project) | any signed account |
//! | [`amend_plan`](Pallet::amend_plan), [`add_milestone`](Pallet::add_milestone) | a steward |
//! | [`complete_milestone`](Pallet::complete_milestone) | a steward, or the project's governance |
//! | [`add_steward`](Pallet::add_steward), [`remove_steward`](Pallet::remove_steward), [`transfer_founder`](Pallet::transfer_founder), [`fund_milestone`](Pallet::fund_milestone), [`cancel_milestone`](Pallet::cancel_milestone), [`set_status`](Pallet::set_status), [`set_cap`](Pallet::set_cap) | the project's governance ([`Config::GovernanceOrigin`]) |
//!
//! The project's governance is [`ProjectOrigin::Project`], which a passed project poll dispatches
//! with ([`EnsureProject`] checks it); the runtime also accepts the chain's Root.
//!
//! ## Deposits
//!
//! The creator of a project, and the steward who adds a milestone, pay a storage deposit (held
//! under [`HoldReason::StorageDeposit`]) of a base plus a price per byte of the record at its
//! largest. [`reap_project`](Pallet::reap_project) releases them all once the project is
//! completed or cancelled and no other pallet has work open in it.
//!
//! A project's whole life, from creation to reaping, is shown by this test:
#![doc = docify::embed!("src/tests.rs", project_lifecycle)]
#![cfg_attr(not(feature = "std"), no_std)]
#![warn(clippy::arithmetic_side_effects)]

extern crate alloc;

pub mod dues;
mod impls;
mod origin;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use origin::{ensure_steward_or_governance, EnsureProject};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use polkadot_sdk::{
	frame_support::traits::{fungible, fungibles},
	frame_system,
};

/// The account id type of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// The native balance type, also the balance type of project currencies.
pub type BalanceOf<T> =
	<<T as Config>::NativeBalance as fungible::Inspect<AccountIdOf<T>>>::Balance;
/// The asset id type of project currencies.
pub type AssetIdOf<T> = <<T as Config>::Assets as fungibles::Inspect<AccountIdOf<T>>>::AssetId;

// FRAME's macros expand the pallet struct, storage items and errors to code that calls `expect`
// on values that cannot be absent (metadata and storage prefixes); the lint is for our own code,
// which the rest of this crate (and review) keeps free of it.
#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::{
				fungible::{Mutate as _, MutateHold as _},
				fungibles::{Inspect as _, Mutate as _},
				tokens::{Fortitude, Precision, Preservation},
				EnsureOriginWithArg,
			},
			PalletId,
		},
		frame_system::pallet_prelude::*,
		sp_runtime::traits::{CheckedAdd, Convert, Saturating, Zero},
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching hold reason, into which this pallet's [`HoldReason`] converts.
		type RuntimeHoldReason: From<HoldReason>;

		/// The native currency: deposits are held in it, donations and native budgets paid in it.
		type NativeBalance: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// Where project currencies live (`pallet-assets`). This pallet creates each project's
		/// asset with the project account as owner, and is the only one that mints it.
		type Assets: fungibles::Inspect<Self::AccountId, Balance = BalanceOf<Self>>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::Create<Self::AccountId>
			+ fungibles::metadata::Mutate<Self::AccountId>
			+ fungibles::metadata::MetadataDeposit<BalanceOf<Self>>;

		/// The asset id a project's currency gets. Must be injective; ids it yields must not be
		/// created by anyone else (in the runtime, nobody else may create assets).
		type ProjectAssetId: Convert<ProjectId, AssetIdOf<Self>>;

		/// The project's governance: who may make a project's constitutional decisions (stewards,
		/// funding, cancelling milestones, status, cap). In the runtime: a passed poll of that
		/// project ([`EnsureProject`]), or Root.
		type GovernanceOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ProjectId>;

		/// Other pallets' open work in a project; a project can only be reaped when there is none.
		type OutstandingWork: OutstandingWork;

		/// Learns of every donation (the contributions ledger).
		type OnDonation: OnDonation<Self::AccountId, BalanceOf<Self>>;

		/// Receives what is left in a project's treasury when the project is reaped (in the
		/// runtime: the chain's treasury).
		type ReapBeneficiary: Get<Self::AccountId>;

		/// Derives each project's keyless account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The fixed part of a project's storage deposit.
		#[pallet::constant]
		type ProjectDepositBase: Get<BalanceOf<Self>>;

		/// The fixed part of a milestone's storage deposit.
		#[pallet::constant]
		type MilestoneDepositBase: Get<BalanceOf<Self>>;

		/// The deposit per byte of stored record.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// Added to the project deposit when the project has a currency: the asset's storage.
		#[pallet::constant]
		type CurrencyDeposit: Get<BalanceOf<Self>>;

		/// The longest project name.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// The longest content identifier (plan, milestone title, evidence).
		#[pallet::constant]
		type MaxCidLen: Get<u32>;

		/// The most stewards a project may have.
		#[pallet::constant]
		type MaxStewards: Get<u32>;

		/// The most milestones a project may ever have.
		#[pallet::constant]
		type MaxMilestones: Get<u32>;

		/// The longest currency symbol.
		#[pallet::constant]
		type MaxSymbolLen: Get<u32>;

		/// The longest currency name.
		#[pallet::constant]
		type MaxCurrencyNameLen: Get<u32>;

		/// The most decimals a project currency may have.
		#[pallet::constant]
		type MaxDecimals: Get<u8>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a project or a milestone, returned when the project is reaped.
		StorageDeposit,
	}

	/// The custom origin of this pallet: see [`ProjectOrigin`].
	#[pallet::origin]
	pub type Origin = ProjectOrigin;

	/// The id the next project will get.
	#[pallet::storage]
	pub type NextProjectId<T> = StorageValue<_, ProjectId, ValueQuery>;

	/// Every project that exists, by id.
	#[pallet::storage]
	pub type Projects<T: Config> = StorageMap<_, Twox64Concat, ProjectId, Project<T>>;

	/// The milestones of each project, by project id and milestone id.
	#[pallet::storage]
	pub type Milestones<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProjectId, Twox64Concat, MilestoneId, Milestone<T>>;

	/// The due blocks of each project's open (planned or funded) milestones, sorted: how many
	/// are overdue is one binary search ([`Pallet::overdue_milestones`]).
	#[pallet::storage]
	pub type OpenDues<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ProjectId,
		BoundedVec<BlockNumberFor<T>, T::MaxMilestones>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A project was created.
		ProjectCreated {
			project: ProjectId,
			founder: T::AccountId,
			/// The project's treasury.
			account: T::AccountId,
			/// The project's currency, if it has one.
			asset: Option<AssetIdOf<T>>,
			plan: Cid<T>,
			deposit: BalanceOf<T>,
		},
		/// A steward replaced the plan document.
		PlanAmended {
			project: ProjectId,
			by: T::AccountId,
			old_cid: Cid<T>,
			old_version: u32,
			new_cid: Cid<T>,
			new_version: u32,
		},
		/// The project's governance added a steward.
		StewardAdded { project: ProjectId, steward: T::AccountId },
		/// The project's governance removed a steward.
		StewardRemoved { project: ProjectId, steward: T::AccountId },
		/// The project's governance made another steward the founder.
		FounderTransferred { project: ProjectId, old: T::AccountId, new: T::AccountId },
		/// A steward added a milestone to the plan.
		MilestoneAdded {
			project: ProjectId,
			milestone: MilestoneId,
			asset: BudgetAsset,
			budget: BalanceOf<T>,
			due: BlockNumberFor<T>,
			deposit: BalanceOf<T>,
		},
		/// The project's governance funded a milestone: its budget was minted into the treasury
		/// (`minted` true) or committed from the treasury's native funds.
		MilestoneFunded {
			project: ProjectId,
			milestone: MilestoneId,
			asset: BudgetAsset,
			budget: BalanceOf<T>,
			minted: bool,
		},
		/// A milestone was achieved.
		MilestoneCompleted {
			project: ProjectId,
			milestone: MilestoneId,
			by: Actor<T::AccountId>,
			evidence: Cid<T>,
		},
		/// The project's governance cancelled a milestone; `burned` of its minted budget was
		/// unspent and destroyed, `released` of native funds no longer committed.
		MilestoneCancelled {
			project: ProjectId,
			milestone: MilestoneId,
			burned: BalanceOf<T>,
			released: BalanceOf<T>,
		},
		/// Someone gave native tokens to a project's treasury.
		Donated { project: ProjectId, from: T::AccountId, amount: BalanceOf<T> },
		/// The project's governance changed the project's status.
		StatusChanged { project: ProjectId, old: ProjectStatus, new: ProjectStatus },
		/// The project's governance changed the currency's supply cap.
		CapChanged { project: ProjectId, old: BalanceOf<T>, new: BalanceOf<T> },
		/// Budget of a milestone was paid out of the treasury (to a task escrow, a contributor).
		BudgetSpent {
			project: ProjectId,
			milestone: MilestoneId,
			to: T::AccountId,
			asset: BudgetAsset,
			amount: BalanceOf<T>,
		},
		/// Spent budget came back to the treasury; `burned` is true when it was project currency
		/// of a cancelled milestone and was destroyed.
		BudgetRefunded {
			project: ProjectId,
			milestone: MilestoneId,
			from: T::AccountId,
			asset: BudgetAsset,
			amount: BalanceOf<T>,
			burned: bool,
		},
		/// A final project was removed: deposits were returned, `burned` project currency left in
		/// its treasury destroyed, and `swept` native tokens sent to the reap beneficiary.
		ProjectReaped {
			project: ProjectId,
			milestones: u32,
			burned: BalanceOf<T>,
			swept: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No project has this id (it never existed, or was reaped).
		ProjectNotFound,
		/// The project has no milestone with this id.
		MilestoneNotFound,
		/// Only a steward of the project may do this.
		NotSteward,
		/// The account to add is already a steward.
		AlreadySteward,
		/// The account is not a steward of the project.
		StewardNotFound,
		/// The project already has the most stewards allowed ([`Config::MaxStewards`]).
		TooManyStewards,
		/// A project must keep at least one steward.
		LastSteward,
		/// The founder cannot be removed; transfer the founder role to another steward first.
		CannotRemoveFounder,
		/// The account is already the founder.
		AlreadyFounder,
		/// The project is completed or cancelled: it can no longer change.
		ProjectClosed,
		/// The project is not active (it is paused, completed or cancelled).
		ProjectNotActive,
		/// Only a completed or cancelled project can be reaped.
		ProjectNotFinal,
		/// Other pallets still have open work (tasks, polls) in the project; wind it down first.
		OutstandingWork,
		/// Governance cannot move a project between these two statuses.
		InvalidStatusTransition,
		/// The name must not be empty.
		EmptyName,
		/// A content identifier must not be empty.
		EmptyCid,
		/// The new plan is the current plan.
		PlanUnchanged,
		/// The currency symbol must not be empty.
		EmptySymbol,
		/// The currency has more decimals than [`Config::MaxDecimals`].
		TooManyDecimals,
		/// A currency's cap must be above zero.
		ZeroCap,
		/// A currency's minimum balance must be above zero.
		ZeroMinBalance,
		/// The asset id this project's currency would get is already taken.
		AssetIdInUse,
		/// The project has no currency of its own.
		NoCurrency,
		/// Funding this milestone would mint past the currency's cap.
		CapExceeded,
		/// The new cap is below what has already been issued.
		CapBelowSupply,
		/// The project already has the most milestones allowed ([`Config::MaxMilestones`]).
		TooManyMilestones,
		/// A budget must be above zero.
		ZeroBudget,
		/// An amount must be above zero.
		ZeroAmount,
		/// The due block has already passed.
		DueInPast,
		/// Only a planned milestone can be funded.
		MilestoneNotPlanned,
		/// Only a funded milestone can be completed or spent from.
		MilestoneNotFunded,
		/// The milestone is achieved or cancelled already.
		MilestoneClosed,
		/// The treasury does not hold enough native tokens for this budget on top of what is
		/// already committed to funded milestones.
		InsufficientTreasury,
		/// The amount is more than what is left of the milestone's budget.
		BudgetExceeded,
		/// The amount is more than what was spent against the milestone.
		RefundExceedsSpent,
		/// A counter or balance would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxStewards::get() >= 1, "a project needs room for its founder");
			assert!(T::MaxMilestones::get() >= 1, "a project needs room for a milestone");
			assert!(T::MaxCidLen::get() >= 1 && T::MaxNameLen::get() >= 1, "empty bounds");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a project, with its plan and, optionally, its own currency.
		///
		/// Any signed account. The caller becomes founder and first steward and pays the storage
		/// deposit (held until the project is reaped). With `currency`, a `pallet-assets` asset is
		/// created, owned by the project account, with its metadata; the caller also pays the
		/// asset's deposit, and moves the native existential deposit plus the asset metadata
		/// deposit into the project account (which the asset pallet reserves there).
		///
		/// Emits [`Event::ProjectCreated`]. Fails with `EmptyName`, `EmptyCid`, `EmptySymbol`,
		/// `TooManyDecimals`, `ZeroCap`, `ZeroMinBalance`, `AssetIdInUse`, `Overflow`, or a
		/// balance error if the caller cannot pay.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): it creates the
		/// project's currency (an asset with its metadata) besides the project, and holds the
		/// founder's deposit: six storage writes.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_project())]
		pub fn create_project(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLen>,
			plan: Cid<T>,
			currency: Option<CurrencyParams<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			ensure!(!plan.is_empty(), Error::<T>::EmptyCid);
			let id = NextProjectId::<T>::get();
			let next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let account = Self::project_account(id);
			let asset = T::ProjectAssetId::convert(id);
			if let Some(params) = &currency {
				ensure!(!params.symbol.is_empty(), Error::<T>::EmptySymbol);
				ensure!(params.decimals <= T::MaxDecimals::get(), Error::<T>::TooManyDecimals);
				ensure!(!params.cap.is_zero(), Error::<T>::ZeroCap);
				ensure!(!params.min_balance.is_zero(), Error::<T>::ZeroMinBalance);
				ensure!(!T::Assets::asset_exists(asset.clone()), Error::<T>::AssetIdInUse);
			}
			let mut deposit = Self::project_deposit(name.len());
			if currency.is_some() {
				deposit = deposit.saturating_add(T::CurrencyDeposit::get());
			}

			T::NativeBalance::hold(&HoldReason::StorageDeposit.into(), &who, deposit)?;
			let project_currency = match currency {
				Some(params) => {
					Self::create_currency(&who, &account, asset.clone(), params.clone())?;
					Some(ProjectCurrency {
						asset: asset.clone(),
						cap: params.cap,
						minted: Zero::zero(),
						burned: Zero::zero(),
					})
				},
				None => None,
			};
			let mut stewards = BoundedVec::new();
			stewards.try_push(who.clone()).map_err(|_| Error::<T>::TooManyStewards)?;
			let has_currency = project_currency.is_some();
			Projects::<T>::insert(
				id,
				Project {
					name,
					plan: Plan { cid: plan.clone(), version: 1 },
					stewards,
					status: ProjectStatus::Active,
					currency: project_currency,
					depositor: who.clone(),
					deposit,
					milestone_count: 0,
					counters: Counters::default(),
					created: frame_system::Pallet::<T>::block_number(),
				},
			);
			NextProjectId::<T>::put(next_id);
			Self::deposit_event(Event::ProjectCreated {
				project: id,
				founder: who,
				account,
				asset: has_currency.then_some(asset),
				plan,
				deposit,
			});
			Ok(())
		}

		/// Replaces the project's plan document; its version goes up by one.
		///
		/// A steward, while the project is not completed or cancelled. Emits
		/// [`Event::PlanAmended`] with the old and new CID and version: the chain is the plan's
		/// audit log. Fails with `ProjectNotFound`, `NotSteward`, `ProjectClosed`, `EmptyCid`,
		/// `PlanUnchanged`, `Overflow`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::amend_plan())]
		pub fn amend_plan(
			origin: OriginFor<T>,
			project: ProjectId,
			plan: Cid<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::project(project)?;
			ensure!(record.is_steward(&who), Error::<T>::NotSteward);
			ensure!(!record.status.is_final(), Error::<T>::ProjectClosed);
			ensure!(!plan.is_empty(), Error::<T>::EmptyCid);
			ensure!(plan != record.plan.cid, Error::<T>::PlanUnchanged);
			let new_version = record.plan.version.checked_add(1).ok_or(Error::<T>::Overflow)?;

			let old = core::mem::replace(
				&mut record.plan,
				Plan { cid: plan.clone(), version: new_version },
			);
			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::PlanAmended {
				project,
				by: who,
				old_cid: old.cid,
				old_version: old.version,
				new_cid: plan,
				new_version,
			});
			Ok(())
		}

		/// Adds a steward.
		///
		/// The project's governance. Emits [`Event::StewardAdded`]. Fails with
		/// `ProjectNotFound`, `ProjectClosed`, `AlreadySteward`, `TooManyStewards`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_steward())]
		pub fn add_steward(
			origin: OriginFor<T>,
			project: ProjectId,
			steward: T::AccountId,
		) -> DispatchResult {
			let mut record = Self::governed_open_project(origin, project)?;
			ensure!(!record.is_steward(&steward), Error::<T>::AlreadySteward);
			record.stewards.try_push(steward.clone()).map_err(|_| Error::<T>::TooManyStewards)?;

			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::StewardAdded { project, steward });
			Ok(())
		}

		/// Removes a steward other than the founder.
		///
		/// The project's governance. A project always keeps at least one steward, and the
		/// founder must hand the role on ([`transfer_founder`](Pallet::transfer_founder))
		/// before leaving. Emits [`Event::StewardRemoved`]. Fails with `ProjectNotFound`,
		/// `ProjectClosed`, `StewardNotFound`, `LastSteward`, `CannotRemoveFounder`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_steward())]
		pub fn remove_steward(
			origin: OriginFor<T>,
			project: ProjectId,
			steward: T::AccountId,
		) -> DispatchResult {
			let mut record = Self::governed_open_project(origin, project)?;
			let position = record.steward_position(&steward)?;
			ensure!(record.stewards.len() > 1, Error::<T>::LastSteward);
			ensure!(position != 0, Error::<T>::CannotRemoveFounder);

			record.stewards.remove(position);
			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::StewardRemoved { project, steward });
			Ok(())
		}

		/// Makes another steward the founder (the first steward).
		///
		/// The project's governance. Emits [`Event::FounderTransferred`]. Fails with
		/// `ProjectNotFound`, `ProjectClosed`, `StewardNotFound`, `AlreadyFounder`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::transfer_founder())]
		pub fn transfer_founder(
			origin: OriginFor<T>,
			project: ProjectId,
			new_founder: T::AccountId,
		) -> DispatchResult {
			let mut record = Self::governed_open_project(origin, project)?;
			let position = record.steward_position(&new_founder)?;
			ensure!(position != 0, Error::<T>::AlreadyFounder);
			let old = record.founder().cloned().ok_or(Error::<T>::StewardNotFound)?;

			// Rotating the prefix moves the new founder to the front and keeps everyone else's
			// order: the old founder becomes second.
			if let Some(prefix) = record.stewards.get_mut(..=position) {
				prefix.rotate_right(1);
			}
			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::FounderTransferred { project, old, new: new_founder });
			Ok(())
		}

		/// Adds a milestone to the plan: a goal with a budget and a due block.
		///
		/// A steward, while the project is not completed or cancelled; the steward pays the
		/// milestone's storage deposit (held until the project is reaped). A budget in
		/// `ProjectCurrency` needs the project to have a currency. The milestone starts
		/// `Planned`; the project's governance funds it. Emits [`Event::MilestoneAdded`]. Fails
		/// with `ProjectNotFound`, `NotSteward`, `ProjectClosed`, `EmptyCid`, `ZeroBudget`,
		/// `DueInPast`, `NoCurrency`, `TooManyMilestones`, or a balance error.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): the milestone's deposit
		/// is held (a hold and the steward's account), and the milestone, the project's counters
		/// and its sorted due blocks are written: five storage writes.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_milestone())]
		pub fn add_milestone(
			origin: OriginFor<T>,
			project: ProjectId,
			title: Cid<T>,
			asset: BudgetAsset,
			budget: BalanceOf<T>,
			due: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::project(project)?;
			ensure!(record.is_steward(&who), Error::<T>::NotSteward);
			ensure!(!record.status.is_final(), Error::<T>::ProjectClosed);
			ensure!(!title.is_empty(), Error::<T>::EmptyCid);
			ensure!(!budget.is_zero(), Error::<T>::ZeroBudget);
			ensure!(due > frame_system::Pallet::<T>::block_number(), Error::<T>::DueInPast);
			if asset == BudgetAsset::ProjectCurrency {
				ensure!(record.currency.is_some(), Error::<T>::NoCurrency);
			}
			let id = record.milestone_count;
			ensure!(id < T::MaxMilestones::get(), Error::<T>::TooManyMilestones);
			let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let planned = record.counters.planned.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let deposit = Self::milestone_deposit(title.len());

			T::NativeBalance::hold(&HoldReason::StorageDeposit.into(), &who, deposit)?;
			record.milestone_count = next;
			record.counters.planned = planned;
			Projects::<T>::insert(project, record);
			Self::open_due(project, due);
			Milestones::<T>::insert(
				project,
				id,
				Milestone {
					title,
					asset,
					budget,
					due,
					status: MilestoneStatus::Planned,
					spent: Zero::zero(),
					evidence: None,
					depositor: who,
					deposit,
				},
			);
			Self::deposit_event(Event::MilestoneAdded {
				project,
				milestone: id,
				asset,
				budget,
				due,
				deposit,
			});
			Ok(())
		}

		/// Funds a planned milestone: the plan backs the money.
		///
		/// The project's governance, while the project is not completed or cancelled. A budget
		/// in project currency is minted into the project treasury, never past the cap; a native
		/// budget is committed from the treasury, which must hold it on top of every other
		/// commitment. The milestone becomes `Funded` and its budget may be spent on tasks.
		/// Emits [`Event::MilestoneFunded`]. Fails with `ProjectNotFound`, `ProjectClosed`,
		/// `MilestoneNotFound`, `MilestoneNotPlanned`, `NoCurrency`, `CapExceeded`,
		/// `InsufficientTreasury`, `Overflow`.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): minting the budget into
		/// the treasury writes the asset's supply and the treasury's asset account (and its
		/// provider), besides the project and the milestone: five storage writes.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::fund_milestone())]
		pub fn fund_milestone(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
		) -> DispatchResult {
			let mut record = Self::governed_open_project(origin, project)?;
			let mut stone = Self::milestone(project, milestone)?;
			ensure!(stone.status == MilestoneStatus::Planned, Error::<T>::MilestoneNotPlanned);
			let account = Self::project_account(project);
			let minted = match stone.asset {
				BudgetAsset::ProjectCurrency => {
					let currency = record.currency.as_mut().ok_or(Error::<T>::NoCurrency)?;
					let supply = currency
						.outstanding()
						.checked_add(&stone.budget)
						.ok_or(Error::<T>::CapExceeded)?;
					ensure!(supply <= currency.cap, Error::<T>::CapExceeded);
					currency.minted =
						currency.minted.checked_add(&stone.budget).ok_or(Error::<T>::Overflow)?;
					T::Assets::mint_into(currency.asset.clone(), &account, stone.budget)?;
					true
				},
				BudgetAsset::Native => {
					let committed = record
						.counters
						.native_committed
						.checked_add(&stone.budget)
						.ok_or(Error::<T>::Overflow)?;
					ensure!(
						Self::native_treasury(&account) >= committed,
						Error::<T>::InsufficientTreasury
					);
					record.counters.native_committed = committed;
					false
				},
			};

			record.counters.transition(MilestoneStatus::Planned, MilestoneStatus::Funded);
			stone.status = MilestoneStatus::Funded;
			let (asset, budget) = (stone.asset, stone.budget);
			Projects::<T>::insert(project, record);
			Milestones::<T>::insert(project, milestone, stone);
			Self::deposit_event(Event::MilestoneFunded {
				project,
				milestone,
				asset,
				budget,
				minted,
			});
			Ok(())
		}

		/// Marks a funded milestone achieved, with evidence.
		///
		/// A steward, or the project's governance, while the project is not completed or
		/// cancelled. Unspent project currency stays in the treasury; unspent native budget is
		/// no longer committed. Emits [`Event::MilestoneCompleted`]. Fails with
		/// `ProjectNotFound`, `NotSteward`, `ProjectClosed`, `MilestoneNotFound`,
		/// `MilestoneNotFunded`, `EmptyCid`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::complete_milestone())]
		pub fn complete_milestone(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
			evidence: Cid<T>,
		) -> DispatchResult {
			let mut record = Self::project(project)?;
			let by = Self::ensure_steward_or_governance(origin, project, &record)?;
			ensure!(!record.status.is_final(), Error::<T>::ProjectClosed);
			let mut stone = Self::milestone(project, milestone)?;
			ensure!(stone.status == MilestoneStatus::Funded, Error::<T>::MilestoneNotFunded);
			ensure!(!evidence.is_empty(), Error::<T>::EmptyCid);

			if stone.asset == BudgetAsset::Native {
				record.counters.native_committed =
					record.counters.native_committed.saturating_sub(stone.unspent());
			}
			record.counters.transition(MilestoneStatus::Funded, MilestoneStatus::Achieved);
			stone.status = MilestoneStatus::Achieved;
			stone.evidence = Some(evidence.clone());
			Self::close_due(project, stone.due);
			Projects::<T>::insert(project, record);
			Milestones::<T>::insert(project, milestone, stone);
			Self::deposit_event(Event::MilestoneCompleted { project, milestone, by, evidence });
			Ok(())
		}

		/// Cancels a planned or funded milestone.
		///
		/// The project's governance. Project currency minted for it and not spent is burned
		/// from the treasury (so supply follows the plan); native budget no longer committed is
		/// released. What is in escrow stays there; if it comes back it is burned too. Emits
		/// [`Event::MilestoneCancelled`]. Fails with `ProjectNotFound`, `MilestoneNotFound`,
		/// `MilestoneClosed`, `NoCurrency`, or an asset error if the treasury lacks the
		/// unspent budget.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): burning the unspent
		/// budget writes the asset's supply and the treasury's asset account (and its provider),
		/// besides the project, the milestone and the project's sorted due blocks: six storage
		/// writes.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::cancel_milestone())]
		pub fn cancel_milestone(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin, &project)?;
			let mut record = Self::project(project)?;
			let mut stone = Self::milestone(project, milestone)?;
			let was = stone.status;
			ensure!(
				matches!(was, MilestoneStatus::Planned | MilestoneStatus::Funded),
				Error::<T>::MilestoneClosed
			);
			let unspent = stone.unspent();
			let (mut burned, mut released) = (Zero::zero(), Zero::zero());
			if was == MilestoneStatus::Funded {
				match stone.asset {
					BudgetAsset::ProjectCurrency => {
						let currency = record.currency.as_mut().ok_or(Error::<T>::NoCurrency)?;
						burned = Self::burn(currency, &Self::project_account(project), unspent)?;
					},
					BudgetAsset::Native => {
						record.counters.native_committed =
							record.counters.native_committed.saturating_sub(unspent);
						released = unspent;
					},
				}
			}

			record.counters.transition(was, MilestoneStatus::Cancelled);
			stone.status = MilestoneStatus::Cancelled;
			Self::close_due(project, stone.due);
			Projects::<T>::insert(project, record);
			Milestones::<T>::insert(project, milestone, stone);
			Self::deposit_event(Event::MilestoneCancelled { project, milestone, burned, released });
			Ok(())
		}

		/// Gives native tokens to a project's treasury.
		///
		/// Any signed account, while the project is not completed or cancelled; the caller's
		/// account is kept alive. The donation is reported to [`Config::OnDonation`] (the
		/// contributions ledger records it; it earns no reputation). Emits [`Event::Donated`].
		/// Fails with `ProjectNotFound`, `ProjectClosed`, `ZeroAmount`, or a balance error.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): the donation moves into
		/// the treasury and is recorded in the contributions ledger (totals, recent records,
		/// contributor count): six reads, four writes.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::donate())]
		pub fn donate(
			origin: OriginFor<T>,
			project: ProjectId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Self::project(project)?;
			ensure!(!record.status.is_final(), Error::<T>::ProjectClosed);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);

			T::NativeBalance::transfer(
				&who,
				&Self::project_account(project),
				amount,
				Preservation::Preserve,
			)?;
			T::OnDonation::donated(project, &who, amount);
			Self::deposit_event(Event::Donated { project, from: who, amount });
			Ok(())
		}

		/// Pauses, resumes, completes or cancels a project.
		///
		/// The project's governance. `Active <-> Paused`, and either to `Completed` or
		/// `Cancelled`, which are final. Emits [`Event::StatusChanged`]. Fails with
		/// `ProjectNotFound`, `InvalidStatusTransition`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_status())]
		pub fn set_status(
			origin: OriginFor<T>,
			project: ProjectId,
			status: ProjectStatus,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin, &project)?;
			let mut record = Self::project(project)?;
			let old = record.status;
			ensure!(old.can_become(status), Error::<T>::InvalidStatusTransition);

			record.status = status;
			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::StatusChanged { project, old, new: status });
			Ok(())
		}

		/// Changes the supply cap of the project's currency.
		///
		/// The project's governance, while the project is not completed or cancelled. The cap
		/// cannot go below what was issued and not burned. Emits [`Event::CapChanged`]. Fails
		/// with `ProjectNotFound`, `ProjectClosed`, `NoCurrency`, `ZeroCap`, `CapBelowSupply`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_cap())]
		pub fn set_cap(
			origin: OriginFor<T>,
			project: ProjectId,
			cap: BalanceOf<T>,
		) -> DispatchResult {
			let mut record = Self::governed_open_project(origin, project)?;
			let currency = record.currency.as_mut().ok_or(Error::<T>::NoCurrency)?;
			ensure!(!cap.is_zero(), Error::<T>::ZeroCap);
			ensure!(cap >= currency.outstanding(), Error::<T>::CapBelowSupply);

			let old = core::mem::replace(&mut currency.cap, cap);
			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::CapChanged { project, old, new: cap });
			Ok(())
		}

		/// Removes a completed or cancelled project and returns every deposit.
		///
		/// Any signed account, once no other pallet has open work in the project. The project's
		/// and its milestones' deposits go back to whoever paid them; project currency left in
		/// the treasury is burned; native tokens left (above what the account must keep for the
		/// asset pallet's reserves) go to [`Config::ReapBeneficiary`]. The asset itself stays, so
		/// holders keep what they earned. Emits [`Event::ProjectReaped`]. Fails with
		/// `ProjectNotFound`, `ProjectNotFinal`, `OutstandingWork`.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): it releases every
		/// milestone's deposit and empties the treasury, so its weight grows with the project's
		/// milestones, up to `MaxMilestones`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::reap_project(T::MaxMilestones::get()))]
		pub fn reap_project(
			origin: OriginFor<T>,
			project: ProjectId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut record = Self::project(project)?;
			ensure!(record.status.is_final(), Error::<T>::ProjectNotFinal);
			ensure!(T::OutstandingWork::outstanding(project) == 0, Error::<T>::OutstandingWork);

			let account = Self::project_account(project);
			let burned = match record.currency.as_mut() {
				Some(currency) => {
					let left = T::Assets::reducible_balance(
						currency.asset.clone(),
						&account,
						Preservation::Expendable,
						Fortitude::Polite,
					);
					Self::burn(currency, &account, left)?
				},
				None => Zero::zero(),
			};
			let swept = Self::native_treasury(&account);
			if !swept.is_zero() {
				T::NativeBalance::transfer(
					&account,
					&T::ReapBeneficiary::get(),
					swept,
					Preservation::Preserve,
				)?;
			}
			let milestones = record.milestone_count;
			for (_, stone) in Milestones::<T>::drain_prefix(project) {
				Self::release_deposit(&stone.depositor, stone.deposit);
			}
			Self::release_deposit(&record.depositor, record.deposit);
			OpenDues::<T>::remove(project);
			Projects::<T>::remove(project);
			Self::deposit_event(Event::ProjectReaped { project, milestones, burned, swept });
			Ok(Some(T::WeightInfo::reap_project(milestones)).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Burns `amount` of the project currency from `account`, and books it.
		pub(crate) fn burn(
			currency: &mut ProjectCurrency<T>,
			account: &T::AccountId,
			amount: BalanceOf<T>,
		) -> Result<BalanceOf<T>, DispatchError> {
			if amount.is_zero() {
				return Ok(amount);
			}
			let burned = T::Assets::burn_from(
				currency.asset.clone(),
				account,
				amount,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Polite,
			)?;
			currency.burned = currency.burned.saturating_add(burned);
			Ok(burned)
		}

		/// Releases a storage deposit; a shortfall (which the invariants rule out) is logged.
		fn release_deposit(who: &T::AccountId, amount: BalanceOf<T>) {
			let released = T::NativeBalance::release(
				&HoldReason::StorageDeposit.into(),
				who,
				amount,
				Precision::BestEffort,
			);
			if released.map_or(true, |r| r != amount) {
				log::error!(target: LOG_TARGET, "deposit of {who:?} not fully released");
			}
		}
	}
}

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::projects";
