//! # Contributions (work in progress: ledger, decaying reputation, leaderboard)
//!
//! Every accepted task, review and donation in a project is a **contribution record**: who,
//! project, kind, value, evidence, block. The ledger keeps per (project, account) totals by kind
//! and the most recent records; events carry every record in full for indexers.
//!
//! **Reputation** per (project, account) is earned only from peer-accepted work (accepted
//! tasks, reviews), never from money alone, cannot be transferred, and decays with the project's
//! half-life. It is stored as a score and the block it was last updated, and decayed on read in
//! O(1) ([`decay::decay`]): no per-block work. Each project keeps a bounded leaderboard,
//! maintained on write: all scores of a project decay at the same rate, so the order of the
//! accounts on it only changes when one of them earns.
#![cfg_attr(not(feature = "std"), no_std)]
#![warn(clippy::arithmetic_side_effects)]

extern crate alloc;

pub mod decay;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use pallet_projects::{Actor, MilestoneId, ProjectId, ProjectsInterface};
	use polkadot_sdk::{
		frame_support::{pallet_prelude::*, traits::EnsureOriginWithArg},
		frame_system::{self, pallet_prelude::*},
		sp_runtime::{
			traits::{CheckedAdd, CheckedDiv, One, Saturating, Zero},
			SaturatedConversion,
		},
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The balance type of contribution values (rewards, donations, bonuses).
		type Balance: polkadot_sdk::frame_support::traits::tokens::Balance;

		/// The projects: stewards, and milestone budgets that recognition bonuses are paid from.
		type Projects: ProjectsInterface<Self::AccountId, Balance = Self::Balance>;

		/// The project's governance: sets its half-life and recognition budget, and recognises.
		type GovernanceOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ProjectId>;

		/// The length of a recognition budget period, in blocks.
		#[pallet::constant]
		type RecognitionPeriod: Get<BlockNumberFor<Self>>;

		/// The most reputation one recognition may add.
		#[pallet::constant]
		type MaxRecognitionBoost: Get<u128>;

		/// A project's reputation half-life unless its governance sets another, in blocks.
		#[pallet::constant]
		type DefaultHalfLife: Get<BlockNumberFor<Self>>;

		/// Reputation earned by an accepted task.
		#[pallet::constant]
		type TaskReputation: Get<u128>;

		/// Reputation earned by a review.
		#[pallet::constant]
		type ReviewReputation: Get<u128>;

		/// The longest evidence CID a record keeps.
		#[pallet::constant]
		type MaxCidLen: Get<u32>;

		/// How many recent records are kept on-chain per (project, account).
		#[pallet::constant]
		type MaxRecent: Get<u32>;

		/// How many accounts a project's leaderboard holds.
		#[pallet::constant]
		type MaxLeaderboard: Get<u32>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates funded projects for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: pallet_projects::BenchmarkHelper<Self::AccountId, Self::Balance>;
	}

	/// Totals by kind per (project, account).
	#[pallet::storage]
	pub type Totals<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		ContributorTotals<T::Balance>,
		ValueQuery,
	>;

	/// The most recent records per (project, account), oldest first.
	#[pallet::storage]
	pub type Recent<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<ContributionRecord<T>, T::MaxRecent>,
		ValueQuery,
	>;

	/// Reputation per (project, account), as of the block it was last updated.
	#[pallet::storage]
	pub type Reputations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		Reputation<BlockNumberFor<T>>,
		ValueQuery,
	>;

	/// A project's half-life, where its governance set one.
	#[pallet::storage]
	pub type HalfLives<T: Config> = StorageMap<_, Blake2_128Concat, ProjectId, BlockNumberFor<T>>;

	/// Each project's top contributors by reputation (unsorted; sorted on read).
	#[pallet::storage]
	pub type Leaderboard<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		ProjectId,
		BoundedVec<T::AccountId, T::MaxLeaderboard>,
		ValueQuery,
	>;

	/// How much each project may pay in recognition bonuses per period (zero unless its
	/// governance sets it).
	#[pallet::storage]
	pub type RecognitionBudgets<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, T::Balance, ValueQuery>;

	/// What each project paid in recognition bonuses, and in which period (reset lazily when a
	/// new period starts).
	#[pallet::storage]
	pub type RecognitionSpent<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, (u32, T::Balance), ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A contribution was recorded (the whole record, for indexers); `reputation` is the
		/// contributor's reputation in the project after it.
		Contributed {
			project: ProjectId,
			who: T::AccountId,
			kind: ContributionKind,
			value: T::Balance,
			evidence: BoundedVec<u8, T::MaxCidLen>,
			block: BlockNumberFor<T>,
			reputation: u128,
		},
		/// Exceptional work was recognised: `amount` paid from the milestone's budget, `boost`
		/// added to the contributor's reputation.
		Recognized {
			project: ProjectId,
			milestone: MilestoneId,
			who: T::AccountId,
			by: Actor<T::AccountId>,
			amount: T::Balance,
			boost: u128,
			reason: BoundedVec<u8, T::MaxCidLen>,
		},
		/// The project's governance set its reputation half-life.
		HalfLifeSet { project: ProjectId, half_life: BlockNumberFor<T> },
		/// The project's governance set its recognition budget per period.
		RecognitionBudgetSet { project: ProjectId, budget: T::Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is neither a steward of the project nor its governance.
		NotSteward,
		/// A recognition needs a reason (a CID).
		EmptyCid,
		/// The boost is above `MaxRecognitionBoost`.
		BoostTooHigh,
		/// The bonus would take the project past its recognition budget for this period.
		RecognitionBudgetExceeded,
		/// A half-life of zero blocks would erase reputation at once.
		ZeroHalfLife,
		/// A sum would overflow.
		Overflow,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Recognises exceptional work: a bonus, a reputation boost and a permanent record.
		///
		/// A steward of the project, or its governance. The bonus (may be zero) is paid from a
		/// funded milestone's budget (in its asset) to `who`, within the project's recognition
		/// budget for the current period; the boost (at most `MaxRecognitionBoost`) is added to
		/// `who`'s reputation; the recognition is recorded with its reason. Emits
		/// [`Event::Recognized`] and [`Event::Contributed`]. Fails with `NotSteward`,
		/// `EmptyCid`, `BoostTooHigh`, `RecognitionBudgetExceeded`, `Overflow`, or the projects
		/// pallet's error when the milestone cannot pay.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::recognize())]
		pub fn recognize(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
			who: T::AccountId,
			amount: T::Balance,
			boost: u128,
			reason: BoundedVec<u8, T::MaxCidLen>,
		) -> DispatchResult {
			let by = Self::ensure_steward_or_governance(origin, project)?;
			ensure!(!reason.is_empty(), Error::<T>::EmptyCid);
			ensure!(boost <= T::MaxRecognitionBoost::get(), Error::<T>::BoostTooHigh);
			let period = Self::recognition_period();
			let (last, spent) = RecognitionSpent::<T>::get(project);
			let spent = if last == period { spent } else { Zero::zero() };
			let spent = spent.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			ensure!(
				spent <= RecognitionBudgets::<T>::get(project),
				Error::<T>::RecognitionBudgetExceeded
			);

			if !amount.is_zero() {
				T::Projects::spend(project, milestone, &who, amount)?;
			}
			RecognitionSpent::<T>::insert(project, (period, spent));
			Self::record(project, &who, ContributionKind::Recognition, amount, &reason, boost);
			Self::deposit_event(Event::Recognized {
				project,
				milestone,
				who,
				by,
				amount,
				boost,
				reason,
			});
			Ok(())
		}

		/// Sets the project's reputation half-life, in blocks.
		///
		/// The project's governance. Scores decay from their last update with the half-life in
		/// force when they are read. Emits [`Event::HalfLifeSet`]. Fails with `ZeroHalfLife`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_half_life())]
		pub fn set_half_life(
			origin: OriginFor<T>,
			project: ProjectId,
			half_life: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin, &project)?;
			ensure!(!half_life.is_zero(), Error::<T>::ZeroHalfLife);
			HalfLives::<T>::insert(project, half_life);
			Self::deposit_event(Event::HalfLifeSet { project, half_life });
			Ok(())
		}

		/// Sets how much the project may pay in recognition bonuses per period.
		///
		/// The project's governance. Emits [`Event::RecognitionBudgetSet`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_recognition_budget())]
		pub fn set_recognition_budget(
			origin: OriginFor<T>,
			project: ProjectId,
			budget: T::Balance,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin, &project)?;
			RecognitionBudgets::<T>::insert(project, budget);
			Self::deposit_event(Event::RecognitionBudgetSet { project, budget });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// A steward of `project` by a signed call, or the project's governance origin.
		fn ensure_steward_or_governance(
			origin: OriginFor<T>,
			project: ProjectId,
		) -> Result<Actor<T::AccountId>, DispatchError> {
			pallet_projects::ensure_steward_or_governance::<_, _, T::GovernanceOrigin>(
				origin,
				project,
				|who| T::Projects::is_steward(project, who),
				Error::<T>::NotSteward,
			)
		}

		/// The index of the current recognition period.
		fn recognition_period() -> u32 {
			let now = frame_system::Pallet::<T>::block_number();
			let period = T::RecognitionPeriod::get().max(One::one());
			now.checked_div(&period).unwrap_or_default().saturated_into()
		}

		/// The project's half-life in blocks.
		pub fn half_life(project: ProjectId) -> BlockNumberFor<T> {
			HalfLives::<T>::get(project).unwrap_or_else(T::DefaultHalfLife::get)
		}

		/// `who`'s reputation in `project` now, decayed since its last update.
		pub fn reputation(project: ProjectId, who: &T::AccountId) -> u128 {
			let now = frame_system::Pallet::<T>::block_number();
			Self::decayed(project, Reputations::<T>::get(project, who), now)
		}

		fn decayed(
			project: ProjectId,
			stored: Reputation<BlockNumberFor<T>>,
			now: BlockNumberFor<T>,
		) -> u128 {
			let elapsed: u64 = now.saturating_sub(stored.updated).saturated_into();
			let half_life: u64 = Self::half_life(project).saturated_into();
			decay::decay(stored.score, elapsed, half_life)
		}

		/// Records a contribution and adds `earned` reputation.
		pub fn record(
			project: ProjectId,
			who: &T::AccountId,
			kind: ContributionKind,
			value: T::Balance,
			evidence: &[u8],
			earned: u128,
		) {
			let now = frame_system::Pallet::<T>::block_number();
			let evidence = BoundedVec::truncate_from(evidence.to_vec());
			let record = ContributionRecord { kind, value, evidence: evidence.clone(), block: now };
			Totals::<T>::mutate(project, who, |totals| totals.add(kind, value));
			Recent::<T>::mutate(project, who, |recent| {
				if recent.is_full() && !recent.is_empty() {
					recent.remove(0);
				}
				// Cannot fail: there is room now (a bound of zero keeps nothing).
				let _ = recent.try_push(record);
			});
			let reputation = if earned > 0 {
				let score = Self::reputation(project, who).saturating_add(earned);
				Reputations::<T>::insert(project, who, Reputation { score, updated: now });
				Self::rank(project, who, score, now);
				score
			} else {
				Self::reputation(project, who)
			};
			Self::deposit_event(Event::Contributed {
				project,
				who: who.clone(),
				kind,
				value,
				evidence,
				block: now,
				reputation,
			});
		}

		/// Keeps `who` on the leaderboard if their new `score` earns it a place.
		fn rank(project: ProjectId, who: &T::AccountId, score: u128, now: BlockNumberFor<T>) {
			Leaderboard::<T>::mutate(project, |board| {
				if board.contains(who) {
					return;
				}
				if board.try_push(who.clone()).is_ok() {
					return;
				}
				// Full: replace the lowest, if lower than `score`.
				let lowest = board
					.iter()
					.enumerate()
					.map(|(i, a)| {
						(i, Self::decayed(project, Reputations::<T>::get(project, a), now))
					})
					.min_by_key(|(_, s)| *s);
				if let Some((i, lowest)) = lowest {
					if lowest < score {
						if let Some(slot) = board.get_mut(i) {
							*slot = who.clone();
						}
					}
				}
			});
		}

		/// What `project` knows of `who`: totals by kind and reputation now.
		pub fn contributor(
			project: ProjectId,
			who: &T::AccountId,
		) -> runtime_api::ContributorInfo<T::Balance> {
			runtime_api::ContributorInfo {
				totals: Totals::<T>::get(project, who),
				reputation: Self::reputation(project, who),
			}
		}

		/// Up to `n` top contributors of `project` with their reputation now, highest first.
		pub fn top_contributors(
			project: ProjectId,
			n: u32,
		) -> alloc::vec::Vec<(T::AccountId, u128)> {
			let mut top: alloc::vec::Vec<_> = Leaderboard::<T>::get(project)
				.into_iter()
				.map(|who| {
					let score = Self::reputation(project, &who);
					(who, score)
				})
				.collect();
			top.sort_by_key(|(_, score)| core::cmp::Reverse(*score));
			top.truncate(n as usize);
			top
		}
	}
}
