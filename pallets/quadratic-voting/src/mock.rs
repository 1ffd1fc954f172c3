//! A test runtime: System, Balances, Assets, Preimage, Projects (the real pallet, for its origin
//! and its governed calls) and QuadraticVoting, with membership set by the tests.

#![allow(clippy::arithmetic_side_effects)]

use crate::{self as pallet_quadratic_voting, Constitution};
use commons_primitives::{
	traits::{ProjectMembership, ProjectsInterface, Standing},
	ProjectId, ReputationScore,
};
use core::cell::RefCell;
use pallet_projects::CurrencyParams;
use polkadot_sdk::{
	frame_support::{
		self, assert_ok, derive_impl, parameter_types,
		traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, Contains, EitherOf},
		weights::Weight,
		BoundedVec,
	},
	frame_system::{self, EnsureRoot, EnsureSigned},
	pallet_assets, pallet_balances, pallet_preimage, sp_io,
	sp_runtime::{traits::ConvertInto, DispatchError, Percent},
};
use std::collections::BTreeMap;

pub const CREDITS: u32 = 100;
pub const MIN: u64 = 5;
pub const MAX: u64 = 100;
pub const DEPOSIT: Balance = 50;

pub const VOTE_DEPOSIT: Balance = 5;
pub const PROPOSAL_WEIGHT_BOUND: Weight = Weight::from_parts(1_000_000_000, 10_000);
/// How long a passed protected act waits after its poll ended.
pub const DELAY: u64 = 10;

thread_local! {
	/// (project, account) → the account's standing by reputation.
	static MEMBERS: RefCell<BTreeMap<(ProjectId, AccountId), Standing<u64>>> = const { RefCell::new(BTreeMap::new()) };
	/// (project, account) → the votes the account's reputation is worth, if not a full voice.
	static VOICES: RefCell<BTreeMap<(ProjectId, AccountId), u32>> = const { RefCell::new(BTreeMap::new()) };
}

/// The votes an account's reputation is worth unless [`set_voice`] says otherwise: a full voice.
pub const FULL_VOICE: u32 = 10;

/// Sets the votes `who`'s reputation in `project` is worth.
pub fn set_voice(project: ProjectId, who: AccountId, voice: u32) {
	VOICES.with(|v| v.borrow_mut().insert((project, who), voice));
}

/// Makes `who` a member of `project` by reputation since `since`.
pub fn make_member(project: ProjectId, who: AccountId, since: u64) {
	MEMBERS.with(|m| m.borrow_mut().insert((project, who), Standing { since, until: u64::MAX }));
}

/// `who`'s standing in `project` ends now.
pub fn lapse(project: ProjectId, who: AccountId) {
	let now = System::block_number();
	MEMBERS.with(|m| {
		if let Some(standing) = m.borrow_mut().get_mut(&(project, who)) {
			standing.until = now;
		}
	});
}

/// Stewards (from the projects pallet) and the members the tests made.
pub struct MockMembership;
impl ProjectMembership<AccountId> for MockMembership {
	type BlockNumber = u64;

	fn reputation(project: ProjectId, who: &AccountId) -> ReputationScore {
		let now = System::block_number();
		ReputationScore::from(Self::standing(project, who).is_some_and(|s| s.held_at(&now)))
	}
	fn is_member(project: ProjectId, who: &AccountId) -> bool {
		Projects::is_steward(project, who) || Self::reputation(project, who) > 0
	}
	fn voice(project: ProjectId, who: &AccountId) -> u32 {
		VOICES.with(|v| v.borrow().get(&(project, *who)).copied().unwrap_or(FULL_VOICE))
	}
	fn standing(project: ProjectId, who: &AccountId) -> Option<Standing<u64>> {
		MEMBERS.with(|m| m.borrow().get(&(project, *who)).copied())
	}
	fn standing_weight() -> Weight {
		Weight::from_parts(25_000_000, 3_000)
	}
	fn members_count(project: ProjectId) -> Result<(u32, u32), DispatchError> {
		let now = System::block_number();
		let count = MEMBERS.with(|m| {
			m.borrow().iter().filter(|((p, _), s)| *p == project && s.held_at(&now)).count()
		});
		Ok((count as u32, 0))
	}
	fn max_settle() -> u32 {
		8
	}
	fn settle_weight(epochs: u32) -> Weight {
		Weight::from_parts(1_000_000 * epochs as u64, 1_000 * epochs as u64)
	}
}

commons_primitives::test_runtime! {
	existential_deposit: 10;
	3 => Preimage: pallet_preimage,
	4 => Projects: pallet_projects,
	5 => QuadraticVoting: pallet_quadratic_voting,
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = EnsureSigned<AccountId>;
	type Consideration = ();
}

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
	pub const MinQuorum: Percent = Percent::from_percent(10);
	pub const MinProtectedThreshold: Percent = Percent::from_percent(60);
	pub const MaxQuorum: Percent = Percent::from_percent(50);
	pub const MaxProtectedThreshold: Percent = Percent::from_percent(80);
	pub const DefaultConstitution: Constitution<u64> = Constitution {
		quorum: Percent::from_percent(10),
		threshold: Percent::from_percent(50),
		protected_threshold: Percent::from_percent(66),
		min_duration: MIN,
		enactment_delay: DELAY,
	};
	/// Tests lower it to make a stored proposal too heavy.
	pub static MaxProposalWeight: Weight = PROPOSAL_WEIGHT_BOUND;
}

/// Remarks and plan amendments are routine; everything else a project does is protected.
pub struct Routine;
impl Contains<RuntimeCall> for Routine {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(frame_system::Call::remark { .. })
				| RuntimeCall::Projects(pallet_projects::Call::amend_plan { .. })
		)
	}
}

/// Root, or a passed poll of the project.
type Governance =
	EitherOf<AsEnsureOriginWithArg<EnsureRoot<AccountId>>, pallet_projects::EnsureProject>;

#[derive_impl(pallet_projects::config_preludes::TestDefaultConfig)]
impl pallet_projects::Config for Test {
	type NativeBalance = Balances;
	type Assets = Assets;
	type ProjectAssetId = ConvertInto;
	type GovernanceOrigin = Governance;
	type OutstandingWork = QuadraticVoting;
	type ProjectRecords = QuadraticVoting;
	type ReapBeneficiary = Treasury;
	type CurrencyMetadata = ();
}

impl pallet_quadratic_voting::Config for Test {
	type RuntimeCall = RuntimeCall;
	type ProposalOrigin = RuntimeOrigin;
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Projects = Projects;
	type Membership = MockMembership;
	type Preimages = Preimage;
	type GovernanceOrigin = Governance;
	type RoutineProposals = Routine;
	type VoiceCredits = ConstU32<CREDITS>;
	type MinDuration = ConstU64<MIN>;
	type MinQuorum = MinQuorum;
	type MinProtectedThreshold = MinProtectedThreshold;
	type MaxQuorum = MaxQuorum;
	type MaxProtectedThreshold = MaxProtectedThreshold;
	type MinEnactmentDelay = ConstU64<DELAY>;
	type DefaultConstitution = DefaultConstitution;
	type MaxProposalWeight = MaxProposalWeight;
	type MaxStewards = ConstU32<4>;
	type VoteDeposit = ConstU64<VOTE_DEPOSIT>;
	type MaxDuration = ConstU64<MAX>;
	type PollDeposit = ConstU64<DEPOSIT>;
	type ByteDeposit = ConstU64<1>;
	type MaxOptions = ConstU32<4>;
	type MaxLabelLen = ConstU32<16>;
	type MaxProposalLen = ConstU32<512>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockMembership;
}

#[cfg(feature = "runtime-benchmarks")]
impl commons_primitives::traits::MembersBenchmarkHelper<AccountId> for MockMembership {
	fn project_with_members(members: &[AccountId]) -> ProjectId {
		let project = new_project();
		let now = System::block_number();
		for who in members {
			make_member(project, *who, now);
		}
		project
	}

	fn worst_case_count(project: ProjectId) {
		for steward in [BOB, CHARLIE, DAVE] {
			assert_ok!(Projects::add_steward(RuntimeOrigin::root(), project, steward));
		}
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = endowed_ext((1..=10).map(|who| (who, INITIAL)).chain([(TREASURY, ED)]).collect());
	ext.execute_with(|| {
		MEMBERS.with(|m| m.borrow_mut().clear());
		VOICES.with(|v| v.borrow_mut().clear());
	});
	ext
}

/// Runs a test and checks the invariants of both pallets after it.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		QuadraticVoting::do_try_state().expect("voting invariants hold");
		Projects::do_try_state().expect("project invariants hold");
	});
}

pub fn bytes<S: polkadot_sdk::frame_support::traits::Get<u32>>(s: &str) -> BoundedVec<u8, S> {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

/// Alice creates a project with a currency (the founder is its steward); returns its id.
pub fn new_project() -> ProjectId {
	let project = pallet_projects::NextProjectId::<Test>::get();
	assert_ok!(Projects::create_project(
		RuntimeOrigin::signed(ALICE),
		bytes("Commons"),
		bytes("plan"),
		Some(CurrencyParams {
			symbol: bytes("CMN"),
			name: bytes("Commons"),
			decimals: 2,
			cap: 1_000_000,
			min_balance: 5,
		}),
	));
	project
}

/// A project whose members by reputation are Bob, Charlie and Dave (since block 1), with Alice
/// its steward.
pub fn project_with_members() -> ProjectId {
	let project = new_project();
	for who in [BOB, CHARLIE, DAVE] {
		make_member(project, who, 1);
	}
	project
}
