//! # Quadratic voting
//!
//! Polls inside a project. A member asks the project's members either to choose among options,
//! or whether to do something: a **proposal** is a call that, if the poll passes, is dispatched
//! with the project's own origin
//! ([`ProjectOrigin::Project`](commons_primitives::ProjectOrigin::Project)) — the runtime
//! accepts that origin wherever a project's governance may act (funding a milestone, adding a
//! steward, setting a recognition budget, …).
//!
//! **Who votes.** The members of the project
//! ([`ProjectMembership`](commons_primitives::traits::ProjectMembership)) **when the poll was
//! created**: the stewards then (a steward added during a poll does not vote in it), and the
//! accounts whose earned reputation was at the membership threshold then — reputation is earned
//! by peer-reviewed work (the sybil defence), and none earned during a poll gives a voice in it.
//! The electorate (for the quorum) is their count at creation.
//!
//! **The constitution, not the proposer, sets the rules.** Each project has a [`Constitution`]
//! (quorum, pass threshold, minimum duration, enactment delay) that only its governance changes
//! ([`set_constitution`](Pallet::set_constitution)), within floors the runtime sets. A proposal
//! that is a **protected act** — anything but the runtime's routine calls
//! ([`Config::RoutineProposals`]): stewards, cap, funding, budgets, half-life, status, the
//! constitution itself — needs the constitution's supermajority and, once passed, waits its
//! enactment delay after the poll's end, while the outcome is public, before it can be enacted.
//!
//! **Voice by value.** A voter's voice — the most votes they may cast — is their reputation in
//! the project counted in votes ([`ProjectMembership::voice`](commons_primitives::traits::ProjectMembership::voice):
//! reputation is earned in proportion to the value of peer-reviewed work), at least one vote
//! (a steward without reputation has one), and their voice credits its square, at most
//! [`Config::VoiceCredits`]. So splitting work into many small tasks paid to many accounts gives
//! them together no more votes than one account doing all of it. `n`
//! votes cost `n²` credits, so a voter can show how strongly they care, at a price that grows
//! faster than the votes. A vote can be changed (or withdrawn with `n = 0`) until the poll ends:
//! the old votes leave the tally first. Tallies update in O(1) per vote; a vote holds a small
//! deposit ([`Config::VoteDeposit`]).
//!
//! **Closing, at any size.** After the end block (and a protected act's enactment delay) anyone
//! closes the poll in O(1): the outcome is computed, a passed proposal is dispatched (its result
//! is in the event: a call that is missing, no longer decodes or weighs more than
//! [`Config::MaxProposalWeight`] fails there, and never keeps the poll from closing), the
//! creator's deposit returns. Votes are left behind and removed lazily: each voter removes
//! theirs ([`remove_vote`](Pallet::remove_vote)), or anyone removes them a page at a time
//! ([`clear_votes`](Pallet::clear_votes)); either way the deposit returns to the voter. A poll
//! has no cap on its voters.
//!
//! **Proposals.** A proposal's weight is checked when it is made, against
//! [`Config::MaxProposalWeight`] (which, with closing, fits a block). A long proposal is stored
//! in the preimage pallet and requested for its poll alone: two polls proposing the same call
//! each hold a request, and closing one never drops the other's.
//!
//! ## Who may do what
//!
//! | call | origin |
//! | --- | --- |
//! | [`create_poll`](Pallet::create_poll), [`propose`](Pallet::propose) | a member of the project |
//! | [`vote`](Pallet::vote) | a member eligible in the poll |
//! | [`close_poll`](Pallet::close_poll) | any signed account, after the end block |
//! | [`remove_vote`](Pallet::remove_vote) | the voter, after the poll closed |
//! | [`clear_votes`](Pallet::clear_votes) | any signed account, after the poll closed |
//! | [`set_constitution`](Pallet::set_constitution) | the project's governance |
#![cfg_attr(not(feature = "std"), no_std)]
#![warn(clippy::arithmetic_side_effects)]

extern crate alloc;

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
	use alloc::boxed::Box;
	use commons_primitives::{
		traits::{ProjectMembership, ProjectsInterface},
		PollId, ProjectId, ProjectOrigin,
	};
	use polkadot_sdk::{
		frame_support::{
			dispatch::{GetDispatchInfo, PostDispatchInfo},
			pallet_prelude::*,
			traits::{
				fungible, Contains, DefensiveOption, EnsureOriginWithArg, QueryPreimage,
				StorePreimage,
			},
		},
		frame_system::{self, pallet_prelude::*},
		sp_runtime::{
			traits::{CheckedAdd, Dispatchable, Hash, Saturating},
			ArithmeticError, Percent,
		},
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The calls a proposal may make.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::ProposalOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo;

		/// The origin a passed proposal is dispatched with: the runtime's origin, which holds the
		/// project's.
		type ProposalOrigin: From<ProjectOrigin>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The native token: poll deposits.
		type NativeBalance: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The projects: whether one exists and is open, and its stewards.
		type Projects: ProjectsInterface<Self::AccountId>;

		/// The project's governance: sets its constitution.
		type GovernanceOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ProjectId>;

		/// The calls a project may make by a simple majority (routine acts); every other
		/// proposal is a protected act.
		type RoutineProposals: Contains<<Self as Config>::RuntimeCall>;

		/// Who the members of a project are.
		type Membership: ProjectMembership<Self::AccountId, BlockNumber = BlockNumberFor<Self>>;

		/// Where proposals too long to keep inline are noted.
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;

		/// The most voice credits a voter may have in a poll. A voter's credits are the square of
		/// their voice (the votes their reputation is worth, at least one), up to this.
		#[pallet::constant]
		type VoiceCredits: Get<u32>;

		/// The shortest any constitution may let a poll run, in blocks.
		#[pallet::constant]
		type MinDuration: Get<BlockNumberFor<Self>>;

		/// The lowest quorum any constitution may set.
		#[pallet::constant]
		type MinQuorum: Get<Percent>;

		/// The lowest threshold any constitution may set for protected acts.
		#[pallet::constant]
		type MinProtectedThreshold: Get<Percent>;

		/// The highest quorum any constitution may set (below one hundred percent: a project
		/// whose members do not all vote must still be able to decide).
		#[pallet::constant]
		type MaxQuorum: Get<Percent>;

		/// The highest threshold any constitution may set for protected acts (below one hundred
		/// percent: a unanimous poll always passes).
		#[pallet::constant]
		type MaxProtectedThreshold: Get<Percent>;

		/// The shortest enactment delay any constitution may set for protected acts, in blocks.
		#[pallet::constant]
		type MinEnactmentDelay: Get<BlockNumberFor<Self>>;

		/// The constitution of a project whose governance has not set one.
		#[pallet::constant]
		type DefaultConstitution: Get<Constitution<BlockNumberFor<Self>>>;

		/// The most weight a proposal's call may have (checked when it is proposed, so that
		/// closing its poll always fits a block).
		#[pallet::constant]
		type MaxProposalWeight: Get<Weight>;

		/// The most stewards a project may have (they are recorded with each poll).
		#[pallet::constant]
		type MaxStewards: Get<u32>;

		/// The longest a poll may run, in blocks.
		#[pallet::constant]
		type MaxDuration: Get<BlockNumberFor<Self>>;

		/// The fixed part of a poll's deposit.
		#[pallet::constant]
		type PollDeposit: Get<BalanceOf<Self>>;

		/// The deposit per byte of a poll's question (its labels, or its proposal).
		#[pallet::constant]
		type ByteDeposit: Get<BalanceOf<Self>>;

		/// The deposit a vote holds until it is removed (by the voter, or by anyone after the
		/// poll closed).
		#[pallet::constant]
		type VoteDeposit: Get<BalanceOf<Self>>;

		/// The most options a poll may have (at least two).
		#[pallet::constant]
		type MaxOptions: Get<u32>;

		/// The longest label of an option.
		#[pallet::constant]
		type MaxLabelLen: Get<u32>;

		/// The longest proposal, encoded, in bytes.
		#[pallet::constant]
		type MaxProposalLen: Get<u32>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Makes projects with members for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: commons_primitives::traits::MembersBenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a running poll.
		PollDeposit,
		/// The deposit of a vote.
		VoteDeposit,
	}

	/// Running polls (and ended ones not yet closed): what a vote reads and writes.
	#[pallet::storage]
	pub type Polls<T: Config> = StorageMap<_, Twox64Concat, PollId, Poll<T>>;

	/// What each running poll asks: its options' labels, or its proposal. Read when the poll is
	/// closed (and by the runtime API), never by a vote.
	#[pallet::storage]
	pub type PollQuestions<T: Config> = StorageMap<_, Twox64Concat, PollId, Question<T>>;

	/// The stewards of each running poll's project when it was created: they vote in it, and no
	/// steward added later does. Read by a vote only when the voter has no standing.
	#[pallet::storage]
	pub type PollStewards<T: Config> =
		StorageMap<_, Twox64Concat, PollId, BoundedVec<T::AccountId, T::MaxStewards>, ValueQuery>;

	/// The id the next poll gets.
	#[pallet::storage]
	pub type NextPollId<T: Config> = StorageValue<_, PollId, ValueQuery>;

	/// Each voter's vote in each poll, with the deposit it holds; a closed poll's votes stay
	/// until they are removed.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PollId,
		Blake2_128Concat,
		T::AccountId,
		(Vote, BalanceOf<T>),
	>;

	/// Each project's constitution, where its governance set one.
	#[pallet::storage]
	pub type Constitutions<T: Config> =
		StorageMap<_, Twox64Concat, ProjectId, Constitution<BlockNumberFor<T>>>;

	/// How many polls each project has open (they keep it from being reaped).
	#[pallet::storage]
	pub type OpenPolls<T: Config> = StorageMap<_, Twox64Concat, ProjectId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A poll was created; votes are taken until `end`, from an electorate of `electorate`,
		/// under the project's constitution (`quorum`, `threshold`); a passed proposal can be
		/// enacted after `enact_after`.
		PollCreated {
			poll: PollId,
			project: ProjectId,
			creator: T::AccountId,
			question: Question<T>,
			protected: bool,
			end: BlockNumberFor<T>,
			enact_after: BlockNumberFor<T>,
			quorum: Percent,
			threshold: Percent,
			electorate: u32,
		},
		/// A voter voted (or changed their vote: the old one was taken back first; `votes` zero
		/// withdraws it). `tally` is the poll's tally after it.
		Voted {
			poll: PollId,
			voter: T::AccountId,
			choice: Choice,
			votes: u32,
			tally: BoundedVec<u64, T::MaxOptions>,
		},
		/// A poll was closed with this outcome; a passed proposal was dispatched with the
		/// project's origin and `dispatched` is its result.
		PollClosed {
			poll: PollId,
			project: ProjectId,
			outcome: Outcome,
			tally: BoundedVec<u64, T::MaxOptions>,
			voters: u32,
			electorate: u32,
			dispatched: Option<DispatchResult>,
		},
		/// Votes of a closed poll were removed and their deposits returned; `remaining` is
		/// whether any are left.
		VotesCleared { poll: PollId, removed: u32, remaining: bool },
		/// The project's governance set its constitution.
		ConstitutionSet { project: ProjectId, constitution: Constitution<BlockNumberFor<T>> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only members of the project may create polls.
		NotMember,
		/// The end block is sooner than `MinDuration` or later than `MaxDuration` from now.
		EndOutOfRange,
		/// An options poll needs at least two options, each with a label.
		TooFewOptions,
		/// An option's label is empty.
		EmptyLabel,
		/// The proposal is longer than `MaxProposalLen` when encoded.
		ProposalTooLong,
		/// No running poll has this id.
		PollNotFound,
		/// The poll has ended: no more votes.
		PollEnded,
		/// The poll runs until its end block; it can be closed after it.
		PollRunning,
		/// The account may not vote in this poll: it was neither a steward nor a member by
		/// reputation when the poll was created.
		NotEligible,
		/// The choice does not fit the poll: aye or nay for a proposal, an existing option's
		/// index otherwise.
		InvalidChoice,
		/// `votes²` is more than the voice credits each voter has.
		InsufficientCredits,
		/// There is no vote to withdraw.
		NotVoted,
		/// The passed proposal weighs more than the bound given to close the poll.
		ProposalWeightAboveBound,
		/// The proposal's call weighs more than `MaxProposalWeight`.
		ProposalTooHeavy,
		/// The proposal passed and is a protected act: it can be enacted (the poll closed) only
		/// after its enactment delay.
		EnactmentPending,
		/// The poll has not been closed: its votes stay until it is.
		PollNotClosed,
		/// The account has no vote in this poll.
		VoteNotFound,
		/// The constitution is below a floor the runtime sets (quorum, thresholds, durations) or
		/// inconsistent (a protected threshold below the routine one, a duration above the
		/// longest a poll may run).
		ConstitutionBelowFloor,
		/// The constitution is above a ceiling the runtime sets: a quorum above
		/// [`Config::MaxQuorum`] or a protected threshold above [`Config::MaxProtectedThreshold`]
		/// would let a constitution freeze the project (no poll could pass, not even this one's
		/// repeal).
		ConstitutionAboveCeiling,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxOptions::get() >= 2, "a poll needs room for two choices");
			assert!(T::MinDuration::get() <= T::MaxDuration::get(), "durations are inverted");
			assert!(
				T::MinQuorum::get() <= T::MaxQuorum::get()
					&& T::MaxQuorum::get() < Percent::from_percent(100),
				"the quorum's ceiling must be below unanimity and above its floor"
			);
			assert!(
				T::MinProtectedThreshold::get() <= T::MaxProtectedThreshold::get()
					&& T::MaxProtectedThreshold::get() < Percent::from_percent(100),
				"the protected threshold's ceiling must be below unanimity and above its floor"
			);
			assert!(T::VoiceCredits::get() >= 1, "a voter has at least one vote");
			assert!(
				Self::check_constitution(&T::DefaultConstitution::get()).is_ok(),
				"the default constitution is below the floors"
			);
			let closing = T::WeightInfo::close_poll().saturating_add(T::MaxProposalWeight::get());
			let block = T::BlockWeights::get();
			let max = block
				.get(polkadot_sdk::frame_support::dispatch::DispatchClass::Normal)
				.max_extrinsic
				.unwrap_or(block.max_block);
			assert!(
				closing.all_lte(max),
				"closing a poll with the heaviest proposal overfills a block"
			);
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
		/// Asks the project's members to choose among `options`, until block `end`.
		///
		/// The stewards and the members by reputation at creation may vote; the electorate, for
		/// the quorum, is their number, each account counted once. Each voter has voice credits
		/// by the value of their work (see [`vote`](Pallet::vote)), and `n` votes cost `n²` of
		/// them. After `end`, anyone may close the poll: if the project constitution's quorum of
		/// the electorate voted, the single option with the
		/// most votes wins. A deposit of [`Config::PollDeposit`] plus [`Config::ByteDeposit`]
		/// per byte of the labels is held from the caller until the poll is closed.
		///
		/// ## Origin
		/// Signed by a member of the project: a steward, or an account whose reputation in the
		/// project is at least the membership threshold.
		///
		/// ## Parameters
		/// - `project`: the project; it must not be completed or cancelled.
		/// - `options`: the options' labels (a short text or a CID each): 2 to
		///   [`Config::MaxOptions`] of them, each 1 to [`Config::MaxLabelLen`] bytes.
		/// - `end`: the last block in which votes are taken: at least the constitution's
		///   `min_duration` and at most [`Config::MaxDuration`] blocks after the current one.
		///
		/// ## Errors
		/// - [`Error::TooFewOptions`]: there are fewer than two options.
		/// - [`Error::EmptyLabel`]: an option's label is empty.
		/// - `Projects::ProjectNotFound`: no project has this id.
		/// - `Projects::ProjectClosed`: the project is completed or cancelled.
		/// - [`Error::NotMember`]: the caller is not a member of the project.
		/// - `ArithmeticError::Overflow`: the earliest end block or the poll id would overflow.
		/// - [`Error::EndOutOfRange`]: `end` is sooner than the constitution's `min_duration` or
		///   later than [`Config::MaxDuration`] blocks from now.
		/// - `Contributions::StandingsUnsettled`: the project was idle so long that its members
		///   must be counted first (`settle_standings`).
		/// - `TokenError::FundsUnavailable`: the caller cannot pay the deposit.
		///
		/// ## Events
		/// - [`Event::PollCreated`].
		///
		/// ## Complexity
		/// O(1) in the project's members; O(S) in its stewards S (at most
		/// [`Config::MaxStewards`]), which are recorded with the poll; O(E) in the standing
		/// epochs E the member count settles (charged for the most it may, refunded to those it
		/// did: usually none).
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::create_poll()
				.saturating_add(T::Membership::settle_weight(T::Membership::max_settle()))
				.saturating_add(Pallet::<T>::stewards_weight())
		)]
		pub fn create_poll(
			origin: OriginFor<T>,
			project: ProjectId,
			options: BoundedVec<LabelOf<T>, T::MaxOptions>,
			end: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let creator = ensure_signed(origin)?;
			ensure!(options.len() >= 2, Error::<T>::TooFewOptions);
			ensure!(options.iter().all(|o| !o.is_empty()), Error::<T>::EmptyLabel);
			let constitution = Self::ensure_can_open(&creator, project, end)?;
			let bytes = options.iter().fold(0usize, |sum, o| sum.saturating_add(o.len()));
			let tally = BoundedVec::truncate_from(alloc::vec![0; options.len()]);
			let question = Question::Options(options);
			let settled =
				Self::open(creator, project, question, false, bytes, tally, end, constitution)?;
			Ok(Some(
				T::WeightInfo::create_poll()
					.saturating_add(T::Membership::settle_weight(settled))
					.saturating_add(Self::stewards_weight()),
			)
			.into())
		}

		/// Asks the project's members whether the project should make `call`, until block `end`.
		///
		/// The poll works as one of [`create_poll`](Pallet::create_poll), with two choices: aye
		/// and nay. It passes if the constitution's quorum of the electorate voted and the ayes
		/// are more than its threshold's share of the votes; a **protected act** (any call but
		/// the runtime's routine ones, [`Config::RoutineProposals`]) needs the constitution's
		/// protected threshold and waits its enactment delay after `end`. When the poll is
		/// closed, a passed `call` is dispatched with the project's own origin, which the runtime
		/// accepts wherever the project's governance may act. A call longer than 128 bytes
		/// encoded is stored in the preimage pallet, requested for this poll, until it is
		/// closed. A deposit of [`Config::PollDeposit`] plus [`Config::ByteDeposit`] per byte of
		/// the encoded call is held from the caller until the poll is closed. The fee is charged
		/// for the longest call allowed; the part for bytes that `call` does not use is refunded.
		///
		/// ## Origin
		/// Signed by a member of the project: a steward, or an account whose reputation in the
		/// project is at least the membership threshold.
		///
		/// ## Parameters
		/// - `project`: the project; it must not be completed or cancelled.
		/// - `call`: the call the project would make: at most [`Config::MaxProposalLen`] bytes
		///   encoded, and at most [`Config::MaxProposalWeight`].
		/// - `end`: the last block in which votes are taken: at least the constitution's
		///   `min_duration` and at most [`Config::MaxDuration`] blocks after the current one.
		///
		/// ## Errors
		/// - [`Error::ProposalTooLong`]: `call` is longer than [`Config::MaxProposalLen`] bytes
		///   encoded.
		/// - [`Error::ProposalTooHeavy`]: `call` weighs more than [`Config::MaxProposalWeight`].
		/// - `Projects::ProjectNotFound`: no project has this id.
		/// - `Projects::ProjectClosed`: the project is completed or cancelled.
		/// - [`Error::NotMember`]: the caller is not a member of the project.
		/// - `ArithmeticError::Overflow`: the earliest end block or the poll id would overflow.
		/// - [`Error::EndOutOfRange`]: `end` is sooner than the constitution's `min_duration` or
		///   later than [`Config::MaxDuration`] blocks from now.
		/// - `Contributions::StandingsUnsettled`: the project was idle so long that its members
		///   must be counted first (`settle_standings`).
		/// - `TokenError::FundsUnavailable`: the caller cannot pay the deposit.
		///
		/// ## Events
		/// - [`Event::PollCreated`].
		///
		/// ## Complexity
		/// O(L) in the call's encoded length L, O(1) in the project's members, O(S) in its
		/// stewards S, O(E) in the standing epochs E the member count settles (as for
		/// `create_poll`).
		#[pallet::call_index(1)]
		#[pallet::weight(
			T::WeightInfo::propose(T::MaxProposalLen::get())
				.saturating_add(T::Membership::settle_weight(T::Membership::max_settle()))
				.saturating_add(Pallet::<T>::stewards_weight())
		)]
		pub fn propose(
			origin: OriginFor<T>,
			project: ProjectId,
			call: Box<<T as Config>::RuntimeCall>,
			end: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let creator = ensure_signed(origin)?;
			let bytes = call.encoded_size();
			ensure!(bytes <= T::MaxProposalLen::get() as usize, Error::<T>::ProposalTooLong);
			ensure!(
				call.get_dispatch_info().call_weight.all_lte(T::MaxProposalWeight::get()),
				Error::<T>::ProposalTooHeavy
			);
			// Check everything else before noting a preimage.
			let constitution = Self::ensure_can_open(&creator, project, end)?;
			let protected = !T::RoutineProposals::contains(&call);
			let bounded = Self::request_for_poll(*call)?;
			let tally = BoundedVec::truncate_from(alloc::vec![0; 2]);
			let question = Question::Proposal(bounded);
			let settled =
				Self::open(creator, project, question, protected, bytes, tally, end, constitution)?;
			let bytes = u32::try_from(bytes).unwrap_or(u32::MAX);
			Ok(Some(
				T::WeightInfo::propose(bytes)
					.saturating_add(T::Membership::settle_weight(settled))
					.saturating_add(Self::stewards_weight()),
			)
			.into())
		}

		/// Casts `votes` votes for `choice` in a poll, at a cost of `votes²` voice credits.
		///
		/// Each voter has voice credits in each poll by the value of their work: the square of
		/// their voice (the votes their reputation in the project is worth when they vote, at
		/// least one), at most [`Config::VoiceCredits`]; and one vote: any number of votes for one
		/// choice, as many as the credits pay for. Who may vote is fixed when the poll opens; the
		/// voice is counted when the vote is cast. Voting again replaces the earlier vote (its
		/// votes leave the tally first), and voting with zero votes
		/// withdraws it. Votes are taken until the poll's end block. A first vote holds
		/// [`Config::VoteDeposit`] from the voter until the vote is withdrawn or, after the poll
		/// closed, removed.
		///
		/// ## Origin
		/// Signed by an account eligible in the poll: a steward of the project when the poll was
		/// created, or an account that was a member of the project by reputation then.
		///
		/// ## Parameters
		/// - `poll`: the poll; its end block must not have passed.
		/// - `choice`: `Aye` or `Nay` for a proposal; `Option(i)` for the option with index `i`
		///   (from 0) of an options poll.
		/// - `votes`: how many votes; `votes²` must be at most the caller's voice credits. Zero
		///   withdraws the caller's vote.
		///
		/// ## Errors
		/// - [`Error::PollNotFound`]: no running poll has this id.
		/// - [`Error::PollEnded`]: the poll's end block has passed.
		/// - [`Error::NotEligible`]: the caller may not vote in this poll.
		/// - [`Error::InvalidChoice`]: `choice` does not fit the poll.
		/// - [`Error::InsufficientCredits`]: `votes²` is more than the caller's voice credits.
		/// - [`Error::NotVoted`]: `votes` is zero and the caller has no vote to withdraw.
		/// - `ArithmeticError::Overflow`: the choice's tally would overflow.
		/// - `TokenError::FundsUnavailable`: a first vote, and the caller cannot pay the deposit.
		///
		/// ## Events
		/// - [`Event::Voted`].
		///
		/// ## Complexity
		/// O(1), whatever the poll's or the project's size: the poll, the vote, the caller's
		/// standing, and a deposit.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(
			origin: OriginFor<T>,
			poll: PollId,
			choice: Choice,
			votes: u32,
		) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			let mut record = Polls::<T>::get(poll).ok_or(Error::<T>::PollNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= record.end, Error::<T>::PollEnded);
			ensure!(Self::eligible(poll, &record, &voter), Error::<T>::NotEligible);
			let slot = record.slot(choice).ok_or(Error::<T>::InvalidChoice)?;
			let vote = Vote { choice, votes };
			ensure!(
				vote.cost() <= u64::from(Self::voice_credits(record.project, &voter)),
				Error::<T>::InsufficientCredits
			);

			let previous = Votes::<T>::get(poll, &voter);
			let deposit = match &previous {
				Some((old, deposit)) => {
					// A stored vote is for a choice of its poll.
					let old_slot =
						record.slot(old.choice).defensive_ok_or(DispatchError::Corruption)?;
					let counted = record
						.tally
						.get_mut(old_slot)
						.defensive_ok_or(DispatchError::Corruption)?;
					*counted = counted.saturating_sub(u64::from(old.votes));
					*deposit
				},
				None => {
					ensure!(votes > 0, Error::<T>::NotVoted);
					T::VoteDeposit::get()
				},
			};
			// `slot` indexes the tally: the tally has a count for every choice.
			let counted = record.tally.get_mut(slot).defensive_ok_or(DispatchError::Corruption)?;
			*counted = counted.checked_add(u64::from(votes)).ok_or(ArithmeticError::Overflow)?;
			if votes == 0 {
				Votes::<T>::remove(poll, &voter);
				Self::release_vote_deposit(&voter, deposit);
				record.voters = record.voters.saturating_sub(1);
			} else {
				if previous.is_none() {
					<T::NativeBalance as fungible::MutateHold<_>>::hold(
						&HoldReason::VoteDeposit.into(),
						&voter,
						deposit,
					)?;
					record.voters = record.voters.saturating_add(1);
				}
				Votes::<T>::insert(poll, &voter, (vote, deposit));
			}
			let tally = record.tally.clone();
			Polls::<T>::insert(poll, record);
			Self::deposit_event(Event::Voted { poll, voter, choice, votes, tally });
			Ok(())
		}

		/// Closes a poll after its end block and dispatches a passed proposal.
		///
		/// The outcome is decided: with fewer voters than the quorum's share of the electorate
		/// (or none), the poll has no quorum; a proposal passes if its ayes are more than its
		/// threshold's share of the votes, and is then dispatched with the project's own origin
		/// — a protected act only after its enactment delay. The dispatch's result is in the
		/// event: a call that fails, is no longer stored, no longer decodes, or weighs more than
		/// [`Config::MaxProposalWeight`] fails there and does not keep the poll from closing. An
		/// options poll is won by the single option with the most votes, or tied. The creator's
		/// deposit is released, the poll and any stored proposal are removed; its votes stay
		/// until they are removed ([`remove_vote`](Pallet::remove_vote),
		/// [`clear_votes`](Pallet::clear_votes)). The fee is charged for closing plus
		/// `proposal_weight_bound`; the part the proposal did not use is refunded.
		///
		/// ## Origin
		/// Signed by any account.
		///
		/// ## Parameters
		/// - `poll`: the poll; its end block must have passed.
		/// - `proposal_weight_bound`: the most weight a passed proposal's call may use; it must be
		///   at least that call's weight ([`Config::MaxProposalWeight`] always is). Zero will do
		///   for an options poll and for a proposal that did not pass.
		///
		/// ## Errors
		/// - [`Error::PollNotFound`]: no running poll has this id.
		/// - [`Error::PollRunning`]: the poll's end block has not passed.
		/// - [`Error::EnactmentPending`]: the proposal passed, is a protected act, and its
		///   enactment delay has not passed.
		/// - [`Error::ProposalWeightAboveBound`]: the proposal passed and its call weighs more
		///   than `proposal_weight_bound`.
		///
		/// ## Events
		/// - [`Event::PollClosed`].
		///
		/// ## Complexity
		/// O(1) in the poll's voters: 4 storage reads and 4 writes, plus the weight of a passed
		/// proposal's call.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::close_poll().saturating_add(*proposal_weight_bound))]
		pub fn close_poll(
			origin: OriginFor<T>,
			poll: PollId,
			proposal_weight_bound: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let record = Polls::<T>::get(poll).ok_or(Error::<T>::PollNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now > record.end, Error::<T>::PollRunning);
			let outcome = record.outcome();
			if outcome == Outcome::Passed {
				ensure!(now > record.enact_after, Error::<T>::EnactmentPending);
			}

			let mut used = T::WeightInfo::close_poll();
			// Every running poll has its question (the pallet's invariants say so).
			let question =
				PollQuestions::<T>::take(poll).defensive_ok_or(DispatchError::Corruption)?;
			let dispatched = match (&question, outcome) {
				(Question::Proposal(bounded), Outcome::Passed) => {
					let result = match T::Preimages::peek(bounded) {
						Ok((call, _)) => {
							let weight = call.get_dispatch_info().call_weight;
							if !weight.all_lte(T::MaxProposalWeight::get()) {
								Err(Error::<T>::ProposalTooHeavy.into())
							} else {
								ensure!(
									weight.all_lte(proposal_weight_bound),
									Error::<T>::ProposalWeightAboveBound
								);
								let origin =
									T::ProposalOrigin::from(ProjectOrigin::Project(record.project));
								let result = call.dispatch(origin);
								let actual = match result {
									Ok(post) => post.actual_weight,
									Err(error) => error.post_info.actual_weight,
								};
								used = used.saturating_add(actual.unwrap_or(weight));
								result.map(|_| ()).map_err(|e| e.error)
							}
						},
						Err(error) => Err(error),
					};
					T::Preimages::drop(bounded);
					Some(result)
				},
				(Question::Proposal(bounded), _) => {
					T::Preimages::drop(bounded);
					None
				},
				(Question::Options(_), _) => None,
			};

			Self::release_deposit(&record);
			Polls::<T>::remove(poll);
			PollStewards::<T>::remove(poll);
			OpenPolls::<T>::mutate_exists(record.project, |open| {
				*open = open.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
			});
			Self::deposit_event(Event::PollClosed {
				poll,
				project: record.project,
				outcome,
				tally: record.tally,
				voters: record.voters,
				electorate: record.electorate,
				dispatched,
			});
			Ok(Some(used).into())
		}

		/// Removes the caller's vote from a closed poll and returns its deposit.
		///
		/// ## Origin
		/// Signed by the voter.
		///
		/// ## Parameters
		/// - `poll`: the poll; it must have been closed.
		///
		/// ## Errors
		/// - [`Error::PollNotFound`]: no poll ever had this id.
		/// - [`Error::PollNotClosed`]: the poll is running, or ended and not yet closed.
		/// - [`Error::VoteNotFound`]: the caller has no vote in this poll.
		///
		/// ## Events
		/// - [`Event::VotesCleared`].
		///
		/// ## Complexity
		/// O(1): 3 storage reads and 3 writes.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::remove_vote())]
		pub fn remove_vote(origin: OriginFor<T>, poll: PollId) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			Self::ensure_closed(poll)?;
			let (_, deposit) = Votes::<T>::take(poll, &voter).ok_or(Error::<T>::VoteNotFound)?;
			Self::release_vote_deposit(&voter, deposit);
			let remaining = Votes::<T>::iter_key_prefix(poll).next().is_some();
			Self::deposit_event(Event::VotesCleared { poll, removed: 1, remaining });
			Ok(())
		}

		/// Removes up to `limit` votes of a closed poll and returns their deposits to their
		/// voters.
		///
		/// Anyone may clean a closed poll's votes up, a page at a time, so that no poll's votes
		/// need one block to be removed however many voters it had.
		///
		/// ## Origin
		/// Signed by any account.
		///
		/// ## Parameters
		/// - `poll`: the poll; it must have been closed.
		/// - `limit`: the most votes to remove.
		///
		/// ## Errors
		/// - [`Error::PollNotFound`]: no poll ever had this id.
		/// - [`Error::PollNotClosed`]: the poll is running, or ended and not yet closed.
		///
		/// ## Events
		/// - [`Event::VotesCleared`].
		///
		/// ## Complexity
		/// O(N) in the votes removed N, at most `limit`: 3 storage reads and writes each. The fee
		/// is charged for `limit` votes; the part for votes that were not there is refunded.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::clear_votes(*limit))]
		pub fn clear_votes(
			origin: OriginFor<T>,
			poll: PollId,
			limit: u32,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::ensure_closed(poll)?;
			let mut removed = 0u32;
			let mut drained = Votes::<T>::drain_prefix(poll);
			while removed < limit {
				let Some((voter, (_, deposit))) = drained.next() else { break };
				Self::release_vote_deposit(&voter, deposit);
				removed = removed.saturating_add(1);
			}
			drop(drained);
			let remaining = Votes::<T>::iter_key_prefix(poll).next().is_some();
			Self::deposit_event(Event::VotesCleared { poll, removed, remaining });
			Ok(Some(T::WeightInfo::clear_votes(removed)).into())
		}

		/// Sets how the project decides: quorum, thresholds, minimum duration, enactment delay.
		///
		/// Polls created afterwards follow the new constitution; running polls keep the one they
		/// were created under. Changing the constitution is itself a protected act.
		///
		/// ## Origin
		/// The project's governance ([`Config::GovernanceOrigin`]): a passed project poll, or
		/// Root.
		///
		/// ## Parameters
		/// - `project`: the project.
		/// - `constitution`: the new constitution: a quorum of at least [`Config::MinQuorum`], a
		///   threshold of at least half, a protected threshold of at least the threshold and
		///   [`Config::MinProtectedThreshold`]; a quorum of at most [`Config::MaxQuorum`] and a
		///   protected threshold of at most [`Config::MaxProtectedThreshold`], so that no
		///   constitution freezes the project; a minimum duration between
		///   [`Config::MinDuration`] and [`Config::MaxDuration`], and an enactment delay between
		///   [`Config::MinEnactmentDelay`] and [`Config::MaxDuration`].
		///
		/// ## Errors
		/// - `BadOrigin`: the origin is not the project's governance.
		/// - `Projects::ProjectNotFound`: no project has this id.
		/// - [`Error::ConstitutionBelowFloor`]: the constitution is below a floor above, or
		///   inconsistent.
		/// - [`Error::ConstitutionAboveCeiling`]: the quorum or the protected threshold is above
		///   its ceiling.
		///
		/// ## Events
		/// - [`Event::ConstitutionSet`].
		///
		/// ## Complexity
		/// O(1): 1 storage read and 1 write.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_constitution())]
		pub fn set_constitution(
			origin: OriginFor<T>,
			project: ProjectId,
			constitution: Constitution<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin, &project)?;
			T::Projects::status(project)?;
			Self::check_constitution(&constitution)?;
			Constitutions::<T>::insert(project, constitution);
			Self::deposit_event(Event::ConstitutionSet { project, constitution });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Reading the standing of each steward when a poll opens (so that each account counts
		/// once in the electorate): one contributor record per steward, on top of the benchmarked
		/// weight of opening a poll.
		pub(crate) fn stewards_weight() -> Weight {
			T::Membership::standing_weight().saturating_mul(u64::from(T::MaxStewards::get()))
		}

		/// Fails unless `poll` existed and has been closed: `PollNotFound` for an id never
		/// assigned, `PollNotClosed` for a poll still open.
		pub(crate) fn ensure_closed(poll: PollId) -> DispatchResult {
			ensure!(poll < NextPollId::<T>::get(), Error::<T>::PollNotFound);
			ensure!(!Polls::<T>::contains_key(poll), Error::<T>::PollNotClosed);
			Ok(())
		}

		/// The project's constitution.
		pub fn constitution(project: ProjectId) -> Constitution<BlockNumberFor<T>> {
			Constitutions::<T>::get(project).unwrap_or_else(T::DefaultConstitution::get)
		}

		/// Checks a constitution against the runtime's floors and ceilings.
		pub(crate) fn check_constitution(c: &Constitution<BlockNumberFor<T>>) -> DispatchResult {
			ensure!(
				c.quorum <= T::MaxQuorum::get()
					&& c.protected_threshold <= T::MaxProtectedThreshold::get(),
				Error::<T>::ConstitutionAboveCeiling
			);
			let floors = c.quorum >= T::MinQuorum::get()
				&& c.threshold >= Percent::from_percent(50)
				&& c.protected_threshold >= c.threshold
				&& c.protected_threshold >= T::MinProtectedThreshold::get()
				&& c.min_duration >= T::MinDuration::get()
				&& c.min_duration <= T::MaxDuration::get()
				&& c.enactment_delay >= T::MinEnactmentDelay::get()
				&& c.enactment_delay <= T::MaxDuration::get();
			ensure!(floors, Error::<T>::ConstitutionBelowFloor);
			Ok(())
		}

		/// Checks that `creator` may open a poll in `project` ending at `end`, and returns the
		/// constitution it opens under.
		pub(crate) fn ensure_can_open(
			creator: &T::AccountId,
			project: ProjectId,
			end: BlockNumberFor<T>,
		) -> Result<Constitution<BlockNumberFor<T>>, DispatchError> {
			T::Projects::ensure_open(project)?;
			ensure!(T::Membership::is_member(project, creator), Error::<T>::NotMember);
			let constitution = Self::constitution(project);
			let now = frame_system::Pallet::<T>::block_number();
			let earliest =
				now.checked_add(&constitution.min_duration).ok_or(ArithmeticError::Overflow)?;
			let latest = now.saturating_add(T::MaxDuration::get());
			ensure!(earliest <= end && end <= latest, Error::<T>::EndOutOfRange);
			Ok(constitution)
		}

		/// Stores a proposal for one poll: inline when short, otherwise noted in the preimage
		/// pallet with one request of its own, so that another poll proposing the same call (and
		/// dropping its request when it closes) never removes it.
		fn request_for_poll(
			call: <T as Config>::RuntimeCall,
		) -> Result<BoundedCallOf<T>, DispatchError> {
			let encoded = call.encode();
			let hash = <T as frame_system::Config>::Hashing::hash(&encoded);
			if T::Preimages::is_requested(&hash) {
				// Noting a requested preimage leaves its count: add this poll's request first.
				T::Preimages::request(&hash);
			}
			T::Preimages::bound(call)
		}

		/// Opens a poll that [`Self::ensure_can_open`] allowed: holds the deposit, records the
		/// electorate and the stewards, stores it. Returns how many standing epochs counting the
		/// members settled.
		#[allow(clippy::too_many_arguments)]
		fn open(
			creator: T::AccountId,
			project: ProjectId,
			question: Question<T>,
			protected: bool,
			bytes: usize,
			tally: BoundedVec<u64, T::MaxOptions>,
			end: BlockNumberFor<T>,
			constitution: Constitution<BlockNumberFor<T>>,
		) -> Result<u32, DispatchError> {
			let poll = NextPollId::<T>::get();
			let next = poll.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let bytes = u32::try_from(bytes).unwrap_or(u32::MAX);
			let deposit = T::PollDeposit::get()
				.saturating_add(T::ByteDeposit::get().saturating_mul(bytes.into()));
			let now = frame_system::Pallet::<T>::block_number();
			let stewards = T::Projects::stewards(project);
			// Each account counts once: the stewards who are not also members by reputation now
			// (at most `MaxStewards` standings read) are added to the members by reputation. A
			// steward counted twice would make the quorum harder to reach than the constitution
			// says, up to a quorum no poll reaches.
			let (members, settled) = T::Membership::members_count(project)?;
			let stewards_only = stewards
				.iter()
				.filter(|s| !T::Membership::standing(project, s).is_some_and(|st| st.held_at(&now)))
				.count();
			let electorate =
				members.saturating_add(u32::try_from(stewards_only).unwrap_or(u32::MAX));
			// The projects pallet bounds its stewards by the same constant.
			if stewards.len() > T::MaxStewards::get() as usize {
				polkadot_sdk::frame_support::defensive!("more stewards than MaxStewards");
			}
			let stewards = BoundedVec::<_, T::MaxStewards>::truncate_from(stewards);
			let proposal = matches!(question, Question::Proposal(_));
			<T::NativeBalance as fungible::MutateHold<_>>::hold(
				&HoldReason::PollDeposit.into(),
				&creator,
				deposit,
			)?;
			let (threshold, enact_after) = if protected {
				(constitution.protected_threshold, end.saturating_add(constitution.enactment_delay))
			} else {
				(constitution.threshold, end)
			};
			NextPollId::<T>::put(next);
			OpenPolls::<T>::mutate(project, |open| *open = open.saturating_add(1));
			Polls::<T>::insert(
				poll,
				Poll {
					project,
					creator: creator.clone(),
					proposal,
					protected,
					deposit,
					created: now,
					end,
					enact_after,
					quorum: constitution.quorum,
					threshold,
					electorate,
					voters: 0,
					tally,
				},
			);
			PollQuestions::<T>::insert(poll, question.clone());
			PollStewards::<T>::insert(poll, stewards);
			Self::deposit_event(Event::PollCreated {
				poll,
				project,
				creator,
				question,
				protected,
				end,
				enact_after,
				quorum: constitution.quorum,
				threshold,
				electorate,
			});
			Ok(settled)
		}
	}
}
