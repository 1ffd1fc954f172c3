//! # Contributions
//!
//! Every accepted task, review, donation, recognition and attested piece of work in a project is
//! a **contribution record**: who, project, kind, value, evidence, block. Events carry every
//! record in full for indexers; the chain keeps one record per (project, account)
//! ([`Contributors`]: totals by kind, reputation, standing), one per project ([`Books`]), and
//! the recognitions, permanently. No call reads a list of a project's members: every call costs
//! the same in a project of ten members and in one of ten thousand.
//!
//! **Reputation** per (project, account) is earned only through other people: from tasks that
//! reviewers who are members (and not the worker) accepted, in proportion to the part of a
//! milestone's budget (money the project's governance voted for) the task paid; from reviews
//! that agreed with a paid task's outcome; and from recognitions and endorsed attestations,
//! drawn from a per-period **reputation budget** that only the project's governance sets. Money
//! alone earns none. It cannot be transferred, and decays with the project's half-life: it is
//! stored as a score, the block it was last updated and the half-life then in force, and decayed
//! on read in O(1) ([`decay::decay`]): no per-block work.
//!
//! **Membership.** An account whose reputation is at least [`Config::MemberThreshold`] — or a
//! steward — is a member of the project (quadratic voting's electorate,
//! [`ProjectMembership`](commons_primitives::traits::ProjectMembership)). Since a score only
//! decays until it is next earned, the block where a member's reputation falls below the
//! threshold is known when it is earned ([`decay::lasts`]); the membership (*standing*) lasts to
//! the end of that block's **standing epoch** ([`Config::StandingEpoch`]). Each project counts
//! its standings by the epoch they end in ([`StandingEnds`]): an earning moves one count from one
//! bucket to another (O(1)), and the epochs that passed are subtracted lazily, at most
//! [`Config::MaxSettle`] per call ([`Pallet::settle_standings`]), so the member count is exact
//! without a list and without per-block work. The longest-standing few are kept as the project's
//! top contributors.
//!
//! **Recognition.** A steward (of someone else's work) or the project's governance recognises
//! exceptional work: a bonus paid from a funded milestone's budget, within a per-period
//! recognition budget, a reputation boost within the reputation budget, and a permanent
//! [`Recognitions`] record.
//!
//! **Attested contributions.** A member (the contributor) requests attestation of work done
//! outside tasks (evidence CID, a suggested value) with a held deposit; when
//! [`Config::RequiredEndorsements`] other members with standing endorse the request within
//! [`Config::EndorsementWindow`], the work is recorded and earns [`Config::AttestedReputation`]
//! (drawn from the reputation budget), and the deposit returns. A request that was not endorsed
//! in time lapses: anyone may clear it, and the deposit returns to the contributor.
//!
//! ## Who may do what
//!
//! | call | origin |
//! | --- | --- |
//! | [`recognize`](Pallet::recognize) | a steward of the project, or its governance |
//! | [`set_half_life`](Pallet::set_half_life) | the project's governance |
//! | [`set_recognition_budget`](Pallet::set_recognition_budget) | the project's governance |
//! | [`set_reputation_budget`](Pallet::set_reputation_budget) | the project's governance |
//! | [`settle_standings`](Pallet::settle_standings) | any signed account |
//! | [`request_attestation`](Pallet::request_attestation) | a member of the project |
//! | [`endorse`](Pallet::endorse) | a member with standing, other than the contributor |
//! | [`clear_lapsed`](Pallet::clear_lapsed) | any signed account, after the endorsement window |
//!
//! Tasks report payouts and reviews through [`TaskLedger`](commons_primitives::traits::TaskLedger),
//! projects report donations through [`OnDonation`](commons_primitives::traits::OnDonation), and
//! quadratic voting asks who the members are through
//! [`ProjectMembership`](commons_primitives::traits::ProjectMembership); all three are
//! implemented here.
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

use commons_primitives::FungibleBalance;

/// The account id type of the runtime.
pub type AccountIdOf<T> = <T as polkadot_sdk::frame_system::Config>::AccountId;
/// The native balance type: deposits, and the value of contributions.
pub type BalanceOf<T> = FungibleBalance<<T as Config>::NativeBalance, AccountIdOf<T>>;

#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use commons_primitives::{
		traits::ProjectsInterface, Actor, AttestationId, Cid, MilestoneId, ProjectId,
		ReputationScore,
	};
	use polkadot_sdk::{
		frame_support::{
			pallet_prelude::*,
			traits::{fungible, Contains, DefensiveResult, EnsureOriginWithArg},
		},
		frame_system::{self, pallet_prelude::*},
		sp_runtime::{
			traits::{CheckedAdd, Zero},
			ArithmeticError,
		},
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The native token: attestation deposits; its balance type is also that of contribution
		/// values (rewards, donations, bonuses).
		type NativeBalance: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The projects: stewards, and milestone budgets that recognition bonuses are paid from.
		type Projects: ProjectsInterface<Self::AccountId, Balance = BalanceOf<Self>>;

		/// The project's governance: sets its half-life and budgets, and recognises.
		type GovernanceOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ProjectId>;

		/// Accounts no private key controls (project treasuries, task escrows): a recognition
		/// bonus is never paid to one, so none leaves the plan's books unnoticed.
		type KeylessAccounts: Contains<Self::AccountId>;

		/// The length of a budget period (recognition bonuses, reputation from recognitions and
		/// attestations), in blocks.
		#[pallet::constant]
		type RecognitionPeriod: Get<BlockNumberFor<Self>>;

		/// The most reputation one recognition may add.
		#[pallet::constant]
		type MaxRecognitionBoost: Get<ReputationScore>;

		/// A project's reputation half-life unless its governance sets another, in blocks.
		#[pallet::constant]
		type DefaultHalfLife: Get<BlockNumberFor<Self>>;

		/// Reputation earned by the workers of a milestone's tasks, for its whole budget: a task
		/// earns its worker this times the part of the milestone's budget its reward is.
		#[pallet::constant]
		type TaskReputation: Get<ReputationScore>;

		/// Reputation earned by the approving reviewers of a milestone's tasks, each, for its
		/// whole budget: a paid task earns each reviewer who approved it this times its share.
		#[pallet::constant]
		type ReviewReputation: Get<ReputationScore>;

		/// Reputation earned by an endorsed (attested) contribution, drawn from the project's
		/// reputation budget.
		#[pallet::constant]
		type AttestedReputation: Get<ReputationScore>;

		/// The reputation that makes an account a member of a project.
		#[pallet::constant]
		type MemberThreshold: Get<ReputationScore>;

		/// The reputation one vote is worth in a project poll: a member's voice is their
		/// reputation divided by this (quadratic voting gives every voter at least one vote).
		#[pallet::constant]
		type ReputationPerVote: Get<ReputationScore>;

		/// The length of a standing epoch, in blocks: a membership by reputation lasts until the
		/// end of the epoch in which the member's reputation falls below the threshold, and
		/// members are counted by the epoch their standing ends in.
		#[pallet::constant]
		type StandingEpoch: Get<BlockNumberFor<Self>>;

		/// How many standing epochs one call settles at most (counting the members of a project
		/// that was idle for longer takes [`Pallet::settle_standings`] calls first).
		#[pallet::constant]
		type MaxSettle: Get<u32>;

		/// How many top contributors each project keeps track of.
		#[pallet::constant]
		type MaxTopContributors: Get<u32>;

		/// How many members with standing must endorse an attestation request for the work to be
		/// recorded.
		#[pallet::constant]
		type RequiredEndorsements: Get<u32>;

		/// How long an attestation request may be endorsed, in blocks.
		#[pallet::constant]
		type EndorsementWindow: Get<BlockNumberFor<Self>>;

		/// The native deposit held for an open attestation request.
		#[pallet::constant]
		type AttestationDeposit: Get<BalanceOf<Self>>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates funded projects for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: commons_primitives::traits::ProjectsBenchmarkHelper<
			Self::AccountId,
			BalanceOf<Self>,
		>;
	}

	/// Why this pallet holds native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an open attestation request.
		AttestationDeposit,
	}

	/// Each account's record in each project it contributed to: totals by kind, reputation,
	/// latest standing.
	#[pallet::storage]
	pub type Contributors<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		ContributorOf<T>,
	>;

	/// Each project's books: contributor and member counts, settings, budgets spent, top
	/// contributors.
	#[pallet::storage]
	pub type Books<T: Config> = StorageMap<_, Twox64Concat, ProjectId, ProjectBooks<T>, ValueQuery>;

	/// How many standings of each project end at the start of each standing epoch (epochs at or
	/// after the project's `settled` epoch only; earlier ones were settled and removed).
	#[pallet::storage]
	pub type StandingEnds<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProjectId, Twox64Concat, u32, u32, ValueQuery>;

	/// Every recognition, permanently: (project, account, n) for the account's n-th recognition
	/// in the project (its `totals.recognitions.count` of them).
	#[pallet::storage]
	pub type Recognitions<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, ProjectId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, u32>,
		),
		RecognitionOf<T>,
	>;

	/// Open attestation requests, by id.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageMap<_, Twox64Concat, AttestationId, Attestation<T>>;

	/// The id the next attestation request gets.
	#[pallet::storage]
	pub type NextAttestationId<T: Config> = StorageValue<_, AttestationId, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A contribution was recorded (the whole record, for indexers); `reputation` is the
		/// contributor's reputation in the project after it.
		Contributed {
			project: ProjectId,
			who: T::AccountId,
			kind: ContributionKind,
			value: BalanceOf<T>,
			evidence: Cid,
			block: BlockNumberFor<T>,
			reputation: ReputationScore,
		},
		/// Exceptional work was recognised: `amount` paid from the milestone's budget, `boost`
		/// added to the contributor's reputation; it is the contributor's `index`-th recognition
		/// in [`Recognitions`].
		Recognized {
			project: ProjectId,
			milestone: MilestoneId,
			who: T::AccountId,
			by: Actor<T::AccountId>,
			amount: BalanceOf<T>,
			boost: ReputationScore,
			reason: Cid,
			index: u32,
		},
		/// The project's governance set its reputation half-life.
		HalfLifeSet { project: ProjectId, half_life: BlockNumberFor<T> },
		/// The project's governance set its recognition budget per period.
		RecognitionBudgetSet { project: ProjectId, budget: BalanceOf<T> },
		/// The project's governance set how much reputation recognitions and attestations may
		/// add per period.
		ReputationBudgetSet { project: ProjectId, budget: ReputationScore },
		/// Standings that ended were subtracted from the project's member count, up to (not
		/// including) standing epoch `settled`; `members` is the count after it.
		StandingsSettled { project: ProjectId, settled: u32, members: u32 },
		/// A member requested attestation of work done outside tasks; members with standing may
		/// endorse the request until `deadline`.
		AttestationRequested {
			attestation: AttestationId,
			project: ProjectId,
			contributor: T::AccountId,
			evidence: Cid,
			value: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
		},
		/// A member endorsed an attestation request, which has `endorsements` so far.
		AttestationEndorsed {
			attestation: AttestationId,
			endorser: T::AccountId,
			endorsements: u32,
		},
		/// An attestation request got its endorsements: the work is recorded and the deposit
		/// returned.
		AttestationAccepted {
			attestation: AttestationId,
			project: ProjectId,
			contributor: T::AccountId,
		},
		/// An attestation request was not endorsed in time and was cleared; the deposit returned.
		AttestationLapsed {
			attestation: AttestationId,
			project: ProjectId,
			contributor: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A recognition needs a reason, an attestation request its evidence (a CID).
		EmptyCid,
		/// The boost is above `MaxRecognitionBoost`.
		BoostTooHigh,
		/// The bonus would take the project past its recognition budget for this period.
		RecognitionBudgetExceeded,
		/// A half-life of zero blocks would erase reputation at once.
		ZeroHalfLife,
		/// Only members of the project (stewards, or accounts with enough reputation) may request
		/// attestation.
		NotMember,
		/// Only members with earned reputation in the project may endorse.
		NoStanding,
		/// No open attestation request has this id (it was accepted or cleared, or never existed).
		AttestationNotFound,
		/// The attestation request's endorsement window has closed.
		EndorsementWindowClosed,
		/// A contributor cannot endorse their own attestation request.
		OwnAttestation,
		/// This member endorsed the attestation request already.
		AlreadyEndorsed,
		/// The attestation request may still be endorsed; it can be cleared after its deadline.
		AttestationStillOpen,
		/// Nobody recognises their own work.
		SelfRecognition,
		/// A recognition must add reputation or pay a bonus (or both).
		EmptyRecognition,
		/// A bonus is never paid to a keyless account (a project treasury, a task escrow).
		KeylessRecipient,
		/// The reputation would take the project past its reputation budget for this period
		/// (which only its governance sets).
		ReputationBudgetExceeded,
		/// The project was idle for more standing epochs than one call settles: call
		/// `settle_standings` first.
		StandingsUnsettled,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::RequiredEndorsements::get() >= 1, "an attestation needs an endorsement");
			assert!(!T::StandingEpoch::get().is_zero(), "a standing epoch needs a block");
			assert!(T::MaxSettle::get() >= 1, "settling needs to make progress");
			assert!(T::MemberThreshold::get() >= 1, "a zero threshold makes everyone a member");
			assert!(T::ReputationPerVote::get() >= 1, "a vote must be worth some reputation");
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
		/// Recognises exceptional work with a bonus, a reputation boost and a permanent record.
		///
		/// The bonus, which may be zero, is paid to `who` from a funded milestone's budget, in the
		/// milestone's budget asset, within the project's recognition budget for the current
		/// period of [`Config::RecognitionPeriod`] blocks. The boost, which may be zero, is added
		/// to `who`'s reputation in the project, within the project's reputation budget for the
		/// period. Only the project's governance sets either budget
		/// ([`set_recognition_budget`](Pallet::set_recognition_budget),
		/// [`set_reputation_budget`](Pallet::set_reputation_budget)); both start at zero, so no
		/// steward can mint voice or pay bonuses the project did not vote for. The recognition is
		/// recorded as a contribution of `who` and kept permanently, with its reason, in
		/// [`Recognitions`].
		///
		/// ## Origin
		/// Signed by a steward of the project other than `who`, or the project's governance
		/// ([`Config::GovernanceOrigin`]): a passed project poll, or Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `milestone`: the project's milestone the recognition is for; a bonus is paid from
		///   its budget, so it must then be funded.
		/// - `who`: the account whose work is recognised; not a keyless account.
		/// - `amount`: the bonus, possibly zero: at most what is left of the milestone's budget and
		///   of the project's recognition budget for the current period.
		/// - `boost`: the reputation added, in millionths of a point: at most
		///   [`Config::MaxRecognitionBoost`] and what is left of the project's reputation budget
		///   for the current period.
		/// - `reason`: a CID of why the work is recognised, 1 to 96 bytes.
		///
		/// ## Errors
		/// - `Projects::ProjectNotFound`: no project has this id.
		/// - `Projects::NotSteward`: the caller is signed but not a steward of the project.
		/// - `BadOrigin`: the origin is neither signed nor the project's governance.
		/// - [`Error::SelfRecognition`]: a steward recognises themselves.
		/// - [`Error::KeylessRecipient`]: `who` is a project treasury or a task escrow.
		/// - [`Error::EmptyCid`]: `reason` is empty.
		/// - [`Error::EmptyRecognition`]: both `amount` and `boost` are zero.
		/// - [`Error::BoostTooHigh`]: `boost` is above [`Config::MaxRecognitionBoost`].
		/// - `Projects::MilestoneNotFound`: the project has no milestone with this id.
		/// - `ArithmeticError::Overflow`: what was spent in the current period would overflow.
		/// - [`Error::RecognitionBudgetExceeded`]: the bonus would take the project past its
		///   recognition budget for the current period.
		/// - [`Error::ReputationBudgetExceeded`]: the boost would take the project past its
		///   reputation budget for the current period.
		/// - `Projects::ProjectNotActive`: a bonus is to be paid and the project is paused,
		///   completed or cancelled.
		/// - `Projects::MilestoneNotFunded`: a bonus is to be paid and the milestone is not funded.
		/// - `Projects::BudgetExceeded`: `amount` is more than what is left of the milestone's
		///   budget.
		/// - `TokenError::BelowMinimum`: `amount` is below the minimum balance of its asset and
		///   `who` holds none of that asset yet.
		///
		/// ## Events
		/// - [`Event::Recognized`].
		/// - [`Event::Contributed`].
		/// - `Projects::BudgetSpent`, when a bonus is paid.
		///
		/// ## Complexity
		/// O(1), whatever the project's size: the project's books, the recipient's record and at
		/// most two standing-end buckets, plus the milestone and the payment.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::recognize())]
		pub fn recognize(
			origin: OriginFor<T>,
			project: ProjectId,
			milestone: MilestoneId,
			who: T::AccountId,
			amount: BalanceOf<T>,
			boost: ReputationScore,
			reason: Cid,
		) -> DispatchResult {
			let by = commons_primitives::ensure_steward_or_governance::<
				T::Projects,
				T::GovernanceOrigin,
				_,
				_,
			>(origin, project)?;
			ensure!(by != Actor::Steward(who.clone()), Error::<T>::SelfRecognition);
			ensure!(!T::KeylessAccounts::contains(&who), Error::<T>::KeylessRecipient);
			ensure!(!reason.is_empty(), Error::<T>::EmptyCid);
			ensure!(!amount.is_zero() || boost > 0, Error::<T>::EmptyRecognition);
			ensure!(boost <= T::MaxRecognitionBoost::get(), Error::<T>::BoostTooHigh);
			T::Projects::milestone_budget(project, milestone)?;
			let mut books = Books::<T>::get(project);
			Self::roll_period(&mut books);
			let paid =
				books.recognition_spent.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
			ensure!(paid <= books.recognition_budget, Error::<T>::RecognitionBudgetExceeded);
			Self::draw_reputation(&mut books, boost)?;
			books.recognition_spent = paid;

			if !amount.is_zero() {
				T::Projects::spend(project, milestone, &who, amount)?;
			}
			Books::<T>::insert(project, books);
			let index = Contributors::<T>::get(project, &who)
				.map(|c| c.totals.recognitions.count)
				.unwrap_or_default();
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
		/// The new half-life applies to each account from its next earning in the project: what
		/// an account earned before goes on decaying with the half-life it was earned under, so
		/// nobody's reputation (or membership) changes when the half-life does. A shorter
		/// half-life never shortens what was earned: an account that still holds reputation keeps
		/// the longer half-life it was earned under when it earns again (a tiny recognition
		/// cannot re-stamp a member's whole past onto a short half-life); the shorter one applies
		/// to accounts earning from nothing. Until its
		/// governance sets one, a project has [`Config::DefaultHalfLife`].
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or
		/// Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `half_life`: the new half-life, in blocks; it must not be zero.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - `Projects::ProjectNotFound`: no project has this id.
		/// - [`Error::ZeroHalfLife`]: `half_life` is zero.
		///
		/// ## Events
		/// - [`Event::HalfLifeSet`].
		///
		/// ## Complexity
		/// O(1): 2 storage reads and 1 write.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_half_life())]
		pub fn set_half_life(
			origin: OriginFor<T>,
			project: ProjectId,
			half_life: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin, &project)?;
			T::Projects::status(project)?;
			ensure!(!half_life.is_zero(), Error::<T>::ZeroHalfLife);
			Books::<T>::mutate(project, |books| books.half_life = Some(half_life));
			Self::deposit_event(Event::HalfLifeSet { project, half_life });
			Ok(())
		}

		/// Sets how much the project may pay in recognition bonuses per period.
		///
		/// A period is [`Config::RecognitionPeriod`] blocks, and what was paid is counted afresh
		/// from the start of each. The budget limits the bonuses of
		/// [`recognize`](Pallet::recognize) at once, counting what was already paid in the current
		/// period; bonuses in native tokens and in the project's currency count against it alike.
		/// A budget of zero allows recognitions without a bonus only.
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or
		/// Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `budget`: the most the project may pay in recognition bonuses per period.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - `Projects::ProjectNotFound`: no project has this id.
		///
		/// ## Events
		/// - [`Event::RecognitionBudgetSet`].
		///
		/// ## Complexity
		/// O(1): 2 storage reads and 1 write.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_recognition_budget())]
		pub fn set_recognition_budget(
			origin: OriginFor<T>,
			project: ProjectId,
			budget: BalanceOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin, &project)?;
			T::Projects::status(project)?;
			Books::<T>::mutate(project, |books| books.recognition_budget = budget);
			Self::deposit_event(Event::RecognitionBudgetSet { project, budget });
			Ok(())
		}

		/// Sets how much reputation recognitions and attestations may add in the project per
		/// period.
		///
		/// Reputation is voice: whoever could add it at will could make any number of accounts
		/// members and pass any poll. Reputation from tasks is bounded by the milestone budgets
		/// the project's governance funded; the reputation that recognitions (their boosts) and
		/// accepted attestations add is bounded by this budget, counted afresh each period of
		/// [`Config::RecognitionPeriod`] blocks. It starts at zero: until the project's
		/// governance sets one, recognitions add no reputation and no attestation is accepted.
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or
		/// Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `budget`: the most reputation, in millionths of a point, recognitions and
		///   attestations may add per period.
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - `Projects::ProjectNotFound`: no project has this id.
		///
		/// ## Events
		/// - [`Event::ReputationBudgetSet`].
		///
		/// ## Complexity
		/// O(1): 2 storage reads and 1 write.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_reputation_budget())]
		pub fn set_reputation_budget(
			origin: OriginFor<T>,
			project: ProjectId,
			budget: ReputationScore,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin, &project)?;
			T::Projects::status(project)?;
			Books::<T>::mutate(project, |books| books.reputation_budget = budget);
			Self::deposit_event(Event::ReputationBudgetSet { project, budget });
			Ok(())
		}

		/// Subtracts the standings that ended from the project's member count, for at most
		/// [`Config::MaxSettle`] standing epochs.
		///
		/// Members are counted by the epoch their standing ends in; the epochs that passed are
		/// subtracted lazily, a few at a time, by whoever needs the count exact (opening a poll
		/// does). A project idle for more than [`Config::MaxSettle`] epochs needs this call
		/// (repeated as needed) before a poll can be opened in it. Anyone may call it.
		///
		/// ## Origin
		/// Signed by any account.
		///
		/// ## Parameters
		/// - `project`: the project.
		///
		/// ## Errors
		/// - `Projects::ProjectNotFound`: no project has this id.
		///
		/// ## Events
		/// - [`Event::StandingsSettled`].
		///
		/// ## Complexity
		/// O(S) in the epochs settled S, at most [`Config::MaxSettle`]: 1 storage read and write
		/// each, plus 2 reads and 1 write.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::settle_standings(T::MaxSettle::get()))]
		pub fn settle_standings(
			origin: OriginFor<T>,
			project: ProjectId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			T::Projects::status(project)?;
			let mut books = Books::<T>::get(project);
			let (steps, _) = Self::settle(project, &mut books);
			let (settled, members) = (books.settled, books.members);
			Books::<T>::insert(project, books);
			Self::deposit_event(Event::StandingsSettled { project, settled, members });
			Ok(Some(T::WeightInfo::settle_standings(steps)).into())
		}

		/// Requests attestation of work done for the project outside tasks.
		///
		/// The caller is the request's contributor. Other members with standing in the project
		/// then have [`Config::EndorsementWindow`] blocks to endorse the request; once
		/// [`Config::RequiredEndorsements`] have, the work is recorded as the contributor's
		/// contribution and earns them [`Config::AttestedReputation`].
		/// [`Config::AttestationDeposit`] is held from the caller until the request is accepted,
		/// or cleared after its window closed; either way it is released in full.
		///
		/// ## Origin
		/// Signed by a member of the project: a steward, or an account whose reputation in the
		/// project is at least [`Config::MemberThreshold`].
		///
		/// ## Parameters
		/// - `project`: the project; it must not be completed or cancelled.
		/// - `evidence`: a CID of the work, 1 to 96 bytes.
		/// - `value`: what the contributor suggests the work was worth; it is recorded with the
		///   contribution, never paid.
		///
		/// ## Errors
		/// - [`Error::EmptyCid`]: `evidence` is empty.
		/// - `Projects::ProjectNotFound`: no project has this id.
		/// - `Projects::ProjectClosed`: the project is completed or cancelled.
		/// - [`Error::NotMember`]: the caller is not a member of the project.
		/// - `ArithmeticError::Overflow`: the request id or its deadline would overflow.
		/// - `TokenError::FundsUnavailable`: the caller cannot pay the deposit.
		///
		/// ## Events
		/// - [`Event::AttestationRequested`].
		///
		/// ## Complexity
		/// O(1), whatever the project's size: 6 storage reads and 4 writes.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::request_attestation())]
		pub fn request_attestation(
			origin: OriginFor<T>,
			project: ProjectId,
			evidence: Cid,
			value: BalanceOf<T>,
		) -> DispatchResult {
			let contributor = ensure_signed(origin)?;
			ensure!(!evidence.is_empty(), Error::<T>::EmptyCid);
			T::Projects::ensure_open(project)?;
			ensure!(Self::is_member(project, &contributor), Error::<T>::NotMember);
			let attestation = NextAttestationId::<T>::get();
			let next = attestation.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let now = frame_system::Pallet::<T>::block_number();
			let deadline =
				now.checked_add(&T::EndorsementWindow::get()).ok_or(ArithmeticError::Overflow)?;

			let deposit = T::AttestationDeposit::get();
			<T::NativeBalance as fungible::MutateHold<_>>::hold(
				&HoldReason::AttestationDeposit.into(),
				&contributor,
				deposit,
			)?;
			NextAttestationId::<T>::put(next);
			Attestations::<T>::insert(
				attestation,
				Attestation {
					project,
					contributor: contributor.clone(),
					evidence: evidence.clone(),
					value,
					deposit,
					deadline,
					endorsers: BoundedVec::new(),
				},
			);
			Self::deposit_event(Event::AttestationRequested {
				attestation,
				project,
				contributor,
				evidence,
				value,
				deadline,
			});
			Ok(())
		}

		/// Endorses an attestation request; the last endorsement needed accepts it.
		///
		/// Each member endorses a request once. When it has [`Config::RequiredEndorsements`]
		/// endorsements, the request is accepted: the work is recorded as an
		/// [`ContributionKind::Attested`] contribution of the contributor, with the value they
		/// suggested, and earns them [`Config::AttestedReputation`], drawn from the project's
		/// reputation budget for the period (so a ring of members endorsing each other mints no
		/// more voice than the project's governance allowed); their deposit is released and the
		/// request removed.
		///
		/// ## Origin
		/// Signed by a member with standing in the request's project (reputation at least
		/// [`Config::MemberThreshold`]; a steward without it may not endorse), other than the
		/// contributor.
		///
		/// ## Parameters
		/// - `attestation`: the attestation request; its endorsement window must still be open.
		///
		/// ## Errors
		/// - [`Error::AttestationNotFound`]: no open attestation request has this id.
		/// - [`Error::EndorsementWindowClosed`]: the request's deadline has passed.
		/// - [`Error::OwnAttestation`]: the caller is the request's contributor.
		/// - [`Error::AlreadyEndorsed`]: the caller already endorsed the request.
		/// - `Projects::ProjectClosed`: the project is completed or cancelled.
		/// - [`Error::NoStanding`]: the caller has no standing in the project.
		/// - [`Error::ReputationBudgetExceeded`]: this endorsement would accept the request, and
		///   the project's reputation budget for the period has not enough left for it.
		///
		/// ## Events
		/// - [`Event::AttestationEndorsed`].
		/// - [`Event::Contributed`] and [`Event::AttestationAccepted`], when the request is
		///   accepted.
		///
		/// ## Complexity
		/// O(1), whatever the project's size: at most 8 storage reads and 7 writes.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::endorse())]
		pub fn endorse(origin: OriginFor<T>, attestation: AttestationId) -> DispatchResult {
			let endorser = ensure_signed(origin)?;
			let mut record =
				Attestations::<T>::get(attestation).ok_or(Error::<T>::AttestationNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= record.deadline, Error::<T>::EndorsementWindowClosed);
			ensure!(endorser != record.contributor, Error::<T>::OwnAttestation);
			ensure!(!record.endorsers.contains(&endorser), Error::<T>::AlreadyEndorsed);
			T::Projects::ensure_open(record.project)?;
			ensure!(Self::has_standing(record.project, &endorser, now), Error::<T>::NoStanding);
			// Fewer than `RequiredEndorsements` are stored (the last one accepts the request),
			// so there is room.
			record.endorsers.try_push(endorser.clone()).defensive_ok();
			let endorsements = u32::try_from(record.endorsers.len()).unwrap_or(u32::MAX);
			Self::deposit_event(Event::AttestationEndorsed { attestation, endorser, endorsements });

			if endorsements < T::RequiredEndorsements::get() {
				Attestations::<T>::insert(attestation, record);
				return Ok(());
			}
			let mut books = Books::<T>::get(record.project);
			Self::roll_period(&mut books);
			Self::draw_reputation(&mut books, T::AttestedReputation::get())?;
			Books::<T>::insert(record.project, books);
			Attestations::<T>::remove(attestation);
			Self::release_deposit(&record);
			Self::record(
				record.project,
				&record.contributor,
				ContributionKind::Attested,
				record.value,
				&record.evidence,
				T::AttestedReputation::get(),
			);
			Self::deposit_event(Event::AttestationAccepted {
				attestation,
				project: record.project,
				contributor: record.contributor,
			});
			Ok(())
		}

		/// Clears an attestation request that was not endorsed in time.
		///
		/// The request is removed without recording the work, and its deposit is released to the
		/// contributor in full. Anyone may clear a lapsed request, so that no deposit stays held.
		///
		/// ## Origin
		/// Signed by any account.
		///
		/// ## Parameters
		/// - `attestation`: the attestation request; its deadline must have passed.
		///
		/// ## Errors
		/// - [`Error::AttestationNotFound`]: no open attestation request has this id.
		/// - [`Error::AttestationStillOpen`]: the request's deadline has not passed; it may still
		///   be endorsed.
		///
		/// ## Events
		/// - [`Event::AttestationLapsed`].
		///
		/// ## Complexity
		/// O(1): 3 storage reads and 3 writes.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::clear_lapsed())]
		pub fn clear_lapsed(origin: OriginFor<T>, attestation: AttestationId) -> DispatchResult {
			ensure_signed(origin)?;
			let record =
				Attestations::<T>::get(attestation).ok_or(Error::<T>::AttestationNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now > record.deadline, Error::<T>::AttestationStillOpen);
			Attestations::<T>::remove(attestation);
			Self::release_deposit(&record);
			Self::deposit_event(Event::AttestationLapsed {
				attestation,
				project: record.project,
				contributor: record.contributor,
			});
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Returns an attestation request's deposit to its contributor.
		fn release_deposit(attestation: &Attestation<T>) {
			commons_primitives::release_hold::<_, T::NativeBalance>(
				&HoldReason::AttestationDeposit.into(),
				&attestation.contributor,
				attestation.deposit,
			);
		}
	}
}
