//! Eligibility, deposits, what the runtime API and the projects pallet read, and the invariants.

use crate::{pallet::*, runtime_api::PollInfo, BalanceOf, Poll, Question};
use commons_primitives::{
	traits::{OutstandingWork, ProjectMembership, ReapRecords},
	PollId, ProjectId,
};
use polkadot_sdk::{
	frame_support::{traits::Get, weights::Weight},
	frame_system,
	sp_runtime::Saturating,
};

impl<T: Config> Pallet<T> {
	/// Whether `who` may vote in poll `id` (whose record is `poll`): a member by reputation when
	/// it was created, or a steward of its project then (the stewards are read only for a voter
	/// without that standing).
	pub fn eligible(id: PollId, poll: &Poll<T>, who: &T::AccountId) -> bool {
		T::Membership::standing(poll.project, who)
			.is_some_and(|standing| standing.held_at(&poll.created))
			|| PollStewards::<T>::get(id).contains(who)
	}

	/// Returns a vote's deposit to its voter.
	pub(crate) fn release_vote_deposit(voter: &T::AccountId, deposit: BalanceOf<T>) {
		commons_primitives::release_hold::<_, T::NativeBalance>(
			&HoldReason::VoteDeposit.into(),
			voter,
			deposit,
		);
	}

	/// Returns a poll's deposit to its creator.
	pub(crate) fn release_deposit(poll: &Poll<T>) {
		commons_primitives::release_hold::<_, T::NativeBalance>(
			&HoldReason::PollDeposit.into(),
			&poll.creator,
			poll.deposit,
		);
	}

	/// A running poll's state, for the runtime API.
	pub fn poll_info(
		poll: PollId,
	) -> Option<PollInfo<T::AccountId, polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor<T>>>
	{
		let record = Polls::<T>::get(poll)?;
		let now = frame_system::Pallet::<T>::block_number();
		let options = match PollQuestions::<T>::get(poll) {
			Some(Question::Options(options)) => options.iter().map(|o| o.to_vec()).collect(),
			_ => alloc::vec::Vec::new(),
		};
		Some(PollInfo {
			project: record.project,
			creator: record.creator.clone(),
			proposal: record.proposal,
			options,
			tally: record.tally.to_vec(),
			voters: record.voters,
			electorate: record.electorate,
			quorum: record.quorum,
			threshold: record.threshold,
			protected: record.protected,
			enact_after: record.enact_after,
			created: record.created,
			end: record.end,
			ended: now > record.end,
			outcome: record.outcome(),
		})
	}

	/// The voice credits an eligible voter has in a poll of `project` now: the square of their
	/// voice (the votes their reputation is worth, at least one), at most
	/// [`Config::VoiceCredits`]. Voice grows with the value of peer-reviewed work, not with the
	/// number of accounts that did it.
	pub fn voice_credits(project: ProjectId, who: &T::AccountId) -> u32 {
		let voice = T::Membership::voice(project, who).max(1);
		voice.saturating_mul(voice).min(T::VoiceCredits::get())
	}

	/// The voice credits `who` has left in `poll`, or `None` if they may not vote in it.
	pub fn credits(poll: PollId, who: &T::AccountId) -> Option<u32> {
		let record = Polls::<T>::get(poll)?;
		if !Self::eligible(poll, &record, who) {
			return None;
		}
		let spent = Votes::<T>::get(poll, who).map(|(v, _)| v.cost()).unwrap_or_default();
		let left = u64::from(Self::voice_credits(record.project, who)).saturating_sub(spent);
		Some(u32::try_from(left).unwrap_or(u32::MAX))
	}

	/// Checks tallies, voters, credits, open-poll counts and deposits against the stored votes.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use polkadot_sdk::frame_support::{ensure, traits::fungible::InspectHold};

		let next = NextPollId::<T>::get();
		let mut open: BTreeMap<ProjectId, u32> = BTreeMap::new();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut vote_held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, poll) in Polls::<T>::iter() {
			ensure!(id < next, "a poll id at or above NextPollId");
			let question = PollQuestions::<T>::get(id).ok_or("a poll without its question")?;
			let expected_len = match &question {
				Question::Options(options) => options.len(),
				Question::Proposal(_) => 2,
			};
			ensure!(
				poll.proposal == matches!(question, Question::Proposal(_)),
				"a poll's kind differs from its question"
			);
			ensure!(poll.tally.len() == expected_len, "a tally of the wrong shape");
			ensure!(
				poll.end < poll.enact_after || !poll.protected,
				"a protected act without delay"
			);
			ensure!(
				poll.threshold >= polkadot_sdk::sp_runtime::Percent::from_percent(50),
				"a threshold below half"
			);
			let mut tally = alloc::vec![0u64; expected_len];
			let mut voters = 0u32;
			for (_, (vote, _)) in Votes::<T>::iter_prefix(id) {
				ensure!(vote.votes > 0, "a stored vote of no votes");
				ensure!(
					vote.cost() <= u64::from(T::VoiceCredits::get()),
					"a vote costs more credits than a voter has"
				);
				let slot = poll.slot(vote.choice).ok_or("a vote for no choice of its poll")?;
				let counted = tally.get_mut(slot).ok_or("a vote for no choice of its poll")?;
				*counted = counted.saturating_add(u64::from(vote.votes));
				voters = voters.saturating_add(1);
			}
			ensure!(poll.tally.to_vec() == tally, "a tally differs from the sum of its votes");
			ensure!(poll.voters == voters, "a voter count differs from the votes");
			let count = open.entry(poll.project).or_default();
			*count = count.saturating_add(1);
			let deposit = held.entry(poll.creator.clone()).or_default();
			*deposit = deposit.saturating_add(poll.deposit);
		}
		for (project, count) in OpenPolls::<T>::iter() {
			ensure!(count > 0, "a zero open-poll count is stored");
			ensure!(
				open.remove(&project).unwrap_or_default() == count,
				"an open-poll count differs from the polls"
			);
		}
		ensure!(open.is_empty(), "polls not counted as open");
		ensure!(
			PollQuestions::<T>::iter_keys().all(Polls::<T>::contains_key)
				&& PollStewards::<T>::iter_keys().all(Polls::<T>::contains_key),
			"a question or stewards of no running poll"
		);
		for (poll, voter, (_, deposit)) in Votes::<T>::iter() {
			ensure!(poll < next, "votes of a poll that never existed");
			let held = vote_held.entry(voter).or_default();
			*held = held.saturating_add(deposit);
		}
		for (who, deposits) in held {
			let on_hold = T::NativeBalance::balance_on_hold(&HoldReason::PollDeposit.into(), &who);
			ensure!(on_hold == deposits, "held deposits differ from the polls");
		}
		for (who, deposits) in vote_held {
			let on_hold = T::NativeBalance::balance_on_hold(&HoldReason::VoteDeposit.into(), &who);
			ensure!(on_hold == deposits, "held deposits differ from the votes");
		}
		Ok(())
	}
}

/// A project with open polls cannot be reaped.
impl<T: Config> OutstandingWork for Pallet<T> {
	fn outstanding(project: ProjectId) -> u32 {
		OpenPolls::<T>::get(project)
	}
}

/// A reaped project's constitution goes with it (it has no open poll; its closed polls' votes
/// are their voters' to remove, each holding a deposit).
impl<T: Config> ReapRecords for Pallet<T> {
	fn reap_records(project: ProjectId, limit: u32) -> u32 {
		if limit == 0 || !Constitutions::<T>::contains_key(project) {
			return 0;
		}
		Constitutions::<T>::remove(project);
		1
	}

	fn reap_records_weight(_: u32) -> Weight {
		<T::WeightInfo as crate::WeightInfo>::reap_records()
	}
}
