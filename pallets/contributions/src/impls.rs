//! The ledger, reputation and standing: what the calls, the hooks of other pallets and the
//! runtime API share.

use crate::{
	decay, pallet::*, runtime_api, BalanceOf, ContributionKind, ContributionRecord,
	RecognitionRecord, Standing, StandingOf, StoredReputation,
};
use alloc::vec::Vec;
use commons_primitives::{
	traits::{ProjectMembership, ProjectsInterface},
	Cid, ProjectId, ReputationScore,
};
use polkadot_sdk::{
	frame_support::traits::Get,
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{
		traits::{CheckedDiv, One, Saturating},
		SaturatedConversion,
	},
};

impl<T: Config> Pallet<T> {
	/// The index of the current recognition period.
	pub(crate) fn recognition_period() -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let period = T::RecognitionPeriod::get().max(One::one());
		now.checked_div(&period).unwrap_or_default().saturated_into()
	}

	/// The project's half-life in blocks.
	pub fn half_life(project: ProjectId) -> BlockNumberFor<T> {
		HalfLives::<T>::get(project).unwrap_or_else(T::DefaultHalfLife::get)
	}

	/// `who`'s reputation in `project` now, decayed since its last update.
	pub fn reputation(project: ProjectId, who: &T::AccountId) -> ReputationScore {
		let now = frame_system::Pallet::<T>::block_number();
		Self::decayed(Reputations::<T>::get(project, who), now)
	}

	fn decayed(
		stored: StoredReputation<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) -> ReputationScore {
		let elapsed: u64 = now.saturating_sub(stored.updated).saturated_into();
		decay::decay(stored.score, elapsed, stored.half_life.saturated_into())
	}

	/// The first block at which `stored` has decayed below the membership threshold, or `None`
	/// if it is below already at its last update.
	pub(crate) fn standing_ends(
		stored: StoredReputation<BlockNumberFor<T>>,
	) -> Option<BlockNumberFor<T>> {
		let threshold = T::MemberThreshold::get();
		let lasts = decay::lasts(stored.score, threshold, stored.half_life.saturated_into())?;
		let ends = u128::from(lasts).saturating_add(1);
		Some(stored.updated.saturating_add(ends.saturated_into()))
	}

	/// Records a contribution and adds `earned` reputation.
	pub fn record(
		project: ProjectId,
		who: &T::AccountId,
		kind: ContributionKind,
		value: BalanceOf<T>,
		evidence: &Cid,
		earned: ReputationScore,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		let evidence = evidence.clone();
		let record = ContributionRecord { kind, value, evidence: evidence.clone(), block: now };
		Totals::<T>::mutate(project, who, |totals| {
			if *totals == Default::default() {
				ContributorCount::<T>::mutate(project, |count| *count = count.saturating_add(1));
			}
			totals.add(kind, value)
		});
		Recent::<T>::mutate(project, who, |recent| {
			if recent.is_full() && !recent.is_empty() {
				recent.remove(0);
			}
			// Cannot fail: there is room now (a bound of zero keeps nothing).
			let _ = recent.try_push(record);
		});
		let reputation = if earned > 0 {
			let score = Self::reputation(project, who).saturating_add(earned);
			let stored =
				StoredReputation { score, updated: now, half_life: Self::half_life(project) };
			Reputations::<T>::insert(project, who, stored);
			Self::stand(project, who, stored, now);
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

	/// Updates `who`'s standing in `project` after their reputation became `stored`; drops the
	/// standings that ended. When the standings are full, `who` displaces the first to end if
	/// theirs lasts longer.
	fn stand(
		project: ProjectId,
		who: &T::AccountId,
		stored: StoredReputation<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
	) {
		let until = Self::standing_ends(stored);
		Standings::<T>::mutate(project, |standings| {
			let mut since = now;
			standings.retain(|s| {
				if s.who == *who && s.until > now {
					since = s.since;
				}
				s.until > now && s.who != *who
			});
			let Some(until) = until.filter(|until| *until > now) else { return };
			let mut at = standings.partition_point(|s| s.until <= until);
			if standings.is_full() {
				if at == 0 {
					return;
				}
				standings.remove(0);
				at = at.saturating_sub(1);
			}
			// Cannot fail: there is room, and `at` is at most the length.
			let _ = standings.try_insert(at, Standing { who: who.clone(), since, until });
		});
	}

	/// Whether `who` has a standing in `project` at `now` (earned reputation at the threshold).
	pub(crate) fn has_standing(
		project: ProjectId,
		who: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> bool {
		Self::standing(project, who, now).is_some()
	}

	/// `who`'s standing in `project` at `now`, if any.
	fn standing(
		project: ProjectId,
		who: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> Option<StandingOf<T>> {
		Standings::<T>::get(project).into_iter().find(|s| s.who == *who && s.until > now)
	}

	/// Whether `who` is a member of `project`: a steward, or with standing.
	pub fn is_member(project: ProjectId, who: &T::AccountId) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		T::Projects::is_steward(project, who) || Self::has_standing(project, who, now)
	}

	/// How many members `project` has now: standings that have not ended, and the stewards
	/// without one.
	pub fn members_count(project: ProjectId) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let standings = Standings::<T>::get(project);
		let ended = standings.partition_point(|s| s.until <= now);
		let live = standings.get(ended..).unwrap_or_default();
		let stewards = T::Projects::stewards(project)
			.into_iter()
			.filter(|steward| !live.iter().any(|s| s.who == *steward))
			.count();
		u32::try_from(live.len().saturating_add(stewards)).unwrap_or(u32::MAX)
	}

	/// What `project` knows of `who`: totals by kind, reputation and standing now, the most
	/// recent records and recognitions.
	pub fn contributor(
		project: ProjectId,
		who: &T::AccountId,
	) -> runtime_api::ContributorInfo<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		let totals = Totals::<T>::get(project, who);
		let standing = Self::standing(project, who, now);
		let shown = T::MaxRecent::get();
		let recognitions = (totals.recognitions.count.saturating_sub(shown)
			..totals.recognitions.count)
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
			totals,
			reputation: Self::reputation(project, who),
			member: T::Projects::is_steward(project, who) || standing.is_some(),
			member_since: standing.as_ref().map(|s| s.since),
			member_until: standing.map(|s| s.until),
			recent: Recent::<T>::get(project, who)
				.into_iter()
				.map(|r| ContributionRecord {
					kind: r.kind,
					value: r.value,
					evidence: r.evidence.into_inner(),
					block: r.block,
				})
				.collect(),
			recognitions,
		}
	}

	/// Up to `n` top contributors of `project` (members by reputation) with their reputation
	/// now, highest first.
	pub fn top_contributors(project: ProjectId, n: u32) -> Vec<(T::AccountId, ReputationScore)> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut top: Vec<_> = Standings::<T>::get(project)
			.into_iter()
			.filter(|s| s.until > now)
			.map(|s| {
				let score = Self::reputation(project, &s.who);
				(s.who, score)
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

		let all_kinds = [
			ContributionKind::Task,
			ContributionKind::Review,
			ContributionKind::Donation,
			ContributionKind::Recognition,
			ContributionKind::Attested,
		];
		let max_recent = T::MaxRecent::get();
		let mut contributors: BTreeMap<ProjectId, u32> = BTreeMap::new();
		for (project, who, totals) in Totals::<T>::iter() {
			let count = contributors.entry(project).or_default();
			*count = count.saturating_add(1);
			let recent = Recent::<T>::get(project, &who);
			let all =
				all_kinds.iter().fold(0u32, |sum, kind| sum.saturating_add(totals.of(*kind).count));
			let kept_all = all <= max_recent;
			ensure!(
				recent.len() as u32 == all.min(max_recent),
				"the recent records are not the latest ones"
			);
			for kind in all_kinds {
				let kept = recent.iter().filter(|r| r.kind == kind);
				let (kept_count, kept_value) = kept
					.fold((0u32, BalanceOf::<T>::default()), |a, r| {
						(a.0.saturating_add(1), a.1.saturating_add(r.value))
					});
				let total = totals.of(kind);
				ensure!(kept_count <= total.count, "more records kept than counted");
				if kept_all {
					ensure!(kept_count == total.count, "a record missing from the recent ones");
					ensure!(kept_value == total.value, "totals differ from the records kept");
				}
			}
			ensure!(
				recent.iter().zip(recent.iter().skip(1)).all(|(a, b)| a.block <= b.block),
				"records out of order"
			);
			let mut recognitions = 0u32;
			let mut recognized = BalanceOf::<T>::default();
			for n in 0..totals.recognitions.count {
				let r = Recognitions::<T>::get((project, &who, n)).ok_or("a recognition lost")?;
				recognitions = recognitions.saturating_add(1);
				recognized = recognized.saturating_add(r.amount);
			}
			ensure!(recognitions == totals.recognitions.count, "recognitions miscounted");
			ensure!(recognized == totals.recognitions.value, "recognition totals differ");
		}
		ensure!(
			Recognitions::<T>::iter_keys().all(|(project, who, n)| {
				n < Totals::<T>::get(project, &who).recognitions.count
			}),
			"a recognition beyond the count"
		);
		ensure!(
			Recent::<T>::iter_keys().all(|(project, who)| Totals::<T>::contains_key(project, who)),
			"records without totals"
		);
		for (project, count) in ContributorCount::<T>::iter() {
			ensure!(
				contributors.remove(&project).unwrap_or_default() == count,
				"contributor count differs from the totals"
			);
		}
		ensure!(contributors.is_empty(), "contributors not counted");

		let now = frame_system::Pallet::<T>::block_number();
		for (project, standings) in Standings::<T>::iter() {
			ensure!(
				standings.iter().zip(standings.iter().skip(1)).all(|(a, b)| a.until <= b.until),
				"standings out of order"
			);
			for (i, s) in standings.iter().enumerate() {
				ensure!(
					standings.iter().skip(i.saturating_add(1)).all(|o| o.who != s.who),
					"an account stands twice"
				);
				if s.until > now {
					let stored = Reputations::<T>::get(project, &s.who);
					ensure!(
						Self::standing_ends(stored) == Some(s.until),
						"a standing's end differs from its reputation"
					);
					ensure!(s.since <= now, "a standing from the future");
				}
			}
		}

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

/// Quadratic voting's view of membership.
impl<T: Config> ProjectMembership<T::AccountId> for Pallet<T> {
	type BlockNumber = BlockNumberFor<T>;

	fn reputation(project: ProjectId, who: &T::AccountId) -> ReputationScore {
		Pallet::<T>::reputation(project, who)
	}

	fn is_member(project: ProjectId, who: &T::AccountId) -> bool {
		Pallet::<T>::is_member(project, who)
	}

	fn member_since(project: ProjectId, who: &T::AccountId) -> Option<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		Pallet::<T>::standing(project, who, now).map(|s| s.since)
	}

	fn members_count(project: ProjectId) -> u32 {
		Pallet::<T>::members_count(project)
	}
}
