//! Contribution records, totals and reputation.

use crate::{Config, Pallet};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use pallet_projects::{BudgetAsset, ProjectId};
use pallet_tasks::{TaskId, TaskLedger};
use polkadot_sdk::{
	frame_support::{
		traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
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
}

/// One contribution.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ContributionRecord<T: Config> {
	/// What kind of work it was.
	pub kind: ContributionKind,
	/// Its value in money (a reward, a donation), or zero.
	pub value: T::Balance,
	/// Evidence of it, off-chain (the task's evidence, a review's comment).
	pub evidence: BoundedVec<u8, T::MaxCidLen>,
	/// When it was recorded.
	pub block: BlockNumberFor<T>,
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
}

impl<Balance: Saturating + Copy> ContributorTotals<Balance> {
	/// Counts one contribution of `kind` worth `value`.
	pub fn add(&mut self, kind: ContributionKind, value: Balance) {
		let total = match kind {
			ContributionKind::Task => &mut self.tasks,
			ContributionKind::Review => &mut self.reviews,
			ContributionKind::Donation => &mut self.donations,
			ContributionKind::Recognition => &mut self.recognitions,
		};
		total.count = total.count.saturating_add(1);
		total.value = total.value.saturating_add(value);
	}
}

/// A reputation score as of the block it was last updated; it decays from there.
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
