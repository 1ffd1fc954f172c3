//! # Contributions
//!
//! Every accepted task, review, donation, recognition and attested piece of work in a project is
//! a **contribution record**: who, project, kind, value, evidence, block. The ledger keeps per
//! (project, account) totals by kind and the most recent records; events carry every record in
//! full for indexers; recognitions are also kept permanently.
//!
//! **Reputation** per (project, account) is earned only from peer-accepted work (accepted tasks,
//! reviews, recognitions, endorsed claims), never from money alone, cannot be transferred, and
//! decays with the project's half-life. It is stored as a score, the block it was last updated
//! and the half-life then in force, and decayed on read in O(1) ([`decay::decay`]): no per-block
//! work.
//!
//! **Membership.** An account whose reputation is at least [`Config::MemberThreshold`] — or a
//! steward — is a member of the project (quadratic voting's electorate,
//! [`ProjectMembership`]). Since a score only decays until it is next earned, the block where a
//! member's reputation falls below the threshold is known when it is earned ([`decay::lasts`]);
//! each project keeps its members sorted by that block ([`Standings`]), so counting the members
//! now is a binary search and no membership needs a per-block check.
//! At most [`Config::MaxMembers`] accounts hold a standing: when it is full, a newcomer displaces
//! the member whose standing ends first, if the newcomer's lasts longer.
//!
//! **Recognition.** A steward or the project's governance recognises exceptional work: a bonus
//! paid from a funded milestone's budget, within a per-period recognition budget that the
//! project's governance sets, a reputation boost, and a permanent [`Recognitions`] record.
//!
//! **Attested contributions.** A member claims work done outside tasks (evidence CID, a suggested
//! value) with a held deposit; when [`Config::RequiredEndorsements`] other members with standing
//! endorse it within [`Config::EndorsementWindow`], it is recorded and earns
//! [`Config::AttestedReputation`], and the deposit returns. A claim that was not endorsed in time
//! lapses: anyone may clear it, and the deposit returns to the claimant.
//!
//! ## Who may do what
//!
//! | call | origin |
//! | --- | --- |
//! | [`recognize`](Pallet::recognize) | a steward of the project, or its governance |
//! | [`set_half_life`](Pallet::set_half_life), [`set_recognition_budget`](Pallet::set_recognition_budget) | the project's governance |
//! | [`claim_contribution`](Pallet::claim_contribution) | a member of the project |
//! | [`endorse`](Pallet::endorse) | a member with standing (earned reputation), not the claimant |
//! | [`clear_lapsed`](Pallet::clear_lapsed) | any signed account, after the endorsement window |
//!
//! Tasks report payouts and reviews through [`pallet_tasks::TaskLedger`], projects report
//! donations through [`pallet_projects::OnDonation`]; both are implemented here.
#![cfg_attr(not(feature = "std"), no_std)]
#![warn(clippy::arithmetic_side_effects)]

extern crate alloc;

pub mod decay;
mod impls;
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
		frame_support::{
			pallet_prelude::*,
			traits::{fungible, tokens::Precision, EnsureOriginWithArg},
		},
		frame_system::{self, pallet_prelude::*},
		sp_runtime::traits::{CheckedAdd, Zero},
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The native token: claim deposits.
		type NativeBalance: fungible::Inspect<Self::AccountId, Balance = Self::Balance>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The balance type of contribution values (rewards, donations, bonuses) and deposits.
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

		/// Reputation earned by an endorsed (attested) contribution.
		#[pallet::constant]
		type AttestedReputation: Get<u128>;

		/// The reputation that makes an account a member of a project.
		#[pallet::constant]
		type MemberThreshold: Get<u128>;

		/// How many accounts hold a standing (membership by reputation) in one project.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// How many members with standing must endorse a claim for it to be recorded.
		#[pallet::constant]
		type RequiredEndorsements: Get<u32>;

		/// How long a claim may be endorsed, in blocks.
		#[pallet::constant]
		type EndorsementWindow: Get<BlockNumberFor<Self>>;

		/// The native deposit held for an open claim.
		#[pallet::constant]
		type ClaimDeposit: Get<Self::Balance>;

		/// The longest evidence or reason CID a record keeps.
		#[pallet::constant]
		type MaxCidLen: Get<u32>;

		/// How many recent records are kept on-chain per (project, account).
		#[pallet::constant]
		type MaxRecent: Get<u32>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates funded projects for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: pallet_projects::BenchmarkHelper<Self::AccountId, Self::Balance>;
	}

	/// Why this pallet holds native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an open claim of attested work.
		ClaimDeposit,
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

	/// How many accounts have contributed to each project.
	#[pallet::storage]
	pub type ContributorCount<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, u32, ValueQuery>;

	/// The most recent records per (project, account), oldest first.
	#[pallet::storage]
	pub type Recent<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<RecordOf<T>, T::MaxRecent>,
		ValueQuery,
	>;

	/// Every recognition, permanently: (project, account, n) for the account's n-th recognition
	/// in the project (`Totals::recognitions.count` of them).
	#[pallet::storage]
	pub type Recognitions<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, ProjectId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, u32>,
		),
		RecognitionOf<T>,
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

	/// Each project's members by reputation, sorted by the block their standing ends (so the
	/// last are the top contributors). Entries that ended are dropped on the next write.
	#[pallet::storage]
	pub type Standings<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		ProjectId,
		BoundedVec<StandingOf<T>, T::MaxMembers>,
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

	/// Open claims of attested work.
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<_, Blake2_128Concat, ClaimId, Claim<T>>;

	/// The id the next claim gets.
	#[pallet::storage]
	pub type NextClaimId<T: Config> = StorageValue<_, ClaimId, ValueQuery>;

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
			evidence: CidOf<T>,
			block: BlockNumberFor<T>,
			reputation: u128,
		},
		/// Exceptional work was recognised: `amount` paid from the milestone's budget, `boost`
		/// added to the contributor's reputation; it is the contributor's `index`-th recognition
		/// in [`Recognitions`].
		Recognized {
			project: ProjectId,
			milestone: MilestoneId,
			who: T::AccountId,
			by: Actor<T::AccountId>,
			amount: T::Balance,
			boost: u128,
			reason: CidOf<T>,
			index: u32,
		},
		/// The project's governance set its reputation half-life.
		HalfLifeSet { project: ProjectId, half_life: BlockNumberFor<T> },
		/// The project's governance set its recognition budget per period.
		RecognitionBudgetSet { project: ProjectId, budget: T::Balance },
		/// A member claimed work done outside tasks; it may be endorsed until `deadline`.
		ContributionClaimed {
			claim: ClaimId,
			project: ProjectId,
			claimant: T::AccountId,
			evidence: CidOf<T>,
			value: T::Balance,
			deadline: BlockNumberFor<T>,
		},
		/// A member endorsed a claim; `endorsements` so far.
		ClaimEndorsed { claim: ClaimId, endorser: T::AccountId, endorsements: u32 },
		/// A claim got its endorsements: it is recorded and the deposit returned.
		ClaimAccepted { claim: ClaimId, project: ProjectId, claimant: T::AccountId },
		/// A claim was not endorsed in time and was cleared; the deposit returned.
		ClaimLapsed { claim: ClaimId, project: ProjectId, claimant: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is neither a steward of the project nor its governance.
		NotSteward,
		/// A recognition needs a reason, a claim its evidence (a CID).
		EmptyCid,
		/// The boost is above `MaxRecognitionBoost`.
		BoostTooHigh,
		/// The bonus would take the project past its recognition budget for this period.
		RecognitionBudgetExceeded,
		/// A half-life of zero blocks would erase reputation at once.
		ZeroHalfLife,
		/// A sum would overflow.
		Overflow,
		/// The project does not exist.
		ProjectNotFound,
		/// The project is completed or cancelled.
		ProjectClosed,
		/// Only members of the project (stewards, or accounts with enough reputation) may claim.
		NotMember,
		/// Only members with earned reputation in the project may endorse.
		NoStanding,
		/// No claim has this id (it was accepted or cleared, or never existed).
		ClaimNotFound,
		/// The claim's endorsement window has closed.
		EndorsementWindowClosed,
		/// A claimant cannot endorse their own claim.
		OwnClaim,
		/// This member endorsed the claim already.
		AlreadyEndorsed,
		/// The claim may still be endorsed; it can be cleared after its deadline.
		ClaimStillOpen,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::RequiredEndorsements::get() >= 1, "a claim needs an endorsement");
			assert!(T::MaxMembers::get() >= 1, "a project needs room for a member");
			assert!(T::MemberThreshold::get() >= 1, "a zero threshold makes everyone a member");
			assert!(!T::DefaultHalfLife::get().is_zero(), "a half-life of zero erases reputation");
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
		/// Recognises exceptional work: a bonus, a reputation boost and a permanent record.
		///
		/// A steward of the project, or its governance. The bonus (may be zero) is paid from a
		/// funded milestone's budget (in its asset) to `who`, within the project's recognition
		/// budget for the current period; the boost (at most `MaxRecognitionBoost`) is added to
		/// `who`'s reputation; the recognition is kept in [`Recognitions`] with its reason.
		/// Emits [`Event::Recognized`] and [`Event::Contributed`]. Fails with `NotSteward`,
		/// `EmptyCid`, `BoostTooHigh`, `RecognitionBudgetExceeded`, `Overflow`, or the projects
		/// pallet's error when the milestone cannot pay.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): the bonus is paid from
		/// the milestone's budget (two asset accounts, the asset's account count) within the
		/// recognition budget, and the recognition, the contribution, the reputation and the
		/// standing are recorded: thirteen storage writes, and the project's standings (up to
		/// `MaxMembers` entries) read and written.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::recognize())]
		pub fn recognize(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
			who: T::AccountId,
			amount: T::Balance,
			boost: u128,
			reason: CidOf<T>,
		) -> DispatchResult {
			let by = pallet_projects::ensure_steward_or_governance::<_, _, T::GovernanceOrigin>(
				origin,
				project,
				|who| T::Projects::is_steward(project, who),
				Error::<T>::NotSteward,
			)?;
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
			let index = Totals::<T>::get(project, &who).recognitions.count;
			let now = frame_system::Pallet::<T>::block_number();
			let recognition = RecognitionRecord {
				milestone,
				by: by.clone(),
				amount,
				boost,
				reason: reason.clone(),
				block: now,
			};
			Recognitions::<T>::insert((project, &who, index), recognition);
			Self::record(project, &who, ContributionKind::Recognition, amount, &reason, boost);
			Self::deposit_event(Event::Recognized {
				project,
				milestone,
				who,
				by,
				amount,
				boost,
				reason,
				index,
			});
			Ok(())
		}

		/// Sets the project's reputation half-life, in blocks.
		///
		/// The project's governance. It applies to each account from its next earning: what an
		/// account earned before goes on decaying with the half-life it was earned under, so no
		/// reputation (and no membership) changes when the half-life does. Emits
		/// [`Event::HalfLifeSet`]. Fails with `ZeroHalfLife`.
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

		/// Claims work done for the project outside tasks, for members to endorse.
		///
		/// A member of the project (a steward, or an account with enough reputation), while the
		/// project is open. `evidence` is a CID of the work; `value` what the claimant suggests
		/// it was worth (recorded, never paid). Holds `ClaimDeposit` until the claim is accepted
		/// or cleared. Emits [`Event::ContributionClaimed`]. Fails with `EmptyCid`,
		/// `ProjectNotFound`, `ProjectClosed`, `NotMember`, `Overflow`, or the balances pallet's
		/// error when the deposit cannot be held.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): membership is checked
		/// against the project's standings, a list of up to `MaxMembers` entries read whole (most
		/// of its proof size and time), and the deposit is held.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::claim_contribution())]
		pub fn claim_contribution(
			origin: OriginFor<T>,
			project: ProjectId,
			evidence: CidOf<T>,
			value: T::Balance,
		) -> DispatchResult {
			let claimant = ensure_signed(origin)?;
			ensure!(!evidence.is_empty(), Error::<T>::EmptyCid);
			let status = T::Projects::status(project).ok_or(Error::<T>::ProjectNotFound)?;
			ensure!(!status.is_final(), Error::<T>::ProjectClosed);
			ensure!(Self::is_member(project, &claimant), Error::<T>::NotMember);
			let claim = NextClaimId::<T>::get();
			let next = claim.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let now = frame_system::Pallet::<T>::block_number();
			let deadline =
				now.checked_add(&T::EndorsementWindow::get()).ok_or(Error::<T>::Overflow)?;

			let deposit = T::ClaimDeposit::get();
			<T::NativeBalance as fungible::MutateHold<_>>::hold(
				&HoldReason::ClaimDeposit.into(),
				&claimant,
				deposit,
			)?;
			NextClaimId::<T>::put(next);
			Claims::<T>::insert(
				claim,
				Claim {
					project,
					claimant: claimant.clone(),
					evidence: evidence.clone(),
					value,
					deposit,
					deadline,
					endorsers: BoundedVec::new(),
				},
			);
			Self::deposit_event(Event::ContributionClaimed {
				claim,
				project,
				claimant,
				evidence,
				value,
				deadline,
			});
			Ok(())
		}

		/// Endorses a claim of attested work.
		///
		/// A member of the claim's project with standing (earned reputation at least the
		/// threshold), other than the claimant, once, until the claim's deadline. The
		/// `RequiredEndorsements`-th endorsement accepts the claim: it is recorded as an
		/// [`ContributionKind::Attested`] contribution earning `AttestedReputation`, the deposit
		/// returns and the claim is removed ([`Event::ClaimAccepted`]). Emits
		/// [`Event::ClaimEndorsed`]. Fails with `ClaimNotFound`, `EndorsementWindowClosed`,
		/// `OwnClaim`, `AlreadyEndorsed`, `NoStanding`.
		///
		/// Weighs more than three balance transfers (`docs/benchmarks.md`): membership is checked
		/// against the project's standings (read whole); the accepting endorsement also records the
		/// contribution (totals, recent records, reputation, standing) and returns the deposit:
		/// eight storage writes.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::endorse())]
		pub fn endorse(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			let endorser = ensure_signed(origin)?;
			let mut record = Claims::<T>::get(claim).ok_or(Error::<T>::ClaimNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= record.deadline, Error::<T>::EndorsementWindowClosed);
			ensure!(endorser != record.claimant, Error::<T>::OwnClaim);
			ensure!(!record.endorsers.contains(&endorser), Error::<T>::AlreadyEndorsed);
			ensure!(Self::has_standing(record.project, &endorser, now), Error::<T>::NoStanding);
			// Fewer than `RequiredEndorsements` are stored, so there is room.
			record.endorsers.try_push(endorser.clone()).map_err(|_| Error::<T>::AlreadyEndorsed)?;
			let endorsements = u32::try_from(record.endorsers.len()).unwrap_or(u32::MAX);
			Self::deposit_event(Event::ClaimEndorsed { claim, endorser, endorsements });

			if endorsements < T::RequiredEndorsements::get() {
				Claims::<T>::insert(claim, record);
				return Ok(());
			}
			Claims::<T>::remove(claim);
			Self::release_deposit(&record);
			Self::record(
				record.project,
				&record.claimant,
				ContributionKind::Attested,
				record.value,
				&record.evidence,
				T::AttestedReputation::get(),
			);
			Self::deposit_event(Event::ClaimAccepted {
				claim,
				project: record.project,
				claimant: record.claimant,
			});
			Ok(())
		}

		/// Clears a claim that was not endorsed in time.
		///
		/// Any signed account, after the claim's deadline. The claim is removed and its deposit
		/// returns to the claimant. Emits [`Event::ClaimLapsed`]. Fails with `ClaimNotFound`,
		/// `ClaimStillOpen`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::clear_lapsed())]
		pub fn clear_lapsed(origin: OriginFor<T>, claim: ClaimId) -> DispatchResult {
			ensure_signed(origin)?;
			let record = Claims::<T>::get(claim).ok_or(Error::<T>::ClaimNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now > record.deadline, Error::<T>::ClaimStillOpen);
			Claims::<T>::remove(claim);
			Self::release_deposit(&record);
			Self::deposit_event(Event::ClaimLapsed {
				claim,
				project: record.project,
				claimant: record.claimant,
			});
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Returns a claim's deposit to its claimant.
		fn release_deposit(claim: &Claim<T>) {
			// Best effort: the hold is this pallet's, so all of it is there.
			let _ = <T::NativeBalance as fungible::MutateHold<_>>::release(
				&HoldReason::ClaimDeposit.into(),
				&claim.claimant,
				claim.deposit,
				Precision::BestEffort,
			);
		}
	}
}
