//! A test runtime: System, Balances, Assets, Preimage, Projects (the real pallet, for its origin
//! and its governed calls) and QuadraticVoting, with membership set by the tests.

#![allow(clippy::arithmetic_side_effects)]

use crate::{self as pallet_quadratic_voting};
use commons_primitives::{
	traits::{ProjectMembership, ProjectsInterface},
	ProjectId, ReputationScore,
};
use core::cell::RefCell;
use pallet_projects::CurrencyParams;
use polkadot_sdk::{
	frame_support::{
		self, assert_ok, derive_impl, parameter_types,
		traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, EitherOf},
		BoundedVec,
	},
	frame_system::{self, EnsureRoot, EnsureSigned},
	pallet_assets, pallet_balances, pallet_preimage, sp_io,
	sp_runtime::traits::ConvertInto,
};
use std::collections::BTreeMap;

pub const CREDITS: u32 = 100;
pub const MIN: u64 = 5;
pub const MAX: u64 = 100;
pub const DEPOSIT: Balance = 50;
pub const MAX_VOTERS: u32 = 6;

thread_local! {
	/// (project, account) → the block since which the account is a member by reputation.
	static MEMBERS: RefCell<BTreeMap<(ProjectId, AccountId), u64>> = const { RefCell::new(BTreeMap::new()) };
}

/// Makes `who` a member of `project` by reputation since `since`.
pub fn make_member(project: ProjectId, who: AccountId, since: u64) {
	MEMBERS.with(|m| m.borrow_mut().insert((project, who), since));
}

/// `who`'s standing in `project` ends.
pub fn lapse(project: ProjectId, who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().remove(&(project, who)));
}

/// Stewards (from the projects pallet) and the members the tests made.
pub struct MockMembership;
impl ProjectMembership<AccountId> for MockMembership {
	type BlockNumber = u64;

	fn reputation(project: ProjectId, who: &AccountId) -> ReputationScore {
		ReputationScore::from(Self::member_since(project, who).is_some())
	}
	fn is_member(project: ProjectId, who: &AccountId) -> bool {
		Projects::is_steward(project, who) || Self::member_since(project, who).is_some()
	}
	fn member_since(project: ProjectId, who: &AccountId) -> Option<u64> {
		MEMBERS.with(|m| m.borrow().get(&(project, *who)).copied())
	}
	fn members_count(project: ProjectId) -> u32 {
		let stewards = Projects::stewards(project);
		let by_reputation = MEMBERS.with(|m| {
			m.borrow().keys().filter(|(p, who)| *p == project && !stewards.contains(who)).count()
		});
		(stewards.len() + by_reputation) as u32
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
	type ReapBeneficiary = Treasury;
}

impl pallet_quadratic_voting::Config for Test {
	type RuntimeCall = RuntimeCall;
	type ProposalOrigin = RuntimeOrigin;
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeBalance = Balances;
	type Projects = Projects;
	type Membership = MockMembership;
	type Preimages = Preimage;
	type VoiceCredits = ConstU32<CREDITS>;
	type MinDuration = ConstU64<MIN>;
	type MaxDuration = ConstU64<MAX>;
	type PollDeposit = ConstU64<DEPOSIT>;
	type ByteDeposit = ConstU64<1>;
	type MaxOptions = ConstU32<4>;
	type MaxLabelLen = ConstU32<16>;
	type MaxProposalLen = ConstU32<512>;
	type MaxVoters = ConstU32<MAX_VOTERS>;
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
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = endowed_ext((1..=10).map(|who| (who, INITIAL)).chain([(TREASURY, ED)]).collect());
	ext.execute_with(|| {
		MEMBERS.with(|m| m.borrow_mut().clear());
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
