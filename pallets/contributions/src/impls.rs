//! The ledger, reputation and standing: what the calls, the hooks of other pallets and the
//! runtime API share.

use crate::{
	decay, pallet::*, runtime_api, BalanceOf, ContributionKind, ContributorOf, ProjectBooks,
	RecognitionRecord, StoredReputation,
};
use alloc::vec::Vec;
use commons_primitives::{
	traits::{ProjectMembership, ProjectsInterface, ReapRecords, Standing},
	Cid, ProjectId, ReputationScore,
};
use polkadot_sdk::{
	frame_support::{traits::Get, weights::Weight},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{
		traits::{CheckedDiv, One, Saturating, Zero},
		DispatchError, SaturatedConversion,
	},
};

impl<T: Config> Pallet<T> {
	/// Which span of `length` blocks (counted from block zero) `block` falls in.
	fn span(block: BlockNumberFor<T>, length: BlockNumberFor<T>) -> u32 {
		block.checked_div(&length.max(One::one())).unwrap_or_default().saturated_into()
	}

	/// The index of the current budget period.
	pub(crate) fn current_period() -> u32 {
		Self::span(frame_system::Pallet::<T>::block_number(), T::RecognitionPeriod::get())
	}

	/// Starts the books' spending afresh if a new period began since they last spent.
	pub(crate) fn roll_period(books: &mut ProjectBooks<T>) {
		let period = Self::current_period();
		if books.period != period {
			books.period = period;
			books.recognition_spent = Zero::zero();
			books.reputation_spent = 0;
		}
	}

	/// Draws `points` of reputation from the project's budget for the current period (the books
	/// must have been rolled to it).
	pub(crate) fn draw_reputation(
		books: &mut ProjectBooks<T>,
		points: ReputationScore,
	) -> Result<(), DispatchError> {
		let spent = books
			.reputation_spent
			.checked_add(points)
			.ok_or(polkadot_sdk::sp_runtime::ArithmeticError::Overflow)?;
		polkadot_sdk::frame_support::ensure!(
			spent <= books.reputation_budget,
			Error::<T>::ReputationBudgetExceeded
		);
		books.reputation_spent = spent;
		Ok(())
	}

	/// The project's half-life in blocks.
	pub fn half_life(project: ProjectId) -> BlockNumberFor<T> {
		Books::<T>::get(project).half_life.unwrap_or_else(T::DefaultHalfLife::get)
	}

	/// `who`'s reputation in `project` now, decayed since its last update.
	pub fn reputation(project: ProjectId, who: &T::AccountId) -> ReputationScore {
		let now = frame_system::Pallet::<T>::block_number();
		Contributors::<T>::get(project, who)
			.map(|c| Self::decayed(c.reputation, now))
			.unwrap_or_default()
	}

	fn decayed(
		stored: StoredReputation<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> ReputationScore {
		let elapsed: u64 = now.saturating_sub(stored.updated).saturated_into();
		decay::decay(stored.score, elapsed, stored.half_life.saturated_into())
	}

	/// The standing epoch of block `block`.
	pub fn epoch(block: BlockNumberFor<T>) -> u32 {
		Self::span(block, T::StandingEpoch::get())
	}

	/// The first block at which `stored` has decayed below the membership threshold, or `None`
	/// if it is below already at its last update.
	pub(crate) fn reputation_ends(
		stored: StoredReputation<BlockNumberFor<T>>,
	) -> Option<BlockNumberFor<T>> {
		let threshold = T::MemberThreshold::get();
		let lasts = decay::lasts(stored.score, threshold, stored.half_life.saturated_into())?;
		let ends = u128::from(lasts).saturating_add(1);
		Some(stored.updated.saturating_add(ends.saturated_into()))
	}

	/// When a standing earned with `stored` ends: the start of the standing epoch after the one
	/// in which the reputation falls below the threshold.
	pub(crate) fn standing_ends(
		stored: StoredReputation<BlockNumberFor<T>>,
	) -> Option<BlockNumberFor<T>> {
		Self::reputation_ends(stored).map(Self::end_of_epoch)
	}

	/// The start of the standing epoch after the one in which the block before `below` falls.
	fn end_of_epoch(below: BlockNumberFor<T>) -> BlockNumberFor<T> {
		let length = T::StandingEpoch::get().max(One::one());
		let epochs = Self::epoch(below.saturating_sub(One::one())).saturating_add(1);
		length.saturating_mul(epochs.into())
	}

	/// Records a contribution and adds `earned` reputation: one read and write of the
	/// contributor's record and of the project's books, and at most two of the standing-end
	/// buckets, whatever the project's size.
	pub fn record(
		project: ProjectId,
		who: &T::AccountId,
		kind: ContributionKind,
		value: BalanceOf<T>,
		evidence: &Cid,
		earned: ReputationScore,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		let mut books = Books::<T>::get(project);
		let unchanged = books.clone();
		let stored = Contributors::<T>::get(project, who);
		if stored.is_none() {
			books.contributors = books.contributors.saturating_add(1);
		}
		let mut contributor: ContributorOf<T> = stored.unwrap_or_default();
		contributor.totals.add(kind, value);
		let reputation = if earned > 0 {
			let held = Self::decayed(contributor.reputation, now);
			let score = held.saturating_add(earned);
			// A change of rules is prospective: reputation already held keeps the half-life it
			// was earned under when that is longer, so a later, shorter half-life never shortens
			// what someone earned (a tiny earning cannot re-stamp a whole past onto it). A
			// shorter half-life applies to reputation earned from nothing.
			let project_half_life = books.half_life.unwrap_or_else(T::DefaultHalfLife::get);
			let half_life = if held > 0 {
				project_half_life.max(contributor.reputation.half_life)
			} else {
				project_half_life
			};
			contributor.reputation = StoredReputation { score, updated: now, half_life };
			// Computed once: the standing's end and the top contributors' order both follow it.
			if let Some(below) = Self::reputation_ends(contributor.reputation) {
				let until = Self::end_of_epoch(below);
				let old = contributor.standing;
				let since = old.filter(|s| s.until > now).map_or(now, |s| s.since);
				Self::move_standing(project, &mut books, old.map(|s| s.until), until, now);
				contributor.standing = Some(Standing { since, until });
				Self::rank(&mut books, who, below, now);
			}
			score
		} else {
			Self::decayed(contributor.reputation, now)
		};
		Contributors::<T>::insert(project, who, contributor);
		// A donation or a small earning of a known contributor leaves the books as they were.
		if books != unchanged {
			Books::<T>::insert(project, books);
		}
		Self::deposit_event(Event::Contributed {
			project,
			who: who.clone(),
			kind,
			value,
			evidence: evidence.clone(),
			block: now,
			reputation,
		});
	}

	/// Moves a standing's end from `old` (if any) to `until` in the member count.
	fn move_standing(
		project: ProjectId,
		books: &mut ProjectBooks<T>,
		old: Option<BlockNumberFor<T>>,
		until: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) {
		let new_epoch = Self::epoch(until);
		if let Some(old) = old {
			let old_epoch = Self::epoch(old);
			if old_epoch == new_epoch {
				return;
			}
			if old_epoch >= books.settled {
				StandingEnds::<T>::mutate_exists(project, old_epoch, |n| {
					*n = n.map(|n| n.saturating_sub(1)).filter(|n| !n.is_zero());
				});
				books.members = books.members.saturating_sub(1);
			}
		}
		if books.members.is_zero() {
			// No standing is counted: nothing is left to settle before the next epoch.
			books.settled = books.settled.max(Self::epoch(now).saturating_add(1));
		}
		StandingEnds::<T>::mutate(project, new_epoch, |n| *n = n.saturating_add(1));
		books.members = books.members.saturating_add(1);
	}

	/// Keeps `who` among the project's top contributors if their reputation outlasts the
	/// shortest-lived of them (`below`: when it falls below the threshold); drops those whose
	/// standing ended. O(N) in [`Config::MaxTopContributors`].
	fn rank(
		books: &mut ProjectBooks<T>,
		who: &T::AccountId,
		below: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) {
		books.top.retain(|(account, lasts)| account != who && *lasts > now);
		if books.top.is_full() {
			match books.top.last() {
				Some((_, last)) if *last < below => {
					books.top.pop();
				},
				_ => return,
			}
		}
		let at = books.top.partition_point(|(_, lasts)| *lasts >= below);
		// Cannot fail: there is room, and `at` is at most the length.
		let _ = books.top.try_insert(at, (who.clone(), below));
	}

	/// Subtracts the standings that ended from the books' member count, for at most
	/// [`Config::MaxSettle`] epochs; returns how many epochs it settled and whether the count is
	/// exact now.
	pub(crate) fn settle(project: ProjectId, books: &mut ProjectBooks<T>) -> (u32, bool) {
		let current = Self::epoch(frame_system::Pallet::<T>::block_number());
		let mut steps = 0u32;
		while books.settled <= current {
			if books.members.is_zero() {
				books.settled = current.saturating_add(1);
				break;
			}
			if steps >= T::MaxSettle::get() {
				return (steps, false);
			}
			let ended = StandingEnds::<T>::take(project, books.settled);
			books.members = books.members.saturating_sub(ended);
			books.settled = books.settled.saturating_add(1);
			steps = steps.saturating_add(1);
		}
		(steps, true)
	}

	/// How many votes `who`'s reputation in `project` is worth now: one per
	/// [`Config::ReputationPerVote`] (rounded down), so that the voice a piece of work earns is
	/// proportional to its reputation, which is proportional to its value.
	pub fn voice(project: ProjectId, who: &T::AccountId) -> u32 {
		let per_vote = T::ReputationPerVote::get().max(1);
		let votes = Self::reputation(project, who).checked_div(per_vote).unwrap_or_default();
		u32::try_from(votes).unwrap_or(u32::MAX)
	}

	/// Whether `who` has a standing in `project` at `now` (earned reputation at the threshold).
	pub fn has_standing(project: ProjectId, who: &T::AccountId, now: BlockNumberFor<T>) -> bool {
		Self::standing_now(project, who, now).is_some()
	}

	/// `who`'s standing in `project` at `now`, if any.
	fn standing_now(
		project: ProjectId,
		who: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> Option<Standing<BlockNumberFor<T>>> {
		Contributors::<T>::get(project, who)?.standing.filter(|s| s.held_at(&now))
	}

	/// Whether `who` is a member of `project`: a steward, or with standing.
	pub fn is_member(project: ProjectId, who: &T::AccountId) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		Self::has_standing(project, who, now) || T::Projects::is_steward(project, who)
	}

	/// How many members by reputation `project` has now, without writing anything: the epochs
	/// not yet settled are summed (for the runtime API; calls settle instead).
	pub fn members_by_reputation(project: ProjectId) -> u32 {
		let books = Books::<T>::get(project);
		let current = Self::epoch(frame_system::Pallet::<T>::block_number());
		let mut members = books.members;
		let mut epoch = books.settled;
		while epoch <= current && !members.is_zero() {
			members = members.saturating_sub(StandingEnds::<T>::get(project, epoch));
			epoch = epoch.saturating_add(1);
		}
		members
	}

	/// How many members `project` has now: members by reputation, and the stewards without a
	/// standing.
	pub fn members_count(project: ProjectId) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let stewards = T::Projects::stewards(project)
			.into_iter()
			.filter(|steward| !Self::has_standing(project, steward, now))
			.count();
		Self::members_by_reputation(project)
			.saturating_add(u32::try_from(stewards).unwrap_or(u32::MAX))
	}

	/// What `project` knows of `who`: totals by kind, reputation and standing now, and the most
	/// recent recognitions.
	pub fn contributor(
		project: ProjectId,
		who: &T::AccountId,
	) -> runtime_api::ContributorInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		let record = Contributors::<T>::get(project, who).unwrap_or_default();
		let standing = record.standing.filter(|s| s.held_at(&now));
		let count = record.totals.recognitions.count;
		let recognitions = (count.saturating_sub(runtime_api::RECOGNITIONS_SHOWN)..count)
			.filter_map(|n| Recognitions::<T>::get((project, who, n)))
			.map(|r| RecognitionRecord {
				milestone: r.milestone,
				by: r.by,
				amount: r.amount,
				boost: r.boost,
				reason: r.reason.into_inner(),
				block: r.block,
			})
			.collect();
		runtime_api::ContributorInfo {
			totals: record.totals,
			reputation: Self::decayed(record.reputation, now),
			member: standing.is_some() || T::Projects::is_steward(project, who),
			member_since: standing.map(|s| s.since),
			member_until: standing.map(|s| s.until),
			recognitions,
		}
	}

	/// Up to `n` top contributors of `project` (members by reputation) with their reputation
	/// now, highest first.
	pub fn top_contributors(project: ProjectId, n: u32) -> Vec<(T::AccountId, ReputationScore)> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut top: Vec<_> = Books::<T>::get(project)
			.top
			.into_iter()
			.filter(|(_, lasts)| *lasts > now)
			.map(|(who, _)| {
				let score = Self::reputation(project, &who);
				(who, score)
			})
			.collect();
		top.sort_by_key(|(_, score)| core::cmp::Reverse(*score));
		top.truncate(n.saturated_into());
		top
	}

	/// Checks the ledger, the standings and the attestations against each other.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use polkadot_sdk::frame_support::{ensure, traits::fungible::InspectHold};

		let now = frame_system::Pallet::<T>::block_number();
		let mut contributors: BTreeMap<ProjectId, u32> = BTreeMap::new();
		let mut ends: BTreeMap<(ProjectId, u32), u32> = BTreeMap::new();
		for (project, who, record) in Contributors::<T>::iter() {
			let count = contributors.entry(project).or_default();
			*count = count.saturating_add(1);
			let mut recognized = BalanceOf::<T>::default();
			for n in 0..record.totals.recognitions.count {
				let r = Recognitions::<T>::get((project, &who, n)).ok_or("a recognition lost")?;
				recognized = recognized.saturating_add(r.amount);
			}
			ensure!(recognized == record.totals.recognitions.value, "recognition totals differ");
			let Some(standing) = record.standing else { continue };
			ensure!(standing.since < standing.until, "a standing that ends before it begins");
			ensure!(standing.since <= now, "a standing from the future");
			if standing.until > now {
				// Earning too little to reach the threshold again leaves the standing to the end
				// of its epoch.
				ensure!(
					Self::standing_ends(record.reputation).is_none_or(|e| e == standing.until),
					"a standing's end differs from its reputation"
				);
			}
			let epoch = Self::epoch(standing.until);
			if epoch >= Books::<T>::get(project).settled {
				let n = ends.entry((project, epoch)).or_default();
				*n = n.saturating_add(1);
			}
		}
		ensure!(
			Recognitions::<T>::iter_keys().all(|(project, who, n)| {
				Contributors::<T>::get(project, &who)
					.is_some_and(|c| n < c.totals.recognitions.count)
			}),
			"a recognition beyond the count"
		);
		for (project, books) in Books::<T>::iter() {
			ensure!(
				contributors.remove(&project).unwrap_or_default() == books.contributors,
				"contributor count differs from the records"
			);
			let counted = ends
				.iter()
				.filter(|((p, _), _)| *p == project)
				.fold(0u32, |sum, (_, n)| sum.saturating_add(*n));
			ensure!(counted == books.members, "member count differs from the standings");
			ensure!(
				books.top.iter().zip(books.top.iter().skip(1)).all(|(a, b)| a.1 >= b.1),
				"top contributors out of order"
			);
			for (i, (who, _)) in books.top.iter().enumerate() {
				ensure!(
					books.top.iter().skip(i.saturating_add(1)).all(|(o, _)| o != who),
					"a top contributor twice"
				);
			}
			ensure!(
				books.reputation_spent <= books.reputation_budget
					|| books.period != Self::current_period(),
				"more reputation added than the budget"
			);
		}
		ensure!(contributors.is_empty(), "contributors without books");
		for (project, epoch, count) in StandingEnds::<T>::iter() {
			ensure!(
				ends.remove(&(project, epoch)).unwrap_or_default() == count,
				"a standing-end bucket differs from the standings"
			);
		}
		ensure!(ends.values().all(|n| n.is_zero()), "standings missing from their buckets");

		let next = NextAttestationId::<T>::get();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, attestation) in Attestations::<T>::iter() {
			ensure!(id < next, "an attestation id at or above NextAttestationId");
			ensure!(
				(attestation.endorsers.len() as u32) < T::RequiredEndorsements::get(),
				"an accepted attestation still open"
			);
			ensure!(
				!attestation.endorsers.contains(&attestation.contributor),
				"a contributor endorsed"
			);
			for (i, e) in attestation.endorsers.iter().enumerate() {
				ensure!(
					attestation.endorsers.iter().skip(i.saturating_add(1)).all(|o| o != e),
					"an endorser twice"
				);
			}
			let entry = held.entry(attestation.contributor.clone()).or_default();
			*entry = entry.saturating_add(attestation.deposit);
		}
		for (who, deposits) in held {
			let on_hold =
				T::NativeBalance::balance_on_hold(&HoldReason::AttestationDeposit.into(), &who);
			ensure!(on_hold == deposits, "held deposits differ from the attestations");
		}
		Ok(())
	}
}

/// Quadratic voting's and tasks' view of membership.
impl<T: Config> ProjectMembership<T::AccountId> for Pallet<T> {
	type BlockNumber = BlockNumberFor<T>;

	fn reputation(project: ProjectId, who: &T::AccountId) -> ReputationScore {
		Pallet::<T>::reputation(project, who)
	}

	fn is_member(project: ProjectId, who: &T::AccountId) -> bool {
		Pallet::<T>::is_member(project, who)
	}

	fn voice(project: ProjectId, who: &T::AccountId) -> u32 {
		Pallet::<T>::voice(project, who)
	}

	fn standing(project: ProjectId, who: &T::AccountId) -> Option<Standing<BlockNumberFor<T>>> {
		Contributors::<T>::get(project, who)?.standing
	}

	/// One read of a contributor record, at its largest (proof size as its storage key and
	/// value take in a proof, like the benchmarks' `MaxEncodedLen` estimate).
	fn standing_weight() -> Weight {
		use codec::MaxEncodedLen;
		// Twox64Concat(ProjectId) and Blake2_128Concat(AccountId) keys, after the prefixes.
		let key = 32usize
			.saturating_add(8 + 4)
			.saturating_add(16)
			.saturating_add(T::AccountId::max_encoded_len());
		let proof = key.saturating_add(ContributorOf::<T>::max_encoded_len());
		T::DbWeight::get().reads(1).saturating_add(Weight::from_parts(0, proof as u64))
	}

	fn members_count(project: ProjectId) -> Result<(u32, u32), DispatchError> {
		polkadot_sdk::frame_support::storage::with_storage_layer(|| {
			let mut books = Books::<T>::get(project);
			let (steps, exact) = Pallet::<T>::settle(project, &mut books);
			polkadot_sdk::frame_support::ensure!(exact, Error::<T>::StandingsUnsettled);
			let members = books.members;
			if steps > 0 {
				Books::<T>::insert(project, books);
			}
			Ok((members, steps))
		})
	}

	fn max_settle() -> u32 {
		T::MaxSettle::get()
	}

	/// What `settle_standings` weighs for as many epochs: its base (reading and writing the
	/// books) is charged only when something was settled.
	fn settle_weight(epochs: u32) -> Weight {
		if epochs == 0 {
			return Weight::zero();
		}
		<T::WeightInfo as crate::WeightInfo>::settle_standings(epochs)
	}
}

/// A reaped project's ledger goes with it: its contributors' records, recognitions, standing
/// counts and books, a page at a time.
impl<T: Config> ReapRecords for Pallet<T> {
	fn reap_records(project: ProjectId, limit: u32) -> u32 {
		let mut left = limit as usize;
		let contributors: Vec<_> = Contributors::<T>::iter_key_prefix(project).take(left).collect();
		for who in &contributors {
			Contributors::<T>::remove(project, who);
		}
		left = left.saturating_sub(contributors.len());
		let recognitions: Vec<_> =
			Recognitions::<T>::iter_key_prefix((project,)).take(left).collect();
		for (who, n) in &recognitions {
			Recognitions::<T>::remove((project, who, n));
		}
		left = left.saturating_sub(recognitions.len());
		let epochs: Vec<_> = StandingEnds::<T>::iter_key_prefix(project).take(left).collect();
		for epoch in &epochs {
			StandingEnds::<T>::remove(project, epoch);
		}
		left = left.saturating_sub(epochs.len());
		if left > 0 && Books::<T>::contains_key(project) {
			Books::<T>::remove(project);
			left = left.saturating_sub(1);
		}
		limit.saturating_sub(left as u32)
	}

	fn reap_records_weight(removed: u32) -> Weight {
		<T::WeightInfo as crate::WeightInfo>::reap_records(removed)
	}
}
