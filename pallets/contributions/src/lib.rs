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
pub mod types;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;

#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use pallet_projects::ProjectId;
	use polkadot_sdk::{
		frame_support::pallet_prelude::*,
		frame_system::{self, pallet_prelude::*},
		sp_runtime::{traits::Saturating, SaturatedConversion},
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The balance type of contribution values (rewards, donations).
		type Balance: Parameter + MaxEncodedLen + Copy + Default + Saturating + Ord;

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
	}

	impl<T: Config> Pallet<T> {
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
