//! The types of a project, its plan, milestones and currency, and the state machines they follow.

use crate::{AssetIdOf, BalanceOf, Config, Error};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::Saturating,
};
use scale_info::TypeInfo;

/// Identifies a project. Assigned in creation order, never reused.
pub type ProjectId = u32;

/// Identifies a milestone within its project. Assigned in order from 0, never reused.
pub type MilestoneId = u32;

/// A content identifier (an IPFS CID, or a hash) of a document kept off-chain.
pub type Cid<T> = BoundedVec<u8, <T as Config>::MaxCidLen>;

/// A project's lifecycle.
///
/// ```text
/// Active <-> Paused
///    \        /
///     v      v
///  Completed | Cancelled   (final: the project can then be reaped)
/// ```
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
pub enum ProjectStatus {
	/// Work goes on: tasks may be posted and budgets spent.
	Active,
	/// Work is suspended by the project's governance: no new tasks, no spending. Can resume.
	Paused,
	/// The project reached its goals. Final.
	Completed,
	/// The project was abandoned. Final.
	Cancelled,
}

impl ProjectStatus {
	/// Whether the project has reached a final status (and may be reaped).
	pub fn is_final(self) -> bool {
		matches!(self, Self::Completed | Self::Cancelled)
	}

	/// Whether governance may move a project from `self` to `next`.
	pub fn can_become(self, next: Self) -> bool {
		use ProjectStatus::*;
		matches!(
			(self, next),
			(Active, Paused)
				| (Paused, Active)
				| (Active | Paused, Completed)
				| (Active | Paused, Cancelled)
		)
	}
}

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

/// What a budget is paid in.
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
pub enum BudgetAsset {
	/// The chain's native token, from the project treasury (donations and grants).
	Native,
	/// The project's own currency, minted when the milestone is funded.
	ProjectCurrency,
}

/// A project's plan: the off-chain living document, and how many times it was amended.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Plan<T: Config> {
	/// The document's content identifier.
	pub cid: Cid<T>,
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
pub struct Counters<T: Config> {
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

impl<T: Config> Counters<T> {
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
	pub plan: Plan<T>,
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
	pub counters: Counters<T>,
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
	pub title: Cid<T>,
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
	pub evidence: Option<Cid<T>>,
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

/// Who acted, when a call may be made by a steward or by the project's governance.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Actor<AccountId> {
	/// A steward, by a signed call.
	Steward(AccountId),
	/// The project's governance origin (a passed project poll, or the chain's Root).
	Governance,
}

/// The custom origin of this pallet: a decision of the project's own governance.
///
/// Dispatched by the quadratic-voting pallet when a project poll passes; the runtime accepts it
/// (or Root) wherever a project's constitutional act is required.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum ProjectOrigin {
	/// The project with this id decided, by a passed poll.
	Project(ProjectId),
}

/// Reports work of other pallets that is still open in a project (escrowed tasks, running polls),
/// which must be wound down before the project can be reaped.
pub trait OutstandingWork {
	/// How many items are still open in `project`.
	fn outstanding(project: ProjectId) -> u32;
}

impl OutstandingWork for () {
	fn outstanding(_: ProjectId) -> u32 {
		0
	}
}

/// Open work of two pallets (tasks and polls, say).
impl<A: OutstandingWork, B: OutstandingWork> OutstandingWork for (A, B) {
	fn outstanding(project: ProjectId) -> u32 {
		A::outstanding(project).saturating_add(B::outstanding(project))
	}
}

/// Learns of donations to projects (the contributions ledger records them). `()` ignores them.
///
/// Its work is part of `donate`'s weight as the runtime's benchmarks measure it.
pub trait OnDonation<AccountId, Balance> {
	/// `from` gave `amount` of the native token to `project`'s treasury.
	fn donated(project: ProjectId, from: &AccountId, amount: Balance);
}

impl<AccountId, Balance> OnDonation<AccountId, Balance> for () {
	fn donated(_: ProjectId, _: &AccountId, _: Balance) {}
}

/// What this pallet offers other pallets (tasks, contributions, voting), wired in the runtime.
pub trait ProjectsInterface<AccountId> {
	/// The native balance type, also used for project currencies.
	type Balance;
	/// The asset id type of project currencies.
	type AssetId;

	/// The project's status, or `None` if it does not exist.
	fn status(project: ProjectId) -> Option<ProjectStatus>;
	/// Whether `who` is a steward of `project`.
	fn is_steward(project: ProjectId, who: &AccountId) -> bool;
	/// The project's stewards (founder first); empty if it does not exist.
	fn stewards(project: ProjectId) -> alloc::vec::Vec<AccountId>;
	/// The project's keyless account (its treasury).
	fn project_account(project: ProjectId) -> AccountId;
	/// The project's currency, if it has one.
	fn currency(project: ProjectId) -> Option<Self::AssetId>;
	/// What a milestone's budget is paid in, if the milestone exists.
	fn milestone_asset(project: ProjectId, milestone: MilestoneId) -> Option<BudgetAsset>;
	/// Pays `amount` of a funded milestone's budget from the project treasury to `to` (a task
	/// escrow, a recognised contributor), and books it as spent. Fails unless the project is
	/// active, the milestone funded, and the budget and treasury hold enough.
	fn spend(
		project: ProjectId,
		milestone: MilestoneId,
		to: &AccountId,
		amount: Self::Balance,
	) -> Result<BudgetAsset, polkadot_sdk::sp_runtime::DispatchError>;
	/// Returns `amount` previously spent against a milestone from `from` to the project treasury,
	/// and books it back (project currency returned to a cancelled milestone is burned).
	fn refund(
		project: ProjectId,
		milestone: MilestoneId,
		from: &AccountId,
		amount: Self::Balance,
	) -> polkadot_sdk::sp_runtime::DispatchResult;
}

/// Sets up projects for the benchmarks of pallets built on this one (tasks, contributions,
/// voting), which cannot create projects through [`ProjectsInterface`].
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Balance> {
	/// Creates a project founded by `founder` (funded to pay for it), with a currency whose
	/// minimum balance is 1 and whose cap is the largest balance, and a funded milestone of
	/// `budget` in `asset` (a native budget is donated by the founder first).
	fn funded_milestone(
		founder: &AccountId,
		asset: BudgetAsset,
		budget: Balance,
	) -> (ProjectId, MilestoneId);
}
