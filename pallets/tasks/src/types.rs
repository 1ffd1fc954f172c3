//! The types of a task, the state machine it follows, and the per-project counters.

use crate::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use commons_primitives::{BudgetAsset, Cid, MilestoneId, ProjectId};
use polkadot_sdk::{
	frame_support::{
		BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::Perbill,
};
use scale_info::TypeInfo;

/// Where a task is in its life.
///
/// ```text
///            claim_task               submit_work
///   Open ───────────────▶ Claimed ─────────────────▶ Submitted ──(approvals reached)──▶ paid
///    ▲  ◀── unclaim / release_expired ──┘  ▲                │
///    │                                      └─ majority rejects (a revision) ◀┘
///    └──────────── majority rejects past the revision limit ─────────────────┘
/// ```
///
/// `cancel_task` settles a task from any of these. A paid or cancelled task is removed from
/// storage (its events are its record), and its deposit returned.
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
pub enum TaskStatus {
	/// Waiting for a worker.
	Open,
	/// A worker claimed it and is working on it.
	Claimed,
	/// The worker submitted evidence; the reviewers are reviewing it.
	Submitted,
}

/// The worker of a claimed task, and the bond they hold for it.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Claim<T: Config> {
	/// Who claimed the task.
	pub worker: T::AccountId,
	/// The native bond held from the worker under [`crate::HoldReason::ClaimBond`].
	pub bond: BalanceOf<T>,
	/// When the claim was made.
	pub since: BlockNumberFor<T>,
}

/// A task: a bounty under a funded milestone, its reward escrowed in the task's own account.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Task<T: Config> {
	/// The project the task belongs to.
	pub project: ProjectId,
	/// The milestone whose budget pays the reward.
	pub milestone: MilestoneId,
	/// The task's specification, off-chain.
	pub spec: Cid,
	/// What the reward is paid in (the milestone's budget asset).
	pub asset: BudgetAsset,
	/// The reward, held in the task's escrow account until it is paid or returned.
	pub reward: BalanceOf<T>,
	/// The block by which the work is due. A claim still open `Config::Grace` blocks after it
	/// may be released by anyone.
	pub due: BlockNumberFor<T>,
	/// Who reviews submissions. Never the worker; no duplicates; at most 32.
	pub reviewers: BoundedVec<T::AccountId, T::MaxReviewers>,
	/// How many approvals pay the reward: `1..=reviewers.len()`.
	pub approvals_required: u32,
	/// Where the task is.
	pub status: TaskStatus,
	/// The worker, while the task is claimed or submitted.
	pub claim: Option<Claim<T>>,
	/// The evidence of the current submission.
	pub evidence: Option<Cid>,
	/// Reviewers (bit `i` for `reviewers[i]`) who approved the current submission.
	pub approved: u32,
	/// Reviewers (bit `i` for `reviewers[i]`) who rejected the current submission.
	pub rejected: u32,
	/// How many times the current worker's submissions were sent back.
	pub revisions: u32,
	/// Who posted the task and paid its storage deposit.
	pub poster: T::AccountId,
	/// The part of its milestone's budget the reward is: the reputation the task earns its
	/// worker and approving reviewers scales with it.
	pub share: Perbill,
	/// The storage deposit held from the poster under [`crate::HoldReason::TaskDeposit`].
	pub deposit: BalanceOf<T>,
}

impl<T: Config> Task<T> {
	/// The worker, if the task is claimed or submitted.
	pub fn worker(&self) -> Option<&T::AccountId> {
		self.claim.as_ref().map(|c| &c.worker)
	}

	/// The position of `who` among the reviewers.
	pub fn reviewer_index(&self, who: &T::AccountId) -> Option<u32> {
		self.reviewers.iter().position(|r| r == who).and_then(|i| u32::try_from(i).ok())
	}

	/// How many reviewers approved the current submission.
	/// The reviewers who approved the current submission.
	pub fn approvers(&self) -> impl Iterator<Item = &T::AccountId> {
		self.reviewers.iter().enumerate().filter_map(|(i, reviewer)| {
			let bit = u32::try_from(i).ok().and_then(|i| 1u32.checked_shl(i))?;
			(self.approved & bit != 0).then_some(reviewer)
		})
	}

	pub fn approvals(&self) -> u32 {
		self.approved.count_ones()
	}

	/// How many reviewers rejected the current submission.
	pub fn rejections(&self) -> u32 {
		self.rejected.count_ones()
	}

	/// Whether every reviewer reviewed the current submission.
	pub fn all_reviewed(&self) -> bool {
		let reviewed = self.approved | self.rejected;
		usize::try_from(reviewed.count_ones()).is_ok_and(|n| n >= self.reviewers.len())
	}

	/// Whether more than half of the reviewers rejected the current submission.
	pub fn rejected_by_majority(&self) -> bool {
		let reviewers = u32::try_from(self.reviewers.len()).unwrap_or(u32::MAX);
		self.rejections().saturating_mul(2) > reviewers
	}
}

/// Why a claimed task went back to `Open`.
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
pub enum ReopenReason {
	/// The worker gave the task up.
	Unclaimed,
	/// The claim ran past the due block and the grace period, and someone released it.
	Expired,
	/// The reviewers rejected more submissions than revisions allow.
	RevisionsExhausted,
}

/// A project's task counters, kept up to date by every call so that the progress API reads them
/// in O(1). `open + claimed + submitted` is the project's live (escrowed) tasks.
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
pub struct TaskCounters<T: Config> {
	/// Live tasks waiting for a worker: the project's gaps.
	pub open: u32,
	/// Live tasks a worker is on.
	pub claimed: u32,
	/// Live tasks in review.
	pub submitted: u32,
	/// Tasks paid out, ever.
	pub paid: u32,
	/// Tasks cancelled, ever.
	pub cancelled: u32,
	/// Claims released after running past due and grace, ever.
	pub expired: u32,
	/// Native rewards in escrow now.
	pub escrowed_native: BalanceOf<T>,
	/// Project-currency rewards in escrow now.
	pub escrowed_currency: BalanceOf<T>,
	/// Native rewards paid to workers, ever.
	pub paid_native: BalanceOf<T>,
	/// Project-currency rewards paid to workers, ever.
	pub paid_currency: BalanceOf<T>,
}

impl<T: Config> TaskCounters<T> {
	/// Live tasks: open, claimed or submitted.
	pub fn live(&self) -> u32 {
		self.open.saturating_add(self.claimed).saturating_add(self.submitted)
	}

	/// The live counter of `status`.
	pub fn of(&mut self, status: TaskStatus) -> &mut u32 {
		match status {
			TaskStatus::Open => &mut self.open,
			TaskStatus::Claimed => &mut self.claimed,
			TaskStatus::Submitted => &mut self.submitted,
		}
	}

	/// Moves one task from the live counter of `from` to that of `to`.
	pub fn transition(&mut self, from: TaskStatus, to: TaskStatus) {
		let left = self.of(from);
		*left = left.saturating_sub(1);
		let entered = self.of(to);
		*entered = entered.saturating_add(1);
	}

	/// The escrow counter of `asset`.
	pub fn escrowed(&mut self, asset: BudgetAsset) -> &mut BalanceOf<T> {
		match asset {
			BudgetAsset::Native => &mut self.escrowed_native,
			BudgetAsset::ProjectCurrency => &mut self.escrowed_currency,
		}
	}
}
