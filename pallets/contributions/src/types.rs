//! Contribution records, totals and reputation.

use crate::{BalanceOf, Config, Pallet};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use commons_primitives::{
	traits::{OnDonation, Standing, TaskLedger},
	Actor, BudgetAsset, Cid, MilestoneId, ProjectId, ReputationScore, TaskId,
};
use polkadot_sdk::{
	frame_support::{
		traits::Get, BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound,
		PartialEqNoBound,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{Perbill, Saturating},
};
use scale_info::TypeInfo;

/// What kind of work a record is.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ContributionKind {
	/// A task whose work the reviewers accepted (value: the reward).
	Task,
	/// A review of submitted work.
	Review,
	/// Native tokens given to a project's treasury (value: the amount).
	Donation,
	/// Exceptional work, recognised by a steward or the project's governance (value: the bonus).
	Recognition,
	/// Work done outside tasks, whose attestation a member requested and enough members with
	/// standing endorsed (value: the value the contributor suggested; nothing is paid).
	Attested,
}

/// One contribution (`Evidence` is a [`Cid`] in storage, a plain vector in the runtime API).
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct ContributionRecord<Balance, BlockNumber, Evidence> {
	/// What kind of work it was.
	pub kind: ContributionKind,
	/// Its value in money (a reward, a donation, a bonus), or zero.
	pub value: Balance,
	/// Evidence of it, off-chain (the task's evidence, a review's comment, a reason).
	pub evidence: Evidence,
	/// When it was recorded.
	pub block: BlockNumber,
}

/// The permanent record of a recognition of exceptional work.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct RecognitionRecord<AccountId, Balance, BlockNumber, Reason> {
	/// The milestone whose budget paid the bonus.
	pub milestone: MilestoneId,
	/// Who recognised the work: a steward, or the project's governance.
	pub by: Actor<AccountId>,
	/// The bonus paid (in the milestone's asset), possibly zero.
	pub amount: Balance,
	/// The reputation added.
	pub boost: ReputationScore,
	/// Why, off-chain.
	pub reason: Reason,
	/// When.
	pub block: BlockNumber,
}

/// A recognition record as stored.
pub type RecognitionOf<T> =
	RecognitionRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, Cid>;

/// A member's request for attestation of work done outside tasks, waiting for endorsements.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Attestation<T: Config> {
	/// The project the work was for.
	pub project: ProjectId,
	/// Who did it, and holds the deposit.
	pub contributor: T::AccountId,
	/// Evidence of the work, off-chain.
	pub evidence: Cid,
	/// The value the contributor suggests (recorded, not paid).
	pub value: BalanceOf<T>,
	/// The native deposit held from the contributor until the attestation is accepted or cleared.
	pub deposit: BalanceOf<T>,
	/// The last block at which it may be endorsed.
	pub deadline: BlockNumberFor<T>,
	/// The members who endorsed it so far (fewer than the endorsements required).
	pub endorsers: BoundedVec<T::AccountId, T::RequiredEndorsements>,
}

/// How many contributions of a kind, and their value.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct KindTotal<Balance> {
	/// How many.
	pub count: u32,
	/// Their summed value.
	pub value: Balance,
}

/// An account's totals in a project, by kind.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct ContributorTotals<Balance> {
	/// Accepted tasks.
	pub tasks: KindTotal<Balance>,
	/// Reviews.
	pub reviews: KindTotal<Balance>,
	/// Donations.
	pub donations: KindTotal<Balance>,
	/// Recognitions of exceptional work.
	pub recognitions: KindTotal<Balance>,
	/// Attested work outside tasks.
	pub attested: KindTotal<Balance>,
}

impl<Balance: Saturating + Copy> ContributorTotals<Balance> {
	/// Counts one contribution of `kind` worth `value`.
	pub fn add(&mut self, kind: ContributionKind, value: Balance) {
		let total = match kind {
			ContributionKind::Task => &mut self.tasks,
			ContributionKind::Review => &mut self.reviews,
			ContributionKind::Donation => &mut self.donations,
			ContributionKind::Recognition => &mut self.recognitions,
			ContributionKind::Attested => &mut self.attested,
		};
		total.count = total.count.saturating_add(1);
		total.value = total.value.saturating_add(value);
	}

	/// The totals of one kind.
	pub fn of(&self, kind: ContributionKind) -> &KindTotal<Balance> {
		match kind {
			ContributionKind::Task => &self.tasks,
			ContributionKind::Review => &self.reviews,
			ContributionKind::Donation => &self.donations,
			ContributionKind::Recognition => &self.recognitions,
			ContributionKind::Attested => &self.attested,
		}
	}
}

/// A reputation score as of the block it was last updated; it decays from there with the
/// half-life the project had then (a new half-life applies to each account from its next
/// earning, so that nobody's reputation jumps when the project's governance changes it).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct StoredReputation<BlockNumber> {
	/// The score when last updated.
	pub score: ReputationScore,
	/// When it was last updated.
	pub updated: BlockNumber,
	/// The half-life it decays with, in blocks.
	pub half_life: BlockNumber,
}

/// One account's record in one project: what it contributed, its reputation, and its latest
/// membership by reputation. Everything a call needs about a contributor is this one item.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Contributor<Balance, BlockNumber> {
	/// Contributions by kind: how many, and their value.
	pub totals: ContributorTotals<Balance>,
	/// Reputation as of its last update.
	pub reputation: StoredReputation<BlockNumber>,
	/// The latest membership by reputation (it may have ended), if the account ever had one.
	pub standing: Option<Standing<BlockNumber>>,
}

/// A contributor's record as stored.
pub type ContributorOf<T> = Contributor<BalanceOf<T>, BlockNumberFor<T>>;

/// A project's books: counts of contributors and members, the settings its governance chose, what
/// it spent of its budgets in the current period, and its top contributors. One item per project,
/// of bounded size.
#[derive(
	Encode,
	Decode,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	DefaultNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ProjectBooks<T: Config> {
	/// How many accounts have contributed.
	pub contributors: u32,
	/// How many standings end in epoch `settled` or later (see [`crate::StandingEnds`]): the
	/// members by reputation, once the epochs up to the current one are settled.
	pub members: u32,
	/// The first standing-end epoch not yet subtracted from `members`.
	pub settled: u32,
	/// The reputation half-life the project's governance set, if it did.
	pub half_life: Option<BlockNumberFor<T>>,
	/// The most the project may pay in recognition bonuses per period.
	pub recognition_budget: BalanceOf<T>,
	/// The most reputation recognitions and attestations may add per period.
	pub reputation_budget: ReputationScore,
	/// The period `recognition_spent` and `reputation_spent` count.
	pub period: u32,
	/// Recognition bonuses paid in `period`.
	pub recognition_spent: BalanceOf<T>,
	/// Reputation added by recognitions and attestations in `period`.
	pub reputation_spent: ReputationScore,
	/// The accounts whose standings last longest (at most [`Config::MaxTopContributors`]), with
	/// the block their reputation falls below the threshold, latest first.
	pub top: BoundedVec<(T::AccountId, BlockNumberFor<T>), T::MaxTopContributors>,
}

/// Accepted tasks and reviews that agreed with the outcome are contributions that earn
/// reputation, in proportion to the part of the milestone's budget the task paid.
impl<T: Config> TaskLedger<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn task_paid(
		project: ProjectId,
		_task: TaskId,
		worker: &T::AccountId,
		_asset: BudgetAsset,
		reward: BalanceOf<T>,
		share: Perbill,
		evidence: &Cid,
	) {
		Pallet::<T>::record(
			project,
			worker,
			ContributionKind::Task,
			reward,
			evidence,
			share.mul_floor(T::TaskReputation::get()),
		);
	}

	fn task_reviewed(
		project: ProjectId,
		_task: TaskId,
		reviewer: &T::AccountId,
		share: Perbill,
		comment: &Cid,
	) {
		Pallet::<T>::record(
			project,
			reviewer,
			ContributionKind::Review,
			Default::default(),
			comment,
			share.mul_floor(T::ReviewReputation::get()),
		);
	}
}

/// Donations are contributions; money alone earns no reputation.
impl<T: Config> OnDonation<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn donated(project: ProjectId, from: &T::AccountId, amount: BalanceOf<T>) {
		Pallet::<T>::record(project, from, ContributionKind::Donation, amount, &Cid::default(), 0);
	}
}
