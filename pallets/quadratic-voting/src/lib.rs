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
//! ([`ProjectMembership`](commons_primitives::traits::ProjectMembership)): its
//! stewards, and accounts whose earned reputation is at the membership threshold and **has been
//! since the poll was created** — reputation is earned by peer-reviewed work (the sybil defence),
//! and none earned during a poll gives a voice in it. The electorate (for the quorum) is the
//! member count at creation.
//!
//! **Voice credits.** Every eligible voter has the same [`Config::VoiceCredits`] per poll; `n`
//! votes cost `n²` credits, so a voter can show how strongly they care, at a price that grows
//! faster than the votes. A vote can be changed (or withdrawn with `n = 0`) until the poll ends:
//! the old votes leave the tally first. Tallies update in O(1) per vote.
//!
//! **Closing.** After the end block anyone closes the poll: the outcome is computed (a quorum of
//! the electorate must have voted; a proposal passes with more ayes than nays; an options poll
//! is won by the single option with the most votes), a passed proposal is dispatched (its
//! result is in the event), the creator's deposit returns, and the poll and its votes are
//! removed (at most [`Config::MaxVoters`] of them).
//!
//! ## Who may do what
//!
//! | call | origin |
//! | --- | --- |
//! | [`create_poll`](Pallet::create_poll), [`propose`](Pallet::propose) | a member of the project |
//! | [`vote`](Pallet::vote) | a member eligible in the poll |
//! | [`close_poll`](Pallet::close_poll) | any signed account, after the end block |
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
			traits::{fungible, DefensiveOption, QueryPreimage, StorePreimage},
		},
		frame_system::{self, pallet_prelude::*},
		sp_runtime::{
			traits::{CheckedAdd, Dispatchable, Saturating},
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

		/// Who the members of a project are.
		type Membership: ProjectMembership<Self::AccountId, BlockNumber = BlockNumberFor<Self>>;

		/// Where proposals too long to keep inline are noted.
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;

		/// The voice credits every eligible voter has in every poll.
		#[pallet::constant]
		type VoiceCredits: Get<u32>;

		/// The shortest a poll may run, in blocks.
		#[pallet::constant]
		type MinDuration: Get<BlockNumberFor<Self>>;

		/// The longest a poll may run, in blocks.
		#[pallet::constant]
		type MaxDuration: Get<BlockNumberFor<Self>>;

		/// The fixed part of a poll's deposit.
		#[pallet::constant]
		type PollDeposit: Get<BalanceOf<Self>>;

		/// The deposit per byte of a poll's question (its labels, or its proposal).
		#[pallet::constant]
		type ByteDeposit: Get<BalanceOf<Self>>;

		/// The most options a poll may have (at least two).
		#[pallet::constant]
		type MaxOptions: Get<u32>;

		/// The longest label of an option.
		#[pallet::constant]
		type MaxLabelLen: Get<u32>;

		/// The longest proposal, encoded, in bytes.
		#[pallet::constant]
		type MaxProposalLen: Get<u32>;

		/// The most voters one poll may have (this bounds closing it).
		#[pallet::constant]
		type MaxVoters: Get<u32>;

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
	}

	/// Running polls (and ended ones not yet closed).
	#[pallet::storage]
	pub type Polls<T: Config> = StorageMap<_, Twox64Concat, PollId, Poll<T>>;

	/// The id the next poll gets.
	#[pallet::storage]
	pub type NextPollId<T: Config> = StorageValue<_, PollId, ValueQuery>;

	/// Each voter's vote in each running poll.
	#[pallet::storage]
	pub type Votes<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PollId, Blake2_128Concat, T::AccountId, Vote>;

	/// How many polls each project has open (they keep it from being reaped).
	#[pallet::storage]
	pub type OpenPolls<T: Config> = StorageMap<_, Twox64Concat, ProjectId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A poll was created; votes are taken until `end`, from an electorate of `electorate`.
		PollCreated {
			poll: PollId,
			project: ProjectId,
			creator: T::AccountId,
			question: Question<T>,
			end: BlockNumberFor<T>,
			quorum: Percent,
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
		/// The account may not vote in this poll: it is not a steward, and was not a member by
		/// reputation when the poll was created.
		NotEligible,
		/// The choice does not fit the poll: aye or nay for a proposal, an existing option's
		/// index otherwise.
		InvalidChoice,
		/// `votes²` is more than the voice credits each voter has.
		InsufficientCredits,
		/// There is no vote to withdraw.
		NotVoted,
		/// The poll has as many voters as it may have.
		TooManyVoters,
		/// The passed proposal weighs more than the bound given to close the poll.
		ProposalWeightAboveBound,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxOptions::get() >= 2, "a poll needs room for two choices");
			assert!(T::MaxVoters::get() >= 1, "a poll needs room for a voter");
			assert!(T::MinDuration::get() <= T::MaxDuration::get(), "durations are inverted");
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
		/// The project's stewards may vote, and so may the accounts that have been members by
		/// reputation since the poll was created or earlier; the electorate, for the quorum, is
		/// the number of members at creation. Each voter has [`Config::VoiceCredits`] voice
		/// credits in the poll, and `n` votes cost `n²` of them. After `end`, anyone may close
		/// the poll: if enough of the electorate voted, the single option with the most votes
		/// wins. A deposit of [`Config::PollDeposit`] plus [`Config::ByteDeposit`] per byte of
		/// the labels is held from the caller until the poll is closed.
		///
		/// ## Origin
		/// Signed by a member of the project: a steward, or an account whose reputation in the
		/// project is at least the membership threshold.
		///
		/// ## Parameters
		/// - `project`: the project; it must not be completed or cancelled.
		/// - `options`: the options' labels (a short text or a CID each): 2 to
		///   [`Config::MaxOptions`] of them, each 1 to [`Config::MaxLabelLen`] bytes.
		/// - `end`: the last block in which votes are taken: at least [`Config::MinDuration`] and
		///   at most [`Config::MaxDuration`] blocks after the current one.
		/// - `quorum`: the share of the electorate that must vote for the outcome to count
		///   (rounded up, and at least one voter).
		///
		/// ## Errors
		/// - [`Error::TooFewOptions`]: there are fewer than two options.
		/// - [`Error::EmptyLabel`]: an option's label is empty.
		/// - `Projects::ProjectNotFound`: no project has this id.
		/// - `Projects::ProjectClosed`: the project is completed or cancelled.
		/// - [`Error::NotMember`]: the caller is not a member of the project.
		/// - `ArithmeticError::Overflow`: the earliest end block or the poll id would overflow.
		/// - [`Error::EndOutOfRange`]: `end` is sooner than [`Config::MinDuration`] or later than
		///   [`Config::MaxDuration`] blocks from now.
		/// - `TokenError::FundsUnavailable`: the caller cannot pay the deposit.
		///
		/// ## Events
		/// - [`Event::PollCreated`].
		///
		/// ## Complexity
		/// O(1): 6 storage reads and 5 writes. One of them reads the project's list of members by
		/// reputation whole, to check membership and count the electorate.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_poll())]
		pub fn create_poll(
			origin: OriginFor<T>,
			project: ProjectId,
			options: BoundedVec<LabelOf<T>, T::MaxOptions>,
			end: BlockNumberFor<T>,
			quorum: Percent,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			ensure!(options.len() >= 2, Error::<T>::TooFewOptions);
			ensure!(options.iter().all(|o| !o.is_empty()), Error::<T>::EmptyLabel);
			Self::ensure_can_open(&creator, project, end)?;
			let bytes = options.iter().fold(0usize, |sum, o| sum.saturating_add(o.len()));
			let tally = BoundedVec::truncate_from(alloc::vec![0; options.len()]);
			Self::open(creator, project, Question::Options(options), bytes, tally, end, quorum)
		}

		/// Asks the project's members whether the project should make `call`, until block `end`.
		///
		/// The poll works as one of [`create_poll`](Pallet::create_poll), with two choices: aye
		/// and nay. If, when the poll is closed, enough of the electorate voted and the ayes
		/// outnumber the nays, `call` is dispatched with the project's own origin, which the
		/// runtime accepts wherever the project's governance may act. A call longer than 128
		/// bytes encoded is stored in the preimage pallet until the poll is closed. A deposit of
		/// [`Config::PollDeposit`] plus [`Config::ByteDeposit`] per byte of the encoded call is
		/// held from the caller until the poll is closed. The fee is charged for the longest call
		/// allowed; the part for bytes that `call` does not use is refunded.
		///
		/// ## Origin
		/// Signed by a member of the project: a steward, or an account whose reputation in the
		/// project is at least the membership threshold.
		///
		/// ## Parameters
		/// - `project`: the project; it must not be completed or cancelled.
		/// - `call`: the call the project would make: at most [`Config::MaxProposalLen`] bytes
		///   encoded.
		/// - `end`: the last block in which votes are taken: at least [`Config::MinDuration`] and
		///   at most [`Config::MaxDuration`] blocks after the current one.
		/// - `quorum`: the share of the electorate that must vote for the outcome to count
		///   (rounded up, and at least one voter).
		///
		/// ## Errors
		/// - [`Error::ProposalTooLong`]: `call` is longer than [`Config::MaxProposalLen`] bytes
		///   encoded.
		/// - `Projects::ProjectNotFound`: no project has this id.
		/// - `Projects::ProjectClosed`: the project is completed or cancelled.
		/// - [`Error::NotMember`]: the caller is not a member of the project.
		/// - `ArithmeticError::Overflow`: the earliest end block or the poll id would overflow.
		/// - [`Error::EndOutOfRange`]: `end` is sooner than [`Config::MinDuration`] or later than
		///   [`Config::MaxDuration`] blocks from now.
		/// - `TokenError::FundsUnavailable`: the caller cannot pay the deposit.
		///
		/// ## Events
		/// - [`Event::PollCreated`].
		///
		/// ## Complexity
		/// O(L) in the call's encoded length L: 8 storage reads and 7 writes. One of them reads
		/// the project's list of members by reputation whole, to check membership and count the
		/// electorate.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::propose(T::MaxProposalLen::get()))]
		pub fn propose(
			origin: OriginFor<T>,
			project: ProjectId,
			call: Box<<T as Config>::RuntimeCall>,
			end: BlockNumberFor<T>,
			quorum: Percent,
		) -> DispatchResultWithPostInfo {
			let creator = ensure_signed(origin)?;
			let bytes = call.encoded_size();
			ensure!(bytes <= T::MaxProposalLen::get() as usize, Error::<T>::ProposalTooLong);
			// Check everything else before noting a preimage.
			Self::ensure_can_open(&creator, project, end)?;
			let bounded = T::Preimages::bound(*call)?;
			let tally = BoundedVec::truncate_from(alloc::vec![0; 2]);
			Self::open(creator, project, Question::Proposal(bounded), bytes, tally, end, quorum)?;
			let bytes = u32::try_from(bytes).unwrap_or(u32::MAX);
			Ok(Some(T::WeightInfo::propose(bytes)).into())
		}

		/// Casts `votes` votes for `choice` in a poll, at a cost of `votes²` voice credits.
		///
		/// Each voter has [`Config::VoiceCredits`] voice credits in each poll, and one vote: any
		/// number of votes for one choice, as many as the credits pay for. Voting again replaces
		/// the earlier vote (its votes leave the tally first), and voting with zero votes
		/// withdraws it. Votes are taken until the poll's end block.
		///
		/// ## Origin
		/// Signed by an account eligible in the poll: a steward of the project, or an account
		/// that has been a member of the project by reputation since the poll was created or
		/// earlier.
		///
		/// ## Parameters
		/// - `poll`: the poll; its end block must not have passed.
		/// - `choice`: `Aye` or `Nay` for a proposal; `Option(i)` for the option with index `i`
		///   (from 0) of an options poll.
		/// - `votes`: how many votes; `votes²` must be at most [`Config::VoiceCredits`]. Zero
		///   withdraws the caller's vote.
		///
		/// ## Errors
		/// - [`Error::PollNotFound`]: no running poll has this id.
		/// - [`Error::PollEnded`]: the poll's end block has passed.
		/// - [`Error::NotEligible`]: the caller may not vote in this poll.
		/// - [`Error::InvalidChoice`]: `choice` does not fit the poll.
		/// - [`Error::InsufficientCredits`]: `votes²` is more than [`Config::VoiceCredits`].
		/// - [`Error::NotVoted`]: `votes` is zero and the caller has no vote to withdraw.
		/// - [`Error::TooManyVoters`]: the caller has not voted yet and the poll already has
		///   [`Config::MaxVoters`] voters.
		/// - `ArithmeticError::Overflow`: the choice's tally would overflow.
		///
		/// ## Events
		/// - [`Event::Voted`].
		///
		/// ## Complexity
		/// O(1): 4 storage reads and 2 writes. One of them reads the project's list of members by
		/// reputation whole, to check eligibility.
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
			ensure!(Self::eligible(&record, &voter), Error::<T>::NotEligible);
			let slot = record.slot(choice).ok_or(Error::<T>::InvalidChoice)?;
			let vote = Vote { choice, votes };
			ensure!(
				vote.cost() <= u64::from(T::VoiceCredits::get()),
				Error::<T>::InsufficientCredits
			);

			let previous = Votes::<T>::get(poll, &voter);
			match previous {
				Some(old) => {
					// A stored vote is for a choice of its poll.
					let old_slot =
						record.slot(old.choice).defensive_ok_or(DispatchError::Corruption)?;
					let counted = record
						.tally
						.get_mut(old_slot)
						.defensive_ok_or(DispatchError::Corruption)?;
					*counted = counted.saturating_sub(u64::from(old.votes));
				},
				None => {
					ensure!(votes > 0, Error::<T>::NotVoted);
					ensure!(record.voters < T::MaxVoters::get(), Error::<T>::TooManyVoters);
				},
			}
			// `slot` indexes the tally: the tally has a count for every choice.
			let counted = record.tally.get_mut(slot).defensive_ok_or(DispatchError::Corruption)?;
			*counted = counted.checked_add(u64::from(votes)).ok_or(ArithmeticError::Overflow)?;
			if votes == 0 {
				Votes::<T>::remove(poll, &voter);
				record.voters = record.voters.saturating_sub(1);
			} else {
				Votes::<T>::insert(poll, &voter, vote);
				if previous.is_none() {
					record.voters = record.voters.saturating_add(1);
				}
			}
			let tally = record.tally.clone();
			Polls::<T>::insert(poll, record);
			Self::deposit_event(Event::Voted { poll, voter, choice, votes, tally });
			Ok(())
		}

		/// Closes a poll after its end block and dispatches a passed proposal.
		///
		/// The outcome is decided: with fewer voters than the quorum's share of the electorate
		/// (or none), the poll has no quorum; a proposal passes if its ayes outnumber its nays,
		/// and is then dispatched with the project's own origin (its result is in the event: a
		/// failed proposal does not make this call fail); an options poll is won by the single
		/// option with the most votes, or tied. The creator's deposit is released, and the poll,
		/// its votes and any stored proposal are removed. The fee is charged for
		/// [`Config::MaxVoters`] votes plus `proposal_weight_bound`; the part for votes the poll
		/// did not have and weight the proposal did not use is refunded.
		///
		/// ## Origin
		/// Signed by any account.
		///
		/// ## Parameters
		/// - `poll`: the poll; its end block must have passed.
		/// - `proposal_weight_bound`: the most weight a passed proposal's call may use; it must be
		///   at least that call's weight. Zero will do for an options poll and for a proposal that
		///   did not pass.
		///
		/// ## Errors
		/// - [`Error::PollNotFound`]: no running poll has this id.
		/// - [`Error::PollRunning`]: the poll's end block has not passed.
		/// - [`Error::ProposalWeightAboveBound`]: the proposal passed and its call weighs more
		///   than `proposal_weight_bound`.
		/// - `DispatchError::Unavailable`: the proposal passed and its call is no longer stored
		///   in the preimage pallet.
		/// - `DispatchError::Corruption`: the proposal passed and its call no longer decodes (the
		///   runtime's calls changed since it was proposed).
		///
		/// ## Events
		/// - [`Event::PollClosed`].
		///
		/// ## Complexity
		/// O(V) in the poll's voters V (at most [`Config::MaxVoters`]): 4 storage reads and 4
		/// writes, plus 1 read and 1 write per vote, plus the weight of a passed proposal's call.
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::close_poll(T::MaxVoters::get()).saturating_add(*proposal_weight_bound)
		)]
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

			let mut used = T::WeightInfo::close_poll(record.voters);
			let dispatched = match (&record.question, outcome) {
				(Question::Proposal(bounded), Outcome::Passed) => {
					let (call, _) = T::Preimages::peek(bounded)?;
					let weight = call.get_dispatch_info().call_weight;
					ensure!(
						weight.all_lte(proposal_weight_bound),
						Error::<T>::ProposalWeightAboveBound
					);
					T::Preimages::drop(bounded);
					let origin = T::ProposalOrigin::from(ProjectOrigin::Project(record.project));
					let result = call.dispatch(origin);
					let actual = match result {
						Ok(post) => post.actual_weight,
						Err(error) => error.post_info.actual_weight,
					};
					used = used.saturating_add(actual.unwrap_or(weight));
					Some(result.map(|_| ()).map_err(|e| e.error))
				},
				(Question::Proposal(bounded), _) => {
					T::Preimages::drop(bounded);
					None
				},
				(Question::Options(_), _) => None,
			};

			Self::release_deposit(&record);
			let _ = Votes::<T>::clear_prefix(poll, T::MaxVoters::get(), None);
			Polls::<T>::remove(poll);
			OpenPolls::<T>::mutate(record.project, |open| *open = open.saturating_sub(1));
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
	}

	impl<T: Config> Pallet<T> {
		/// Checks that `creator` may open a poll in `project` ending at `end`.
		pub(crate) fn ensure_can_open(
			creator: &T::AccountId,
			project: ProjectId,
			end: BlockNumberFor<T>,
		) -> DispatchResult {
			T::Projects::ensure_open(project)?;
			ensure!(T::Membership::is_member(project, creator), Error::<T>::NotMember);
			let now = frame_system::Pallet::<T>::block_number();
			let earliest =
				now.checked_add(&T::MinDuration::get()).ok_or(ArithmeticError::Overflow)?;
			let latest = now.saturating_add(T::MaxDuration::get());
			ensure!(earliest <= end && end <= latest, Error::<T>::EndOutOfRange);
			Ok(())
		}

		/// Opens a poll that [`Self::ensure_can_open`] allowed: holds the deposit, snapshots the
		/// electorate, stores it.
		fn open(
			creator: T::AccountId,
			project: ProjectId,
			question: Question<T>,
			bytes: usize,
			tally: BoundedVec<u64, T::MaxOptions>,
			end: BlockNumberFor<T>,
			quorum: Percent,
		) -> DispatchResult {
			let poll = NextPollId::<T>::get();
			let next = poll.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let bytes = u32::try_from(bytes).unwrap_or(u32::MAX);
			let deposit = T::PollDeposit::get()
				.saturating_add(T::ByteDeposit::get().saturating_mul(bytes.into()));
			<T::NativeBalance as fungible::MutateHold<_>>::hold(
				&HoldReason::PollDeposit.into(),
				&creator,
				deposit,
			)?;
			let electorate = T::Membership::members_count(project);
			NextPollId::<T>::put(next);
			OpenPolls::<T>::mutate(project, |open| *open = open.saturating_add(1));
			Polls::<T>::insert(
				poll,
				Poll {
					project,
					creator: creator.clone(),
					question: question.clone(),
					deposit,
					created: frame_system::Pallet::<T>::block_number(),
					end,
					quorum,
					electorate,
					voters: 0,
					tally,
				},
			);
			Self::deposit_event(Event::PollCreated {
				poll,
				project,
				creator,
				question,
				end,
				quorum,
				electorate,
			});
			Ok(())
		}
	}
}
