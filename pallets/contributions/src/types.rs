//! Contribution records, totals and reputation.

use crate::{Config, Pallet};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use pallet_projects::{Actor, BudgetAsset, MilestoneId, OnDonation, ProjectId};
use pallet_tasks::{TaskId, TaskLedger};
use polkadot_sdk::{
	frame_support::{
		traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::Saturating,
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
	/// Work done outside tasks, claimed by a member and endorsed by enough members with
	/// reputation (value: the value the claimant suggested; nothing is paid).
	Attested,
}

/// A CID of evidence or a reason, as stored.
pub type CidOf<T> = BoundedVec<u8, <T as Config>::MaxCidLen>;

/// One contribution (`Cid` is a bounded CID in storage, a plain vector in the runtime API).
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct ContributionRecord<Balance, BlockNumber, Cid> {
	/// What kind of work it was.
	pub kind: ContributionKind,
	/// Its value in money (a reward, a donation, a bonus), or zero.
	pub value: Balance,
	/// Evidence of it, off-chain (the task's evidence, a review's comment, a reason).
	pub evidence: Cid,
	/// When it was recorded.
	pub block: BlockNumber,
}

/// A contribution record as stored.
pub type RecordOf<T> = ContributionRecord<<T as Config>::Balance, BlockNumberFor<T>, CidOf<T>>;

/// The permanent record of a recognition of exceptional work.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct RecognitionRecord<AccountId, Balance, BlockNumber, Cid> {
	/// The milestone whose budget paid the bonus.
	pub milestone: MilestoneId,
	/// Who recognised the work: a steward, or the project's governance.
	pub by: Actor<AccountId>,
	/// The bonus paid (in the milestone's asset), possibly zero.
	pub amount: Balance,
	/// The reputation added.
	pub boost: u128,
	/// Why, off-chain.
	pub reason: Cid,
	/// When.
	pub block: BlockNumber,
}

/// A recognition record as stored.
pub type RecognitionOf<T> = RecognitionRecord<
	<T as frame_system::Config>::AccountId,
	<T as Config>::Balance,
	BlockNumberFor<T>,
	CidOf<T>,
>;

/// The id of an attested-contribution claim.
pub type ClaimId = u32;

/// Work done outside tasks that a member claims, waiting for endorsements.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Claim<T: Config> {
	/// The project the work was for.
	pub project: ProjectId,
	/// Who did it, and holds the deposit.
	pub claimant: T::AccountId,
	/// Evidence of the work, off-chain.
	pub evidence: CidOf<T>,
	/// The value the claimant suggests (recorded, not paid).
	pub value: T::Balance,
	/// The native deposit held from the claimant until the claim is accepted or cleared.
	pub deposit: T::Balance,
	/// The last block at which it may be endorsed.
	pub deadline: BlockNumberFor<T>,
	/// The members who endorsed it so far (fewer than the endorsements required).
	pub endorsers: BoundedVec<T::AccountId, T::RequiredEndorsements>,
}

/// A member's place in a project's standing: membership by earned reputation lasts while the
/// decayed reputation is at least the threshold, i.e. until block `until` (exclusive).
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Standing<AccountId, BlockNumber> {
	/// The member.
	pub who: AccountId,
	/// The first block of the current, unbroken membership.
	pub since: BlockNumber,
	/// The first block at which the member's reputation is below the threshold.
	pub until: BlockNumber,
}

/// A standing as stored.
pub type StandingOf<T> = Standing<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// Membership of projects, as the quadratic-voting pallet sees it.
pub trait ProjectMembership<AccountId> {
	/// The block number type.
	type BlockNumber;

	/// `who`'s reputation in `project` now.
	fn reputation(project: ProjectId, who: &AccountId) -> u128;

	/// Whether `who` is a member of `project`: a steward, or an account whose earned reputation
	/// is at least the membership threshold.
	fn is_member(project: ProjectId, who: &AccountId) -> bool;

	/// Since when `who` has been a member of `project` by reputation without a break, if they are
	/// one now (stewards who have not earned their place have no such block).
	fn member_since(project: ProjectId, who: &AccountId) -> Option<Self::BlockNumber>;

	/// How many members `project` has now (stewards and members by reputation, each once).
	fn members_count(project: ProjectId) -> u32;
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
pub struct Reputation<BlockNumber> {
	/// The score when last updated.
	pub score: u128,
	/// When it was last updated.
	pub updated: BlockNumber,
	/// The half-life it decays with, in blocks.
	pub half_life: BlockNumber,
}

/// Accepted tasks and reviews are contributions that earn reputation.
impl<T: Config> TaskLedger<T::AccountId, T::Balance> for Pallet<T> {
	fn task_paid(
		project: ProjectId,
		_task: TaskId,
		worker: &T::AccountId,
		_asset: BudgetAsset,
		reward: T::Balance,
		evidence: &[u8],
	) {
		Pallet::<T>::record(
			project,
			worker,
			ContributionKind::Task,
			reward,
			evidence,
			T::TaskReputation::get(),
		);
	}

	fn task_reviewed(
		project: ProjectId,
		_task: TaskId,
		reviewer: &T::AccountId,
		_approved: bool,
		comment: &[u8],
	) {
		Pallet::<T>::record(
			project,
			reviewer,
			ContributionKind::Review,
			Default::default(),
			comment,
			T::ReviewReputation::get(),
		);
	}
}

/// Donations are contributions; money alone earns no reputation.
impl<T: Config> OnDonation<T::AccountId, T::Balance> for Pallet<T> {
	fn donated(project: ProjectId, from: &T::AccountId, amount: T::Balance) {
		Pallet::<T>::record(project, from, ContributionKind::Donation, amount, &[], 0);
	}
}
