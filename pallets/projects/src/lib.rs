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
//! holds (donations, grants). Other pallets spend budgets through
//! [`ProjectsInterface::spend`](commons_primitives::traits::ProjectsInterface::spend) (the tasks
//! pallet escrows rewards with it) and return them with
//! [`ProjectsInterface::refund`](commons_primitives::traits::ProjectsInterface::refund).
//! Cancelling a milestone burns the unspent part of what was minted for it, so the currency's
//! supply always equals what the plan still backs.
//!
//! ## Who may do what
//!
//! | call | origin |
//! | --- | --- |
//! | [`create_project`](Pallet::create_project), [`donate`](Pallet::donate), [`reap_project`](Pallet::reap_project) | any signed account |
//! | [`amend_plan`](Pallet::amend_plan), [`add_milestone`](Pallet::add_milestone) | a steward, or the project's governance |
//! | [`complete_milestone`](Pallet::complete_milestone) | a steward (a milestone whose budget is spent), or the project's governance |
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

pub use origin::EnsureProject;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use commons_primitives::FungibleBalance;
pub use commons_primitives::{
	Actor, BudgetAsset, Cid, MilestoneId, ProjectId, ProjectOrigin, ProjectStatus,
};
use polkadot_sdk::{
	frame_support::traits::{fungible, fungibles},
	frame_system,
};

/// The account id type of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// The native balance type, also the balance type of project currencies.
pub type BalanceOf<T> = FungibleBalance<<T as Config>::NativeBalance, AccountIdOf<T>>;
/// The asset id type of project currencies.
pub type AssetIdOf<T> = <<T as Config>::Assets as fungibles::Inspect<AccountIdOf<T>>>::AssetId;

// FRAME's macros expand the pallet struct, storage items and errors to code that calls `expect`
// on values that cannot be absent (metadata and storage prefixes); the lint is for our own code,
// which the rest of this crate (and review) keeps free of it.
#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use commons_primitives::traits::{OnDonation, OutstandingWork, ReapRecords};
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::{
				fungible::{Inspect as _, Mutate as _, MutateHold as _},
				fungibles::{Inspect as _, Mutate as _},
				tokens::{DepositConsequence, Fortitude, Precision, Preservation, Provenance},
				EnsureOriginWithArg,
			},
			PalletId,
		},
		frame_system::pallet_prelude::*,
		sp_runtime::{
			traits::{CheckedAdd, Convert, Saturating, Zero},
			ArithmeticError,
		},
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default configurations of this pallet, for tests: the mocks of the pallets built on this
	/// one configure it with `#[derive_impl(pallet_projects::config_preludes::TestDefaultConfig)]`
	/// and name only what depends on their runtime.
	pub mod config_preludes {
		use super::*;
		use polkadot_sdk::frame_support::{
			derive_impl, parameter_types,
			traits::{ConstU32, ConstU64, ConstU8},
		};

		/// Small bounds and deposits, in a runtime whose balance is `u64`.
		pub struct TestDefaultConfig;

		parameter_types! {
			/// The projects pallet's id in tests.
			pub const TestPalletId: PalletId = PalletId(*b"cm/prjct");
		}

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[polkadot_sdk::frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			type OutstandingWork = ();
			type ProjectRecords = ();
			type RecordsPerReap = ConstU32<16>;
			type OnDonation = ();
			type PalletId = TestPalletId;
			type ProjectDepositBase = ConstU64<100>;
			type MilestoneDepositBase = ConstU64<50>;
			type DepositPerByte = ConstU64<1>;
			type CurrencyDeposit = ConstU64<200>;
			type MinDonation = ConstU64<5>;
			type MaxNameLen = ConstU32<32>;
			type MaxStewards = ConstU32<4>;
			type MaxMilestones = ConstU32<8>;
			type MaxSymbolLen = ConstU32<8>;
			type MaxCurrencyNameLen = ConstU32<32>;
			type MaxDecimals = ConstU8<18>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching hold reason, into which this pallet's [`HoldReason`] converts.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// The native currency: deposits are held in it, donations and native budgets paid in it.
		#[pallet::no_default]
		type NativeBalance: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// Where project currencies live (`pallet-assets`). This pallet creates each project's
		/// asset with the project account as owner, and is the only one that mints it.
		#[pallet::no_default]
		type Assets: fungibles::Inspect<Self::AccountId, Balance = BalanceOf<Self>>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::Create<Self::AccountId>
			+ fungibles::metadata::Mutate<Self::AccountId>
			+ fungibles::metadata::MetadataDeposit<BalanceOf<Self>>;

		/// The asset id a project's currency gets. Must be injective; ids it yields must not be
		/// created by anyone else (in the runtime, nobody else may create assets).
		#[pallet::no_default]
		type ProjectAssetId: Convert<ProjectId, AssetIdOf<Self>>;

		/// The project's governance: who may make a project's constitutional decisions (stewards,
		/// funding, cancelling milestones, status, cap). In the runtime: a passed poll of that
		/// project ([`EnsureProject`]), or Root.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ProjectId>;

		/// Other pallets' open work in a project; a project can only be reaped when there is none.
		type OutstandingWork: OutstandingWork;

		/// What other pallets keep about a project (ledger records, a constitution): removed, a
		/// page at a time, when the project is reaped.
		type ProjectRecords: ReapRecords;

		/// The most records of other pallets one `reap_project` call removes.
		#[pallet::constant]
		type RecordsPerReap: Get<u32>;

		/// Learns of every donation (the contributions ledger).
		#[pallet::no_default_bounds]
		type OnDonation: OnDonation<Self::AccountId, BalanceOf<Self>>;

		/// Receives what is left in a project's treasury when the project is reaped, but for the
		/// founder's endowment (in the runtime: the chain's treasury).
		#[pallet::no_default]
		type ReapBeneficiary: Get<Self::AccountId>;

		/// Frees the metadata deposit the assets pallet keeps reserved in a project's treasury,
		/// so that the founder's endowment comes back at reap, while holders keep the currency's
		/// name, symbol and decimals. `()` frees nothing (the deposit then goes nowhere).
		#[pallet::no_default]
		type CurrencyMetadata: ReleaseMetadataDeposit<Self::AccountId, AssetIdOf<Self>>;

		/// Derives each project's keyless account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The fixed part of a project's storage deposit.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ProjectDepositBase: Get<BalanceOf<Self>>;

		/// The fixed part of a milestone's storage deposit.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MilestoneDepositBase: Get<BalanceOf<Self>>;

		/// The deposit per byte of stored record.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// Added to the project deposit when the project has a currency: the asset's storage.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type CurrencyDeposit: Get<BalanceOf<Self>>;

		/// The smallest donation (above zero): each donor's first donation makes the ledger keep
		/// a record of them for the project's life, which this pays for (in the runtime: the
		/// storage deposit of one contributor record).
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MinDonation: Get<BalanceOf<Self>>;

		/// The longest project name.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

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
			plan: Cid,
			deposit: BalanceOf<T>,
		},
		/// A steward, or the project's governance, replaced the plan document.
		PlanAmended {
			project: ProjectId,
			by: Actor<T::AccountId>,
			old_cid: Cid,
			old_version: u32,
			new_cid: Cid,
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
			evidence: Cid,
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
		/// of a cancelled or achieved milestone (which can no longer spend it) and was destroyed.
		BudgetRefunded {
			project: ProjectId,
			milestone: MilestoneId,
			from: T::AccountId,
			asset: BudgetAsset,
			amount: BalanceOf<T>,
			burned: bool,
		},
		/// Reaping a final project removed a page of `milestones` (returning their deposits) and
		/// of other pallets' `records` of it; more are left, for the next `reap_project` call.
		ProjectReapProgressed { project: ProjectId, milestones: u32, records: u32 },
		/// A final project was removed: deposits were returned, `burned` project currency left in
		/// its treasury destroyed, `returned` native tokens (the founder's endowment) sent back to
		/// the founder and `swept` (unspent donations) to the reap beneficiary. The treasury
		/// account is gone.
		ProjectReaped {
			project: ProjectId,
			milestones: u32,
			burned: BalanceOf<T>,
			swept: BalanceOf<T>,
			returned: BalanceOf<T>,
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
		/// A donation must be at least [`Config::MinDonation`].
		DonationBelowMinimum,
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
		/// A steward may complete only a milestone whose budget is all spent: completing one with
		/// budget left is for the project's governance (a poll), since it gives the rest up.
		UnspentBudget,
		/// The spend would leave the treasury holding less of the project currency than its
		/// minimum balance but more than none: the rest would be lost to dust. Spend all of it,
		/// or leave at least the minimum balance.
		WouldLeaveDust,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxStewards::get() >= 1, "a project needs room for its founder");
			assert!(T::MaxMilestones::get() >= 1, "a project needs room for a milestone");
			assert!(T::MaxNameLen::get() >= 1, "a project needs room for a name");
			assert!(!T::MinDonation::get().is_zero(), "a donation must give something");
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
		/// The caller becomes the project's founder and first steward. The project gets a
		/// treasury: a keyless account derived from the project's id. The caller pays a storage
		/// deposit, held until the project is reaped: [`Config::ProjectDepositBase`], plus
		/// [`Config::DepositPerByte`] for each byte of the project's record at its largest, plus
		/// [`Config::CurrencyDeposit`] if the project has a currency.
		///
		/// With `currency`, an asset of the assets pallet is created, owned by the treasury, with
		/// the given metadata. The caller also sends the treasury the existential deposit plus the
		/// asset's metadata deposit, which the assets pallet reserves there. Nothing is minted
		/// yet: the currency is minted when the project's governance funds a milestone budgeted
		/// in it, never past `cap`.
		///
		/// ## Origin
		/// Signed by any account.
		///
		/// ## Parameters
		/// - `name`: the project's name, 1 to `MaxNameLen` bytes.
		/// - `plan`: the CID of the plan document, 1 to 96 bytes (`MAX_CID_LEN`).
		/// - `currency`: the project's own currency, if it is to have one: its `symbol` (1 to
		///   `MaxSymbolLen` bytes), its `name` (at most `MaxCurrencyNameLen` bytes), its
		///   `decimals` (at most `MaxDecimals`), its supply `cap` (above zero) and its
		///   `min_balance`, the smallest balance an account may hold (above zero).
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not signed.
		/// - [`Error::EmptyName`]: `name` is empty.
		/// - [`Error::EmptyCid`]: `plan` is empty.
		/// - `ArithmeticError::Overflow`: no project id is left to assign.
		/// - [`Error::EmptySymbol`]: the currency's `symbol` is empty.
		/// - [`Error::TooManyDecimals`]: the currency's `decimals` is above `MaxDecimals`.
		/// - [`Error::ZeroCap`]: the currency's `cap` is zero.
		/// - [`Error::ZeroMinBalance`]: the currency's `min_balance` is zero.
		/// - [`Error::AssetIdInUse`]: the asset id the currency would get already exists.
		/// - A token error such as `TokenError::FundsUnavailable`: the caller cannot pay the
		///   deposit (and, with a currency, what is sent to the treasury) and keep at least the
		///   existential deposit.
		///
		/// ## Events
		/// - [`Event::ProjectCreated`].
		///
		/// ## Complexity
		/// O(1): 5 storage reads and 6 writes.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_project())]
		pub fn create_project(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLen>,
			plan: Cid,
			currency: Option<CurrencyParams<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			ensure!(!plan.is_empty(), Error::<T>::EmptyCid);
			let id = NextProjectId::<T>::get();
			let next_id = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
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
					let endowment =
						Self::create_currency(&who, &account, asset.clone(), params.clone())?;
					Some(ProjectCurrency {
						asset: asset.clone(),
						cap: params.cap,
						minted: Zero::zero(),
						burned: Zero::zero(),
						endowment,
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
					counters: MilestoneCounters::default(),
					largest_budgets: LargestBudgets::default(),
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
		/// The event records the old and the new CID and version, so the chain keeps the plan's
		/// full history.
		///
		/// ## Origin
		/// Signed by a steward of the project, or the project's governance
		/// ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `plan`: the CID of the new plan document, 1 to 96 bytes (`MAX_CID_LEN`), different
		///   from the current one.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is neither signed nor the project's governance.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::NotSteward`]: the caller is not a steward of the project.
		/// - [`Error::ProjectClosed`]: the project is completed or cancelled.
		/// - [`Error::EmptyCid`]: `plan` is empty.
		/// - [`Error::PlanUnchanged`]: `plan` is the CID of the current plan.
		/// - `ArithmeticError::Overflow`: the plan's version cannot go any higher.
		///
		/// ## Events
		/// - [`Event::PlanAmended`].
		///
		/// ## Complexity
		/// O(1): 1 storage read and 1 write.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::amend_plan())]
		pub fn amend_plan(origin: OriginFor<T>, project: ProjectId, plan: Cid) -> DispatchResult {
			let by = Self::ensure_steward_or_governance(origin, project)?;
			let mut record = Self::project(project)?;
			ensure!(!record.status.is_final(), Error::<T>::ProjectClosed);
			ensure!(!plan.is_empty(), Error::<T>::EmptyCid);
			ensure!(plan != record.plan.cid, Error::<T>::PlanUnchanged);
			let new_version =
				record.plan.version.checked_add(1).ok_or(ArithmeticError::Overflow)?;

			let old = core::mem::replace(
				&mut record.plan,
				Plan { cid: plan.clone(), version: new_version },
			);
			Projects::<T>::insert(project, record);
			Self::deposit_event(Event::PlanAmended {
				project,
				by,
				old_cid: old.cid,
				old_version: old.version,
				new_cid: plan,
				new_version,
			});
			Ok(())
		}

		/// Adds a steward to the project.
		///
		/// Stewards run the project day to day. The new steward comes after the existing ones;
		/// the founder stays first.
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `steward`: the account to make a steward.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::ProjectClosed`]: the project is completed or cancelled.
		/// - [`Error::AlreadySteward`]: `steward` is already a steward of the project.
		/// - [`Error::TooManyStewards`]: the project already has `MaxStewards` stewards.
		///
		/// ## Events
		/// - [`Event::StewardAdded`].
		///
		/// ## Complexity
		/// O(1): 1 storage read and 1 write.
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
		/// A project always keeps at least one steward. To remove the founder, first make another
		/// steward the founder with [`transfer_founder`](Pallet::transfer_founder).
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `steward`: the steward to remove.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::ProjectClosed`]: the project is completed or cancelled.
		/// - [`Error::StewardNotFound`]: `steward` is not a steward of the project.
		/// - [`Error::LastSteward`]: `steward` is the project's only steward.
		/// - [`Error::CannotRemoveFounder`]: `steward` is the founder.
		///
		/// ## Events
		/// - [`Event::StewardRemoved`].
		///
		/// ## Complexity
		/// O(1): 1 storage read and 1 write.
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

		/// Makes another steward the founder.
		///
		/// The founder is the first steward. `new_founder` moves to the front, the old founder
		/// becomes the second steward, and the other stewards keep their order.
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `new_founder`: the steward to make the founder.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::ProjectClosed`]: the project is completed or cancelled.
		/// - [`Error::StewardNotFound`]: `new_founder` is not a steward of the project.
		/// - [`Error::AlreadyFounder`]: `new_founder` is already the founder.
		///
		/// ## Events
		/// - [`Event::FounderTransferred`].
		///
		/// ## Complexity
		/// O(1): 1 storage read and 1 write.
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
		/// The milestone starts `Planned`, with no money behind it, until the project's
		/// governance funds it with [`fund_milestone`](Pallet::fund_milestone). Its id is the
		/// number of milestones the project had before. The due block is informational: overdue
		/// milestones are reported, not punished.
		///
		/// The caller pays a storage deposit, held until the project is reaped:
		/// [`Config::MilestoneDepositBase`], plus [`Config::DepositPerByte`] for each byte of the
		/// milestone's record at its largest. When the project's governance adds the milestone,
		/// the project's treasury pays it, from native tokens no funded milestone is promised.
		///
		/// ## Origin
		/// Signed by a steward of the project, or the project's governance
		/// ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `title`: the CID of the milestone's description, 1 to 96 bytes (`MAX_CID_LEN`).
		/// - `asset`: what the budget is paid in: `Native` tokens from the treasury, or
		///   `ProjectCurrency`, minted when the milestone is funded.
		/// - `budget`: the budget, above zero.
		/// - `due`: the block the milestone is due by, after the current block.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is neither signed nor the project's governance.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::NotSteward`]: the caller is not a steward of the project.
		/// - [`Error::ProjectClosed`]: the project is completed or cancelled.
		/// - [`Error::EmptyCid`]: `title` is empty.
		/// - [`Error::ZeroBudget`]: `budget` is zero.
		/// - [`Error::DueInPast`]: `due` is not after the current block.
		/// - [`Error::NoCurrency`]: `asset` is `ProjectCurrency` and the project has no currency.
		/// - [`Error::TooManyMilestones`]: the project already has `MaxMilestones` open
		///   (planned or funded) milestones; achieved and cancelled ones do not count.
		/// - [`Error::InsufficientTreasury`]: the project's governance added it, and the treasury
		///   cannot pay the deposit from native tokens no funded milestone is promised.
		/// - A token error such as `TokenError::FundsUnavailable`: the caller cannot pay the
		///   deposit and keep at least the existential deposit.
		///
		/// ## Events
		/// - [`Event::MilestoneAdded`].
		///
		/// ## Complexity
		/// O(1): 4 storage reads and 5 writes.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_milestone())]
		pub fn add_milestone(
			origin: OriginFor<T>,
			project: ProjectId,
			title: Cid,
			asset: BudgetAsset,
			budget: BalanceOf<T>,
			due: BlockNumberFor<T>,
		) -> DispatchResult {
			let by = Self::ensure_steward_or_governance(origin, project)?;
			let mut record = Self::project(project)?;
			ensure!(!record.status.is_final(), Error::<T>::ProjectClosed);
			ensure!(!title.is_empty(), Error::<T>::EmptyCid);
			ensure!(!budget.is_zero(), Error::<T>::ZeroBudget);
			ensure!(due > frame_system::Pallet::<T>::block_number(), Error::<T>::DueInPast);
			if asset == BudgetAsset::ProjectCurrency {
				ensure!(record.currency.is_some(), Error::<T>::NoCurrency);
			}
			// Only open milestones count: achieved and cancelled ones never block planning.
			let open = record.counters.planned.saturating_add(record.counters.funded);
			ensure!(open < T::MaxMilestones::get(), Error::<T>::TooManyMilestones);
			let id = record.milestone_count;
			let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let planned =
				record.counters.planned.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let deposit = Self::milestone_deposit(title.len());
			// The project's governance pays from its treasury, never from native tokens a funded
			// milestone was promised.
			let who = match by {
				Actor::Steward(who) => who,
				Actor::Governance => {
					let account = Self::project_account(project);
					let free = Self::native_treasury(&account)
						.saturating_sub(record.counters.native_committed);
					ensure!(free >= deposit, Error::<T>::InsufficientTreasury);
					account
				},
			};

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

		/// Funds a planned milestone, so that its budget may be spent.
		///
		/// A budget in the project currency is minted into the project's treasury; the
		/// currency's supply (what was minted and not burned) never goes past its cap. A budget
		/// in native tokens is committed from what the treasury already holds (donations,
		/// grants): the treasury must be able to pay it, on top of every budget already
		/// committed, and still keep its existential deposit. The milestone becomes `Funded` and
		/// its budget may be spent on tasks.
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `milestone`: the milestone's id in the project.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::ProjectClosed`]: the project is completed or cancelled.
		/// - [`Error::MilestoneNotFound`]: the project has no milestone with this id.
		/// - [`Error::MilestoneNotPlanned`]: the milestone is already funded, achieved or
		///   cancelled.
		/// - [`Error::CapExceeded`]: minting the budget would take the currency's supply past its
		///   cap.
		/// - [`Error::InsufficientTreasury`]: the treasury does not hold enough native tokens for
		///   the budget on top of what is already committed.
		/// - `ArithmeticError::Overflow`: the total minted or committed would overflow.
		/// - `TokenError::BelowMinimum`: the treasury holds none of the currency and the budget
		///   is below the currency's `min_balance`.
		///
		/// ## Events
		/// - [`Event::MilestoneFunded`].
		///
		/// ## Complexity
		/// O(1): 5 storage reads and 5 writes.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::fund_milestone())]
		pub fn fund_milestone(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
		) -> DispatchResult {
			let mut record = Self::governed_open_project(origin, project)?;
			let mut milestone_record = Self::milestone(project, milestone)?;
			ensure!(
				milestone_record.status == MilestoneStatus::Planned,
				Error::<T>::MilestoneNotPlanned
			);
			let account = Self::project_account(project);
			let minted = match milestone_record.asset {
				BudgetAsset::ProjectCurrency => {
					let currency = record.currency.as_mut().ok_or(Error::<T>::NoCurrency)?;
					let supply = currency
						.outstanding()
						.checked_add(&milestone_record.budget)
						.ok_or(Error::<T>::CapExceeded)?;
					ensure!(supply <= currency.cap, Error::<T>::CapExceeded);
					currency.minted = currency
						.minted
						.checked_add(&milestone_record.budget)
						.ok_or(ArithmeticError::Overflow)?;
					T::Assets::mint_into(
						currency.asset.clone(),
						&account,
						milestone_record.budget,
					)?;
					true
				},
				BudgetAsset::Native => {
					let committed = record
						.counters
						.native_committed
						.checked_add(&milestone_record.budget)
						.ok_or(ArithmeticError::Overflow)?;
					ensure!(
						Self::native_treasury(&account) >= committed,
						Error::<T>::InsufficientTreasury
					);
					record.counters.native_committed = committed;
					false
				},
			};

			record.counters.transition(MilestoneStatus::Planned, MilestoneStatus::Funded);
			record.largest_budgets.note(milestone_record.asset, milestone_record.budget);
			milestone_record.status = MilestoneStatus::Funded;
			let (asset, budget) = (milestone_record.asset, milestone_record.budget);
			Projects::<T>::insert(project, record);
			Milestones::<T>::insert(project, milestone, milestone_record);
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
		/// A steward may complete a milestone whose budget is all spent. One with budget left
		/// is the community's to close, since completing it gives up money a poll voted for:
		/// the project's governance completes it, which burns the unspent project currency (the
		/// supply follows the plan) or uncommits the unspent native budget, so it may fund other
		/// milestones. Project currency that comes back to an achieved milestone later (a task
		/// cancelled) is burned too. The milestone no longer counts as overdue.
		///
		/// ## Origin
		/// Signed by a steward of the project, or the project's governance
		/// ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `milestone`: the milestone's id in the project.
		/// - `evidence`: the CID of the evidence that the milestone was achieved, 1 to 96 bytes
		///   (`MAX_CID_LEN`).
		///
		/// ## Errors
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - `BadOrigin`: the origin is neither signed nor the project's governance.
		/// - [`Error::NotSteward`]: the caller is not a steward of the project.
		/// - [`Error::ProjectClosed`]: the project is completed or cancelled.
		/// - [`Error::MilestoneNotFound`]: the project has no milestone with this id.
		/// - [`Error::MilestoneNotFunded`]: the milestone is not funded (it is planned, achieved
		///   or cancelled).
		/// - [`Error::EmptyCid`]: `evidence` is empty.
		/// - [`Error::UnspentBudget`]: a steward tried to complete a milestone with budget left.
		///
		/// ## Events
		/// - [`Event::MilestoneCompleted`].
		///
		/// ## Complexity
		/// O(1): 3 storage reads and 3 writes.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::complete_milestone())]
		pub fn complete_milestone(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
			evidence: Cid,
		) -> DispatchResult {
			let mut record = Self::project(project)?;
			let by = Self::ensure_steward_or_governance(origin, project)?;
			ensure!(!record.status.is_final(), Error::<T>::ProjectClosed);
			let mut milestone_record = Self::milestone(project, milestone)?;
			ensure!(
				milestone_record.status == MilestoneStatus::Funded,
				Error::<T>::MilestoneNotFunded
			);
			ensure!(!evidence.is_empty(), Error::<T>::EmptyCid);
			let unspent = milestone_record.unspent();
			ensure!(unspent.is_zero() || by == Actor::Governance, Error::<T>::UnspentBudget);

			// What the milestone did not spend goes back to the plan: project currency minted
			// for it is burned (the supply follows the plan), native tokens are uncommitted.
			match milestone_record.asset {
				BudgetAsset::Native => {
					record.counters.native_committed =
						record.counters.native_committed.saturating_sub(unspent);
				},
				BudgetAsset::ProjectCurrency => {
					let currency = record.currency.as_mut().ok_or(Error::<T>::NoCurrency)?;
					Self::burn(currency, &Self::project_account(project), unspent)?;
				},
			}
			record.counters.transition(MilestoneStatus::Funded, MilestoneStatus::Achieved);
			milestone_record.status = MilestoneStatus::Achieved;
			milestone_record.evidence = Some(evidence.clone());
			Self::close_due(project, milestone_record.due);
			Projects::<T>::insert(project, record);
			Milestones::<T>::insert(project, milestone, milestone_record);
			Self::deposit_event(Event::MilestoneCompleted { project, milestone, by, evidence });
			Ok(())
		}

		/// Cancels a planned or funded milestone.
		///
		/// For a milestone funded in the project currency, what was minted for it and not spent
		/// is burned from the treasury, so the supply follows the plan. For one funded in native
		/// tokens, the unspent budget is no longer committed. Budget already paid out (to a task
		/// escrow) stays there; project currency that comes back later is burned too. The
		/// milestone's deposit stays held until the project is reaped. A milestone can be
		/// cancelled whatever the project's status, even once the project is completed or
		/// cancelled.
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `milestone`: the milestone's id in the project.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::MilestoneNotFound`]: the project has no milestone with this id.
		/// - [`Error::MilestoneClosed`]: the milestone is already achieved or cancelled.
		/// - `TokenError::FundsUnavailable`: the treasury cannot give up the unspent project
		///   currency to be burned.
		///
		/// ## Events
		/// - [`Event::MilestoneCancelled`].
		///
		/// ## Complexity
		/// O(1): 6 storage reads and 6 writes.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::cancel_milestone())]
		pub fn cancel_milestone(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin, &project)?;
			let mut record = Self::project(project)?;
			let mut milestone_record = Self::milestone(project, milestone)?;
			let was = milestone_record.status;
			ensure!(
				matches!(was, MilestoneStatus::Planned | MilestoneStatus::Funded),
				Error::<T>::MilestoneClosed
			);
			let unspent = milestone_record.unspent();
			let (mut burned, mut released) = (Zero::zero(), Zero::zero());
			if was == MilestoneStatus::Funded {
				match milestone_record.asset {
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
			milestone_record.status = MilestoneStatus::Cancelled;
			Self::close_due(project, milestone_record.due);
			Projects::<T>::insert(project, record);
			Milestones::<T>::insert(project, milestone, milestone_record);
			Self::deposit_event(Event::MilestoneCancelled { project, milestone, burned, released });
			Ok(())
		}

		/// Gives native tokens to a project's treasury.
		///
		/// The tokens move from the caller to the treasury; the caller's account is kept alive.
		/// The donation is reported to [`Config::OnDonation`] (the contributions ledger records
		/// it); it earns no reputation. A donation cannot be taken back: the project's governance
		/// commits it to milestones budgeted in native tokens, and what is left when the project
		/// is reaped goes to [`Config::ReapBeneficiary`].
		///
		/// ## Origin
		/// Signed by any account.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `amount`: how much to give, at least [`Config::MinDonation`].
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not signed.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::ProjectClosed`]: the project is completed or cancelled.
		/// - [`Error::DonationBelowMinimum`]: `amount` is below [`Config::MinDonation`].
		/// - `TokenError::FundsUnavailable`: the caller's free balance is below `amount`.
		/// - `TokenError::Frozen`: part of `amount` is locked or frozen in the caller's account.
		/// - `TokenError::NotExpendable` or `TokenError::OnlyProvider`: the donation would leave
		///   the caller's account below the existential deposit.
		/// - `TokenError::BelowMinimum`: the treasury's free balance would still be below the
		///   existential deposit.
		///
		/// ## Events
		/// - [`Event::Donated`].
		///
		/// ## Complexity
		/// O(1): 6 storage reads and 4 writes, counting those of the contributions ledger.
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
			ensure!(
				!amount.is_zero() && amount >= T::MinDonation::get(),
				Error::<T>::DonationBelowMinimum
			);

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
		/// An active project can be paused, and a paused one resumed; either can be completed or
		/// cancelled, and those two statuses are final. While a project is paused, no new tasks
		/// are posted and no budget is spent. A completed or cancelled project refuses most
		/// changes ([`Error::ProjectClosed`]), and can be removed with
		/// [`reap_project`](Pallet::reap_project) once no other pallet has open work in it.
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `status`: the new status: `Active`, `Paused`, `Completed` or `Cancelled`.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::InvalidStatusTransition`]: the project cannot go from its status to
		///   `status` (it already has that status, or its status is final).
		///
		/// ## Events
		/// - [`Event::StatusChanged`].
		///
		/// ## Complexity
		/// O(1): 1 storage read and 1 write.
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
		/// Funding milestones never mints past the cap. The new cap cannot be below the
		/// currency's supply: what was minted and not burned.
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `cap`: the new cap, above zero and at least the currency's supply.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::ProjectClosed`]: the project is completed or cancelled.
		/// - [`Error::NoCurrency`]: the project has no currency.
		/// - [`Error::ZeroCap`]: `cap` is zero.
		/// - [`Error::CapBelowSupply`]: `cap` is below the currency's supply.
		///
		/// ## Events
		/// - [`Event::CapChanged`].
		///
		/// ## Complexity
		/// O(1): 1 storage read and 1 write.
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
		/// The project's deposit and each milestone's deposit go back to whoever paid them, and
		/// what other pallets keep about the project is removed ([`Config::ProjectRecords`]:
		/// its contributors' records, recognitions, constitution).
		/// Project currency left in the treasury is burned; the asset itself stays, with its
		/// name and symbol, so holders keep what they earned. The founder's endowment of the
		/// treasury (the existential deposit and the asset metadata deposit sent at creation)
		/// goes back to the founder; native tokens donated and not spent go to
		/// [`Config::ReapBeneficiary`] (to the founder as well, if they are too few to open the
		/// beneficiary's account). The treasury account is emptied and closed. The project and
		/// its milestones are removed for good; the project's id is never reused.
		///
		/// ## Origin
		/// Signed by any account.
		///
		/// ## Parameters
		/// - `project`: the project.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not signed.
		/// - [`Error::ProjectNotFound`]: no project has this id.
		/// - [`Error::ProjectNotFinal`]: the project is neither completed nor cancelled.
		/// - [`Error::OutstandingWork`]: other pallets still have open work in the project
		///   (tasks in escrow, running polls).
		///
		/// ## Events
		/// - [`Event::ProjectReaped`].
		///
		/// ## Complexity
		/// O(m + r) in the milestones and other pallets' records removed, at most
		/// `MaxMilestones` and `RecordsPerReap` per call: 10 + 3m storage reads and 8 + 3m
		/// writes, plus about one read and one write per record. A project with more of them is
		/// reaped in as many calls as it takes ([`Event::ProjectReapProgressed`] until the last).
		#[pallet::call_index(12)]
		#[pallet::weight(
			T::WeightInfo::reap_project(T::MaxMilestones::get())
				.saturating_add(T::ProjectRecords::reap_records_weight(T::RecordsPerReap::get()))
		)]
		pub fn reap_project(
			origin: OriginFor<T>,
			project: ProjectId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut record = Self::project(project)?;
			ensure!(record.status.is_final(), Error::<T>::ProjectNotFinal);
			ensure!(T::OutstandingWork::outstanding(project) == 0, Error::<T>::OutstandingWork);

			// A page of milestones at a time: a long-lived project has had any number of them.
			let page = T::MaxMilestones::get();
			let mut removed = 0u32;
			let mut milestones = Milestones::<T>::drain_prefix(project);
			while removed < page {
				let Some((_, milestone_record)) = milestones.next() else { break };
				Self::release_deposit(&milestone_record.depositor, milestone_record.deposit);
				removed = removed.saturating_add(1);
			}
			drop(milestones);
			let mut records = 0;
			let mut done = Milestones::<T>::iter_key_prefix(project).next().is_none();
			if done {
				// Then what the other pallets keep about the project.
				let limit = T::RecordsPerReap::get();
				records = T::ProjectRecords::reap_records(project, limit);
				done = records < limit;
			}
			let weight = T::WeightInfo::reap_project(removed)
				.saturating_add(T::ProjectRecords::reap_records_weight(records));
			if !done {
				Self::deposit_event(Event::ProjectReapProgressed {
					project,
					milestones: removed,
					records,
				});
				return Ok(Some(weight).into());
			}

			let account = Self::project_account(project);
			let (burned, endowment) = match record.currency.as_mut() {
				Some(currency) => {
					let left = T::Assets::reducible_balance(
						currency.asset.clone(),
						&account,
						Preservation::Expendable,
						Fortitude::Polite,
					);
					let burned = Self::burn(currency, &account, left)?;
					T::CurrencyMetadata::release(currency.asset.clone(), &account)?;
					(burned, currency.endowment)
				},
				None => (Zero::zero(), Zero::zero()),
			};
			// The founder gets back what opened the treasury; donations left unspent go to the
			// beneficiary (to the founder too when they are too few to open its account).
			let free = T::NativeBalance::reducible_balance(
				&account,
				Preservation::Expendable,
				Fortitude::Polite,
			);
			let mut returned = endowment.min(free);
			let mut swept = free.saturating_sub(returned);
			let beneficiary = T::ReapBeneficiary::get();
			if !swept.is_zero()
				&& T::NativeBalance::can_deposit(&beneficiary, swept, Provenance::Extant)
					!= DepositConsequence::Success
			{
				returned = free;
				swept = Zero::zero();
			}
			if !swept.is_zero() {
				T::NativeBalance::transfer(
					&account,
					&beneficiary,
					swept,
					Preservation::Expendable,
				)?;
			}
			if !returned.is_zero() {
				T::NativeBalance::transfer(
					&account,
					&record.depositor,
					returned,
					Preservation::Expendable,
				)?;
			}
			let milestones = record.milestone_count;
			Self::release_deposit(&record.depositor, record.deposit);
			OpenDues::<T>::remove(project);
			Projects::<T>::remove(project);
			Self::deposit_event(Event::ProjectReaped {
				project,
				milestones,
				burned,
				swept,
				returned,
			});
			Ok(Some(weight).into())
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

		/// Releases a storage deposit this pallet holds.
		fn release_deposit(who: &T::AccountId, amount: BalanceOf<T>) {
			commons_primitives::release_hold::<_, T::NativeBalance>(
				&HoldReason::StorageDeposit.into(),
				who,
				amount,
			);
		}
	}
}

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::projects";
