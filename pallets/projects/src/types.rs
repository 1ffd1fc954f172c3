//! The types of a project, its plan, milestones and currency, and the state machines they follow.

use crate::{AssetIdOf, BalanceOf, Config, Error};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use commons_primitives::{BudgetAsset, Cid, MilestoneId, ProjectStatus};
use polkadot_sdk::{
	frame_support::{
		BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{DispatchResult, Saturating},
};
use scale_info::TypeInfo;

/// A milestone's lifecycle: `Planned -> Funded -> Achieved`, or `Planned | Funded -> Cancelled`.
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
pub enum MilestoneStatus {
	/// In the plan, with a budget, but no money behind it yet.
	Planned,
	/// Its budget is minted (project currency) or committed (native) and may be spent on tasks.
	Funded,
	/// Done. Unspent project currency stays in the project treasury.
	Achieved,
	/// Abandoned. Unspent project currency was burned.
	Cancelled,
}

/// A project's plan: the off-chain living document, and how many times it was amended.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Plan {
	/// The document's content identifier.
	pub cid: Cid,
	/// 1 at creation, incremented by every amendment.
	pub version: u32,
}

/// What a creator asks for when a project has its own currency.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct CurrencyParams<T: Config> {
	/// Ticker, e.g. `GARDEN`.
	pub symbol: BoundedVec<u8, T::MaxSymbolLen>,
	/// Full name, e.g. `Community Garden Hours`.
	pub name: BoundedVec<u8, T::MaxCurrencyNameLen>,
	/// Decimal places shown by wallets; at most [`Config::MaxDecimals`].
	pub decimals: u8,
	/// The most that may ever be in circulation; funding a milestone never mints past it.
	pub cap: BalanceOf<T>,
	/// The smallest balance an account may hold (the asset's existential deposit); at least 1.
	pub min_balance: BalanceOf<T>,
}

/// The project's currency as this pallet keeps it: the asset, its cap, and what was issued.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ProjectCurrency<T: Config> {
	/// The `pallet-assets` asset. Its owner, admin and issuer is the project account.
	pub asset: AssetIdOf<T>,
	/// Hard supply cap, enforced on every mint.
	pub cap: BalanceOf<T>,
	/// Everything ever minted by funding milestones.
	pub minted: BalanceOf<T>,
	/// Everything ever burned by cancelling milestones or reaping the project.
	pub burned: BalanceOf<T>,
	/// What the founder sent the treasury to open it and pay the asset's metadata deposit
	/// (the native existential deposit plus that deposit): returned to the founder at reap.
	pub endowment: BalanceOf<T>,
}

impl<T: Config> ProjectCurrency<T> {
	/// What this pallet issued and did not burn: the supply it is accountable for.
	pub fn outstanding(&self) -> BalanceOf<T> {
		self.minted.saturating_sub(self.burned)
	}
}

/// Per-project counters, kept up to date on every change so that progress reads are O(1).
#[derive(
	Encode,
	Decode,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
	DefaultNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct MilestoneCounters<T: Config> {
	/// Milestones now `Planned`.
	pub planned: u32,
	/// Milestones now `Funded`.
	pub funded: u32,
	/// Milestones now `Achieved`.
	pub achieved: u32,
	/// Milestones now `Cancelled`.
	pub cancelled: u32,
	/// Project currency moved out of the treasury against milestone budgets (net of refunds).
	pub spent_currency: BalanceOf<T>,
	/// Native tokens moved out of the treasury against milestone budgets (net of refunds).
	pub spent_native: BalanceOf<T>,
	/// Native tokens promised to funded milestones and not yet spent: the treasury must keep
	/// this much on top of anything newly funded.
	pub native_committed: BalanceOf<T>,
}

impl<T: Config> MilestoneCounters<T> {
	/// The counter of milestones in `status`.
	pub fn of_status(&mut self, status: MilestoneStatus) -> &mut u32 {
		match status {
			MilestoneStatus::Planned => &mut self.planned,
			MilestoneStatus::Funded => &mut self.funded,
			MilestoneStatus::Achieved => &mut self.achieved,
			MilestoneStatus::Cancelled => &mut self.cancelled,
		}
	}

	/// Moves one milestone from status `from` to status `to`.
	pub fn transition(&mut self, from: MilestoneStatus, to: MilestoneStatus) {
		let old = self.of_status(from);
		*old = old.saturating_sub(1);
		let new = self.of_status(to);
		*new = new.saturating_add(1);
	}
}

/// The largest milestone budget a project's governance ever funded, per budget asset.
///
/// Reputation from a task is its reward's share of the larger of its milestone's budget and
/// this: the value of work, measured in the project's own units, not in how many milestones or
/// tasks it was cut into. A milestone far smaller than the project's largest earns its workers
/// reputation (and so voice) in proportion to its value, so funding small milestones mints no
/// more voters than funding one of the same total. It only grows.
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
pub struct LargestBudgets<T: Config> {
	/// The largest funded budget in native tokens.
	pub native: BalanceOf<T>,
	/// The largest funded budget in the project's currency.
	pub currency: BalanceOf<T>,
}

impl<T: Config> LargestBudgets<T> {
	/// The largest funded budget in `asset`.
	pub fn of(&self, asset: BudgetAsset) -> BalanceOf<T> {
		match asset {
			BudgetAsset::Native => self.native,
			BudgetAsset::ProjectCurrency => self.currency,
		}
	}

	/// Notes that a budget of `budget` in `asset` was funded.
	pub fn note(&mut self, asset: BudgetAsset, budget: BalanceOf<T>) {
		let largest = match asset {
			BudgetAsset::Native => &mut self.native,
			BudgetAsset::ProjectCurrency => &mut self.currency,
		};
		*largest = (*largest).max(budget);
	}
}

/// A project.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Project<T: Config> {
	/// A human-readable name.
	pub name: BoundedVec<u8, T::MaxNameLen>,
	/// The living plan.
	pub plan: Plan,
	/// Stewards run the project day to day. Never empty; the first is the founder.
	pub stewards: BoundedVec<T::AccountId, T::MaxStewards>,
	/// Where the project is in its lifecycle.
	pub status: ProjectStatus,
	/// The project's own currency, if it has one.
	pub currency: Option<ProjectCurrency<T>>,
	/// Who paid the storage deposit, and gets it back when the project is reaped.
	pub depositor: T::AccountId,
	/// The deposit held from `depositor`.
	pub deposit: BalanceOf<T>,
	/// How many milestones were ever added; also the id of the next one.
	pub milestone_count: MilestoneId,
	/// Milestone and budget counters.
	pub counters: MilestoneCounters<T>,
	/// The largest budget the project's governance ever funded, in each asset: what a task's
	/// reward is a share of when its reputation is counted (see [`LargestBudgets`]).
	pub largest_budgets: LargestBudgets<T>,
	/// The block the project was created in.
	pub created: BlockNumberFor<T>,
}

impl<T: Config> Project<T> {
	/// The founder: the first steward.
	pub fn founder(&self) -> Option<&T::AccountId> {
		self.stewards.first()
	}

	/// Whether `who` is one of the stewards.
	pub fn is_steward(&self, who: &T::AccountId) -> bool {
		self.stewards.contains(who)
	}

	/// Where `who` stands among the stewards (0 is the founder), or `StewardNotFound`.
	pub fn steward_position(&self, who: &T::AccountId) -> Result<usize, Error<T>> {
		self.stewards.iter().position(|s| s == who).ok_or(Error::<T>::StewardNotFound)
	}
}

/// A milestone: a goal of the plan with a budget.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Milestone<T: Config> {
	/// Content identifier of its description.
	pub title: Cid,
	/// What its budget is paid in.
	pub asset: BudgetAsset,
	/// Its budget.
	pub budget: BalanceOf<T>,
	/// The block it is due by (informational: overdue milestones are reported, not punished).
	pub due: BlockNumberFor<T>,
	/// Where it is in its lifecycle.
	pub status: MilestoneStatus,
	/// What left the treasury against this budget (net of refunds).
	pub spent: BalanceOf<T>,
	/// Content identifier of the evidence it was achieved, once it is.
	pub evidence: Option<Cid>,
	/// Who paid the storage deposit, and gets it back when the project is reaped.
	pub depositor: T::AccountId,
	/// The deposit held from `depositor`.
	pub deposit: BalanceOf<T>,
}

impl<T: Config> Milestone<T> {
	/// The part of the budget not yet spent.
	pub fn unspent(&self) -> BalanceOf<T> {
		self.budget.saturating_sub(self.spent)
	}
}

/// Frees the deposit a project's treasury has reserved for its currency's metadata, keeping the
/// metadata (a reaped project's currency still has holders, who should see its name).
///
/// The `fungibles` traits can set metadata but not clear it, so the runtime implements this with
/// the assets pallet's own calls.
pub trait ReleaseMetadataDeposit<AccountId, AssetId> {
	/// Unreserves the metadata deposit of `asset` in `owner`'s account, and keeps the metadata
	/// without a deposit.
	fn release(asset: AssetId, owner: &AccountId) -> DispatchResult;
}

impl<AccountId, AssetId> ReleaseMetadataDeposit<AccountId, AssetId> for () {
	fn release(_: AssetId, _: &AccountId) -> DispatchResult {
		Ok(())
	}
}
