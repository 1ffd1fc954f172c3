//! Unit tests: each call's effects and events, an `assert_noop!` for every error, the interface
//! other pallets use, and a property test of random call sequences. `ExtBuilder` checks the
//! pallet's invariants (`do_try_state`) after every test.

#![allow(clippy::arithmetic_side_effects)]

use crate::{
	mock::*,
	pallet::{Projects, *},
	types::*,
};
use commons_primitives::{
	traits::ProjectsInterface, Actor, BudgetAsset, Cid, MilestoneId, ProjectId, ProjectOrigin,
	ProjectStatus,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{
			fungible::{Inspect as _, InspectHold as _},
			fungibles::{metadata::Inspect as _, roles::Inspect as _, Inspect as _},
		},
		BoundedVec,
	},
	sp_runtime::{traits::BadOrigin, ArithmeticError, TokenError},
};

type Pallet = crate::Pallet<Test>;

fn cid(s: &str) -> Cid {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

fn name(s: &str) -> BoundedVec<u8, <Test as Config>::MaxNameLen> {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

fn currency(cap: Balance) -> CurrencyParams<Test> {
	CurrencyParams {
		symbol: BoundedVec::try_from(b"GRDN".to_vec()).unwrap(),
		name: BoundedVec::try_from(b"Garden Hours".to_vec()).unwrap(),
		decimals: 2,
		cap,
		min_balance: 1,
	}
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The project's own governance origin, as a passed poll dispatches it.
fn governance(project: ProjectId) -> RuntimeOrigin {
	RuntimeOrigin::from(ProjectOrigin::Project(project))
}

/// Alice creates project 0 with a currency capped at `cap`.
fn create_with_currency(cap: Balance) -> ProjectId {
	let id = NextProjectId::<Test>::get();
	assert_ok!(Pallet::create_project(
		signed(ALICE),
		name("Garden"),
		cid("plan-v1"),
		Some(currency(cap))
	));
	id
}

/// Alice creates a project without a currency.
fn create_plain() -> ProjectId {
	let id = NextProjectId::<Test>::get();
	assert_ok!(Pallet::create_project(signed(ALICE), name("Library"), cid("plan-v1"), None));
	id
}

/// Alice adds a milestone due at block 100.
fn add_milestone(project: ProjectId, asset: BudgetAsset, budget: Balance) -> MilestoneId {
	let id = Projects::<Test>::get(project).unwrap().milestone_count;
	assert_ok!(Pallet::add_milestone(signed(ALICE), project, cid("goal"), asset, budget, 100));
	id
}

/// The supply of a project's currency (the mock gives a project's asset the project's id, and
/// the asset outlives a reaped project).
fn supply(project: ProjectId) -> Balance {
	Assets::total_issuance(project)
}

fn asset_of(project: ProjectId) -> u32 {
	Projects::<Test>::get(project).unwrap().currency.unwrap().asset
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::StorageDeposit.into(), &who)
}

fn last_event() -> Event<Test> {
	project_events().pop().expect("an event")
}

#[docify::export]
#[test]
fn project_lifecycle() {
	ExtBuilder::build_and_execute(|| {
		// Alice creates a project with its own currency, capped at 10 000.
		let project = create_with_currency(10_000);
		let account = Pallet::project_account(project);
		assert_eq!(Assets::owner(asset_of(project)), Some(account));

		// She amends the plan and adds a milestone with a budget of 3 000 project tokens.
		assert_ok!(Pallet::amend_plan(signed(ALICE), project, cid("plan-v2")));
		let m = add_milestone(project, BudgetAsset::ProjectCurrency, 3_000);

		// The project's governance funds it: 3 000 tokens are minted into the treasury.
		assert_ok!(Pallet::fund_milestone(governance(project), project, m));
		assert_eq!(Assets::balance(asset_of(project), account), 3_000);

		// Another pallet spends 1 000 of the budget (a task reward into escrow, say).
		assert_ok!(<Pallet as ProjectsInterface<_>>::spend(project, m, &BOB, 1_000));
		assert_eq!(Assets::balance(asset_of(project), BOB), 1_000);

		// The project's governance (a steward alone may not give up budget a poll voted) marks
		// the milestone achieved, and completes the project; anyone reaps it: the deposits
		// come back, and the 2 000 unspent tokens in the treasury are burned.
		assert_ok!(Pallet::complete_milestone(governance(project), project, m, cid("evidence")));
		assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Completed));
		assert_ok!(Pallet::reap_project(signed(CHARLIE), project));
		assert_eq!(held(ALICE), 0);
		assert_eq!(supply(project), 1_000);
		assert!(Projects::<Test>::get(project).is_none());
	});
}

mod create_project {
	use super::*;

	#[test]
	fn without_currency_holds_the_deposit() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			let deposit = Pallet::project_deposit(b"Library".len());
			assert!(deposit > 100, "base plus bytes");
			assert_eq!(held(ALICE), deposit);
			let record = Projects::<Test>::get(project).unwrap();
			assert_eq!(record.stewards.to_vec(), vec![ALICE]);
			assert_eq!(record.founder(), Some(&ALICE));
			assert_eq!(record.plan, Plan { cid: cid("plan-v1"), version: 1 });
			assert_eq!(record.status, ProjectStatus::Active);
			assert!(record.currency.is_none());
			assert_eq!(NextProjectId::<Test>::get(), 1);
			assert_eq!(
				last_event(),
				Event::ProjectCreated {
					project,
					founder: ALICE,
					account: Pallet::project_account(project),
					asset: None,
					plan: cid("plan-v1"),
					deposit,
				}
			);
		});
	}

	#[test]
	fn a_longer_name_costs_more() {
		ExtBuilder::build_and_execute(|| {
			assert_eq!(Pallet::project_deposit(10), Pallet::project_deposit(9) + 1);
			assert_eq!(Pallet::milestone_deposit(10), Pallet::milestone_deposit(9) + 1);
		});
	}

	#[test]
	fn with_currency_creates_the_asset() {
		ExtBuilder::build_and_execute(|| {
			let alice_before = Balances::balance(&ALICE);
			let project = create_with_currency(10_000);
			let account = Pallet::project_account(project);
			let asset = asset_of(project);
			assert_eq!(asset, project);
			assert_eq!(Assets::owner(asset), Some(account));
			assert_eq!(Assets::admin(asset), Some(account));
			assert_eq!(Assets::issuer(asset), Some(account));
			assert_eq!(Assets::symbol(asset), b"GRDN".to_vec());
			assert_eq!(Assets::name(asset), b"Garden Hours".to_vec());
			assert_eq!(Assets::decimals(asset), 2);
			assert_eq!(supply(project), 0);
			// Alice paid the deposit (held), the treasury's existential deposit and the asset
			// metadata deposit (1 + 1 per byte of name and symbol in the mock).
			let deposit = Pallet::project_deposit(b"Garden".len()) + 200;
			let metadata = 1 + (b"GRDN".len() + b"Garden Hours".len()) as Balance;
			assert_eq!(held(ALICE), deposit);
			assert_eq!(Balances::total_balance(&ALICE), alice_before - ED - metadata);
			assert_eq!(Balances::total_balance(&account), ED + metadata);
			let record = Projects::<Test>::get(project).unwrap();
			assert_eq!(
				record.currency,
				Some(ProjectCurrency {
					asset,
					cap: 10_000,
					minted: 0,
					burned: 0,
					endowment: ED + metadata
				})
			);
			assert!(matches!(
				last_event(),
				Event::ProjectCreated { asset: Some(a), deposit: d, .. } if a == asset && d == deposit
			));
		});
	}

	#[test]
	fn rejects_bad_input() {
		ExtBuilder::build_and_execute(|| {
			let create =
				|n: &str, c: &str, cur| Pallet::create_project(signed(ALICE), name(n), cid(c), cur);
			assert_noop!(create("", "plan", None), Error::<Test>::EmptyName);
			assert_noop!(create("Garden", "", None), Error::<Test>::EmptyCid);
			let mut c = currency(100);
			c.symbol = BoundedVec::new();
			assert_noop!(create("Garden", "plan", Some(c)), Error::<Test>::EmptySymbol);
			let mut c = currency(100);
			c.decimals = 19;
			assert_noop!(create("Garden", "plan", Some(c)), Error::<Test>::TooManyDecimals);
			assert_noop!(create("Garden", "plan", Some(currency(0))), Error::<Test>::ZeroCap);
			let mut c = currency(100);
			c.min_balance = 0;
			assert_noop!(create("Garden", "plan", Some(c)), Error::<Test>::ZeroMinBalance);
			assert_noop!(
				Pallet::create_project(RuntimeOrigin::root(), name("G"), cid("p"), None),
				BadOrigin
			);
		});
	}

	#[test]
	fn rejects_a_taken_asset_id() {
		ExtBuilder::build_and_execute(|| {
			assert_ok!(Assets::force_create(RuntimeOrigin::root(), 0, BOB, true, 1));
			assert_noop!(
				Pallet::create_project(signed(ALICE), name("G"), cid("p"), Some(currency(9))),
				Error::<Test>::AssetIdInUse
			);
			// Without a currency the id does not matter.
			assert_ok!(Pallet::create_project(signed(ALICE), name("G"), cid("p"), None));
		});
	}

	#[test]
	fn the_caller_must_afford_the_deposit() {
		ExtBuilder::build_and_execute(|| {
			assert_noop!(
				Pallet::create_project(signed(POOR), name("G"), cid("p"), None),
				TokenError::FundsUnavailable
			);
		});
	}

	#[test]
	fn ids_cannot_overflow() {
		ExtBuilder::build_and_execute(|| {
			NextProjectId::<Test>::put(ProjectId::MAX);
			assert_noop!(
				Pallet::create_project(signed(ALICE), name("G"), cid("p"), None),
				ArithmeticError::Overflow
			);
		});
	}
}

mod plan {
	use super::*;

	#[test]
	fn amending_bumps_the_version() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			assert_ok!(Pallet::amend_plan(signed(ALICE), project, cid("plan-v2")));
			assert_ok!(Pallet::amend_plan(signed(ALICE), project, cid("plan-v3")));
			let plan = Projects::<Test>::get(project).unwrap().plan;
			assert_eq!(plan, Plan { cid: cid("plan-v3"), version: 3 });
			assert_eq!(
				last_event(),
				Event::PlanAmended {
					project,
					by: Actor::Steward(ALICE),
					old_cid: cid("plan-v2"),
					old_version: 2,
					new_cid: cid("plan-v3"),
					new_version: 3,
				}
			);
		});
	}

	#[test]
	fn errors() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			assert_noop!(
				Pallet::amend_plan(signed(ALICE), 7, cid("x")),
				Error::<Test>::ProjectNotFound
			);
			assert_noop!(
				Pallet::amend_plan(signed(BOB), project, cid("x")),
				Error::<Test>::NotSteward
			);
			assert_noop!(
				Pallet::amend_plan(signed(ALICE), project, cid("")),
				Error::<Test>::EmptyCid
			);
			assert_noop!(
				Pallet::amend_plan(signed(ALICE), project, cid("plan-v1")),
				Error::<Test>::PlanUnchanged
			);
			assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Cancelled));
			assert_noop!(
				Pallet::amend_plan(signed(ALICE), project, cid("x")),
				Error::<Test>::ProjectClosed
			);
		});
	}
}

mod stewards {
	use super::*;

	#[test]
	fn governance_adds_removes_and_transfers() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			assert_ok!(Pallet::add_steward(governance(project), project, BOB));
			assert_eq!(last_event(), Event::StewardAdded { project, steward: BOB });
			// Root is the chain's override.
			assert_ok!(Pallet::add_steward(RuntimeOrigin::root(), project, CHARLIE));
			assert_ok!(Pallet::transfer_founder(governance(project), project, CHARLIE));
			assert_eq!(
				last_event(),
				Event::FounderTransferred { project, old: ALICE, new: CHARLIE }
			);
			assert_eq!(
				Projects::<Test>::get(project).unwrap().stewards.to_vec(),
				vec![CHARLIE, ALICE, BOB]
			);
			assert_ok!(Pallet::remove_steward(governance(project), project, ALICE));
			assert_eq!(last_event(), Event::StewardRemoved { project, steward: ALICE });
			assert_eq!(
				Projects::<Test>::get(project).unwrap().stewards.to_vec(),
				vec![CHARLIE, BOB]
			);
			assert!(<Pallet as ProjectsInterface<_>>::is_steward(project, &BOB));
			assert!(!<Pallet as ProjectsInterface<_>>::is_steward(project, &ALICE));
		});
	}

	#[test]
	fn only_this_projects_governance() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			let other = create_plain();
			assert_noop!(Pallet::add_steward(signed(ALICE), project, BOB), BadOrigin);
			assert_noop!(Pallet::add_steward(governance(other), project, BOB), BadOrigin);
			assert_noop!(Pallet::remove_steward(signed(ALICE), project, BOB), BadOrigin);
			assert_noop!(Pallet::transfer_founder(signed(ALICE), project, BOB), BadOrigin);
		});
	}

	#[test]
	fn errors() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			let gov = || governance(project);
			assert_noop!(
				Pallet::add_steward(governance(9), 9, BOB),
				Error::<Test>::ProjectNotFound
			);
			assert_noop!(Pallet::add_steward(gov(), project, ALICE), Error::<Test>::AlreadySteward);
			assert_noop!(Pallet::remove_steward(gov(), project, ALICE), Error::<Test>::LastSteward);
			assert_noop!(
				Pallet::remove_steward(gov(), project, BOB),
				Error::<Test>::StewardNotFound
			);
			assert_noop!(
				Pallet::transfer_founder(gov(), project, BOB),
				Error::<Test>::StewardNotFound
			);
			assert_noop!(
				Pallet::transfer_founder(gov(), project, ALICE),
				Error::<Test>::AlreadyFounder
			);
			for who in [BOB, CHARLIE, DAVE] {
				assert_ok!(Pallet::add_steward(gov(), project, who));
			}
			assert_noop!(Pallet::add_steward(gov(), project, 5), Error::<Test>::TooManyStewards);
			assert_noop!(
				Pallet::remove_steward(gov(), project, ALICE),
				Error::<Test>::CannotRemoveFounder
			);
			assert_ok!(Pallet::set_status(gov(), project, ProjectStatus::Completed));
			assert_noop!(Pallet::add_steward(gov(), project, 5), Error::<Test>::ProjectClosed);
			assert_noop!(Pallet::remove_steward(gov(), project, BOB), Error::<Test>::ProjectClosed);
			assert_noop!(
				Pallet::transfer_founder(gov(), project, BOB),
				Error::<Test>::ProjectClosed
			);
		});
	}
}

mod milestones {
	use super::*;

	#[test]
	fn open_milestones_past_their_due_block_are_overdue() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			let add = |due| {
				let id = Projects::<Test>::get(project).unwrap().milestone_count;
				assert_ok!(Pallet::add_milestone(
					signed(ALICE),
					project,
					cid("goal"),
					BudgetAsset::ProjectCurrency,
					10,
					due
				));
				id
			};
			let (early, middle) = (add(50), add(20));
			add(90);
			assert_eq!(OpenDues::<Test>::get(project).into_inner(), vec![20, 50, 90]);
			assert_eq!(Pallet::overdue_milestones(project), 0);
			System::set_block_number(60);
			assert_eq!(Pallet::overdue_milestones(project), 2);
			// Achieved and cancelled milestones are never overdue.
			assert_ok!(Pallet::fund_milestone(governance(project), project, early));
			assert_ok!(Pallet::complete_milestone(
				governance(project),
				project,
				early,
				cid("done")
			));
			assert_ok!(Pallet::cancel_milestone(governance(project), project, middle));
			assert_eq!(Pallet::overdue_milestones(project), 0);
			System::set_block_number(91);
			assert_eq!(Pallet::overdue_milestones(project), 1);
			assert_eq!(OpenDues::<Test>::get(project).into_inner(), vec![90]);
		});
	}

	#[test]
	fn adding_holds_a_deposit_from_the_steward() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			assert_ok!(Pallet::add_steward(governance(project), project, BOB));
			assert_ok!(Pallet::add_milestone(
				signed(BOB),
				project,
				cid("goal"),
				BudgetAsset::ProjectCurrency,
				500,
				100
			));
			let deposit = Pallet::milestone_deposit(4);
			assert_eq!(held(BOB), deposit);
			assert_eq!(
				last_event(),
				Event::MilestoneAdded {
					project,
					milestone: 0,
					asset: BudgetAsset::ProjectCurrency,
					budget: 500,
					due: 100,
					deposit,
				}
			);
			let record = Projects::<Test>::get(project).unwrap();
			assert_eq!((record.milestone_count, record.counters.planned), (1, 1));
		});
	}

	#[test]
	fn adding_errors() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			let add = |who, title: &str, asset, budget, due| {
				Pallet::add_milestone(signed(who), project, cid(title), asset, budget, due)
			};
			use BudgetAsset::*;
			assert_noop!(
				Pallet::add_milestone(signed(ALICE), 5, cid("g"), Native, 1, 9),
				Error::<Test>::ProjectNotFound
			);
			assert_noop!(add(BOB, "g", Native, 1, 9), Error::<Test>::NotSteward);
			assert_noop!(add(ALICE, "", Native, 1, 9), Error::<Test>::EmptyCid);
			assert_noop!(add(ALICE, "g", Native, 0, 9), Error::<Test>::ZeroBudget);
			assert_noop!(add(ALICE, "g", Native, 1, 1), Error::<Test>::DueInPast);
			assert_noop!(add(ALICE, "g", ProjectCurrency, 1, 9), Error::<Test>::NoCurrency);
			for _ in 0..8 {
				assert_ok!(add(ALICE, "g", Native, 1, 9));
			}
			assert_noop!(add(ALICE, "g", Native, 1, 9), Error::<Test>::TooManyMilestones);
			// Only open milestones count: a steward who filled the list with junk blocks
			// planning only until the project's governance cancels it.
			assert_ok!(Pallet::cancel_milestone(governance(project), project, 0));
			assert_ok!(add(ALICE, "g", Native, 1, 9));
			assert_noop!(add(ALICE, "g", Native, 1, 9), Error::<Test>::TooManyMilestones);
			assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Cancelled));
			assert_noop!(add(ALICE, "g", Native, 1, 9), Error::<Test>::ProjectClosed);
		});
	}

	#[test]
	fn funding_mints_up_to_the_cap() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			let a = add_milestone(project, BudgetAsset::ProjectCurrency, 600);
			let b = add_milestone(project, BudgetAsset::ProjectCurrency, 500);
			assert_ok!(Pallet::fund_milestone(governance(project), project, a));
			assert_eq!(
				last_event(),
				Event::MilestoneFunded {
					project,
					milestone: a,
					asset: BudgetAsset::ProjectCurrency,
					budget: 600,
					minted: true,
				}
			);
			assert_eq!(supply(project), 600);
			assert_noop!(
				Pallet::fund_milestone(governance(project), project, b),
				Error::<Test>::CapExceeded
			);
			// Governance raises the cap, and then it can be funded.
			assert_ok!(Pallet::set_cap(governance(project), project, 1_100));
			assert_eq!(last_event(), Event::CapChanged { project, old: 1_000, new: 1_100 });
			assert_ok!(Pallet::fund_milestone(RuntimeOrigin::root(), project, b));
			assert_eq!(supply(project), 1_100);
			let counters = Projects::<Test>::get(project).unwrap().counters;
			assert_eq!((counters.planned, counters.funded), (0, 2));
		});
	}

	#[test]
	fn funding_native_needs_the_treasury_to_hold_it() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			let a = add_milestone(project, BudgetAsset::Native, 500);
			let b = add_milestone(project, BudgetAsset::Native, 300);
			let gov = || governance(project);
			assert_noop!(
				Pallet::fund_milestone(gov(), project, a),
				Error::<Test>::InsufficientTreasury
			);
			assert_ok!(Pallet::donate(signed(BOB), project, 600));
			assert_eq!(last_event(), Event::Donated { project, from: BOB, amount: 600 });
			assert_ok!(Pallet::fund_milestone(gov(), project, a));
			assert_eq!(
				last_event(),
				Event::MilestoneFunded {
					project,
					milestone: a,
					asset: BudgetAsset::Native,
					budget: 500,
					minted: false,
				}
			);
			// 600 donated, of which 500 committed (and 10 must stay as existential deposit).
			assert_noop!(
				Pallet::fund_milestone(gov(), project, b),
				Error::<Test>::InsufficientTreasury
			);
			assert_ok!(Pallet::donate(signed(BOB), project, 300));
			assert_ok!(Pallet::fund_milestone(gov(), project, b));
			assert_eq!(Projects::<Test>::get(project).unwrap().counters.native_committed, 800);
		});
	}

	#[test]
	fn funding_errors() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			let m = add_milestone(project, BudgetAsset::ProjectCurrency, 100);
			let gov = || governance(project);
			assert_noop!(Pallet::fund_milestone(signed(ALICE), project, m), BadOrigin);
			assert_noop!(
				Pallet::fund_milestone(gov(), project, 9),
				Error::<Test>::MilestoneNotFound
			);
			assert_ok!(Pallet::fund_milestone(gov(), project, m));
			assert_noop!(
				Pallet::fund_milestone(gov(), project, m),
				Error::<Test>::MilestoneNotPlanned
			);
			let n = add_milestone(project, BudgetAsset::ProjectCurrency, 100);
			assert_ok!(Pallet::set_status(gov(), project, ProjectStatus::Completed));
			assert_noop!(Pallet::fund_milestone(gov(), project, n), Error::<Test>::ProjectClosed);
		});
	}

	#[test]
	fn completing_by_steward_or_governance() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			let a = add_milestone(project, BudgetAsset::ProjectCurrency, 100);
			let b = add_milestone(project, BudgetAsset::ProjectCurrency, 100);
			let gov = || governance(project);
			assert_noop!(
				Pallet::complete_milestone(signed(ALICE), project, a, cid("e")),
				Error::<Test>::MilestoneNotFunded
			);
			assert_ok!(Pallet::fund_milestone(gov(), project, a));
			assert_ok!(Pallet::fund_milestone(gov(), project, b));
			assert_noop!(
				Pallet::complete_milestone(signed(BOB), project, a, cid("e")),
				Error::<Test>::NotSteward
			);
			assert_noop!(
				Pallet::complete_milestone(signed(ALICE), project, a, cid("")),
				Error::<Test>::EmptyCid
			);
			assert_noop!(
				Pallet::complete_milestone(signed(ALICE), project, 7, cid("e")),
				Error::<Test>::MilestoneNotFound
			);
			// A steward alone cannot give up budget a poll voted: with 100 unspent, no.
			assert_noop!(
				Pallet::complete_milestone(signed(ALICE), project, a, cid("e")),
				Error::<Test>::UnspentBudget
			);
			// Once the budget is spent, the steward completes it.
			assert_ok!(<Pallet as ProjectsInterface<_>>::spend(project, a, &BOB, 100));
			assert_ok!(Pallet::complete_milestone(signed(ALICE), project, a, cid("e")));
			assert_eq!(
				last_event(),
				Event::MilestoneCompleted {
					project,
					milestone: a,
					by: Actor::Steward(ALICE),
					evidence: cid("e"),
				}
			);
			assert_ok!(Pallet::complete_milestone(gov(), project, b, cid("f")));
			assert!(matches!(
				last_event(),
				Event::MilestoneCompleted { by: Actor::Governance, .. }
			));
			let stone = Milestones::<Test>::get(project, b).unwrap();
			assert_eq!((stone.status, stone.evidence), (MilestoneStatus::Achieved, Some(cid("f"))));
			// What the milestones did not spend goes back to the plan: the supply follows it.
			assert_eq!(supply(project), 100);
			assert_ok!(Pallet::set_status(gov(), project, ProjectStatus::Cancelled));
			assert_noop!(
				Pallet::complete_milestone(signed(ALICE), project, a, cid("e")),
				Error::<Test>::ProjectClosed
			);
		});
	}

	#[test]
	fn cancelling_burns_what_was_not_spent() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			let m = add_milestone(project, BudgetAsset::ProjectCurrency, 400);
			let gov = || governance(project);
			assert_ok!(Pallet::fund_milestone(gov(), project, m));
			assert_ok!(<Pallet as ProjectsInterface<_>>::spend(project, m, &BOB, 150));
			assert_ok!(Pallet::cancel_milestone(gov(), project, m));
			assert_eq!(
				last_event(),
				Event::MilestoneCancelled { project, milestone: m, burned: 250, released: 0 }
			);
			assert_eq!(supply(project), 150);
			let c = Projects::<Test>::get(project).unwrap().currency.unwrap();
			assert_eq!((c.minted, c.burned), (400, 250));
			assert_noop!(
				Pallet::cancel_milestone(gov(), project, m),
				Error::<Test>::MilestoneClosed
			);
			assert_noop!(Pallet::cancel_milestone(signed(ALICE), project, m), BadOrigin);
			assert_noop!(
				Pallet::cancel_milestone(gov(), project, 3),
				Error::<Test>::MilestoneNotFound
			);
			// What comes back from escrow for a cancelled milestone is burned too.
			assert_ok!(<Pallet as ProjectsInterface<_>>::refund(project, m, &BOB, 150));
			assert!(matches!(
				last_event(),
				Event::BudgetRefunded { burned: true, amount: 150, .. }
			));
			assert_eq!(supply(project), 0);
		});
	}

	#[test]
	fn cancelling_native_releases_the_commitment() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			assert_ok!(Pallet::donate(signed(BOB), project, 1_000));
			let m = add_milestone(project, BudgetAsset::Native, 400);
			let planned = add_milestone(project, BudgetAsset::Native, 400);
			assert_ok!(Pallet::fund_milestone(governance(project), project, m));
			assert_ok!(Pallet::cancel_milestone(governance(project), project, m));
			assert_eq!(
				last_event(),
				Event::MilestoneCancelled { project, milestone: m, burned: 0, released: 400 }
			);
			assert_ok!(Pallet::cancel_milestone(governance(project), project, planned));
			let counters = Projects::<Test>::get(project).unwrap().counters;
			assert_eq!((counters.native_committed, counters.cancelled), (0, 2));
		});
	}
}

mod status_and_cap {
	use super::*;

	#[test]
	fn transitions() {
		ExtBuilder::build_and_execute(|| {
			use ProjectStatus::*;
			let project = create_plain();
			let set = |s| Pallet::set_status(governance(project), project, s);
			assert_noop!(set(Active), Error::<Test>::InvalidStatusTransition);
			assert_ok!(set(Paused));
			assert_eq!(last_event(), Event::StatusChanged { project, old: Active, new: Paused });
			assert_noop!(set(Paused), Error::<Test>::InvalidStatusTransition);
			assert_ok!(set(Active));
			assert_ok!(set(Completed));
			assert_noop!(set(Active), Error::<Test>::InvalidStatusTransition);
			assert_noop!(set(Cancelled), Error::<Test>::InvalidStatusTransition);
			assert_noop!(Pallet::set_status(signed(ALICE), project, Paused), BadOrigin);
			assert_noop!(
				Pallet::set_status(governance(4), 4, Paused),
				Error::<Test>::ProjectNotFound
			);
		});
	}

	#[test]
	fn cap_errors() {
		ExtBuilder::build_and_execute(|| {
			let plain = create_plain();
			assert_noop!(Pallet::set_cap(governance(plain), plain, 5), Error::<Test>::NoCurrency);
			let project = create_with_currency(1_000);
			let gov = || governance(project);
			let m = add_milestone(project, BudgetAsset::ProjectCurrency, 600);
			assert_ok!(Pallet::fund_milestone(gov(), project, m));
			assert_noop!(Pallet::set_cap(gov(), project, 0), Error::<Test>::ZeroCap);
			assert_noop!(Pallet::set_cap(gov(), project, 599), Error::<Test>::CapBelowSupply);
			assert_ok!(Pallet::set_cap(gov(), project, 600));
			assert_ok!(Pallet::set_status(gov(), project, ProjectStatus::Cancelled));
			assert_noop!(Pallet::set_cap(gov(), project, 700), Error::<Test>::ProjectClosed);
		});
	}

	#[test]
	fn donations() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			assert_noop!(
				Pallet::donate(signed(BOB), project, 0),
				Error::<Test>::DonationBelowMinimum
			);
			// The smallest donation pays for the ledger record it makes (5 in the mock).
			assert_noop!(
				Pallet::donate(signed(BOB), project, 4),
				Error::<Test>::DonationBelowMinimum
			);
			assert_noop!(Pallet::donate(signed(BOB), 3, 10), Error::<Test>::ProjectNotFound);
			// The donor is kept alive.
			assert_noop!(Pallet::donate(signed(BOB), project, INITIAL), TokenError::NotExpendable);
			assert_ok!(Pallet::donate(signed(BOB), project, 500));
			assert_ok!(Pallet::donate(signed(CHARLIE), project, 5));
			assert_eq!(Balances::balance(&Pallet::project_account(project)), 505);
			assert_eq!(
				reported_donations(),
				vec![(project, BOB, 500), (project, CHARLIE, 5)],
				"reported to the ledger"
			);
			assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Completed));
			assert_noop!(Pallet::donate(signed(BOB), project, 10), Error::<Test>::ProjectClosed);
		});
	}
}

mod reaping {
	use super::*;

	#[test]
	fn returns_deposits_burns_and_sweeps() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			assert_ok!(Pallet::add_steward(governance(project), project, BOB));
			let m = add_milestone(project, BudgetAsset::ProjectCurrency, 300);
			assert_ok!(Pallet::add_milestone(
				signed(BOB),
				project,
				cid("n"),
				BudgetAsset::Native,
				5,
				50
			));
			assert_ok!(Pallet::fund_milestone(governance(project), project, m));
			assert_ok!(Pallet::donate(signed(CHARLIE), project, 700));
			assert!(held(BOB) > 0);

			assert_noop!(
				Pallet::reap_project(signed(DAVE), project),
				Error::<Test>::ProjectNotFinal
			);
			assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Cancelled));
			set_outstanding(1);
			assert_noop!(
				Pallet::reap_project(signed(DAVE), project),
				Error::<Test>::OutstandingWork
			);
			set_outstanding(0);
			let treasury_before = Balances::balance(&TREASURY);
			let alice_before = Balances::total_balance(&ALICE);
			let account = Pallet::project_account(project);
			let endowment = Projects::<Test>::get(project).unwrap().currency.unwrap().endowment;
			assert_eq!(endowment, Balances::total_balance(&account) - 700);
			assert!(endowment > ED, "the metadata deposit is part of it");
			assert_ok!(Pallet::reap_project(signed(DAVE), project));
			assert_eq!(
				last_event(),
				Event::ProjectReaped {
					project,
					milestones: 2,
					burned: 300,
					swept: 700,
					returned: endowment
				}
			);
			// Donations go to the beneficiary, the endowment back to the founder, and the
			// treasury account is closed; the currency keeps its name for its holders.
			assert_eq!(Balances::balance(&TREASURY), treasury_before + 700);
			assert_eq!(Balances::total_balance(&ALICE), alice_before + endowment);
			assert_eq!(Balances::total_balance(&account), 0);
			assert!(!System::account_exists(&account));
			assert_eq!(Assets::symbol(project), b"GRDN".to_vec());
			assert_eq!(Assets::decimals(project), 2);
			assert_eq!((held(ALICE), held(BOB)), (0, 0));
			assert_eq!(Milestones::<Test>::iter_prefix(project).count(), 0);
			assert_eq!(supply(0), 0);
			assert_noop!(
				Pallet::reap_project(signed(DAVE), project),
				Error::<Test>::ProjectNotFound
			);
		});
	}

	/// Donations too few to open the beneficiary's account do not block the reap: they go to
	/// the founder with the endowment.
	#[test]
	fn dust_the_beneficiary_cannot_take_goes_to_the_founder() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			assert_ok!(Balances::transfer_all(signed(TREASURY), DAVE, false));
			assert!(!System::account_exists(&TREASURY));
			assert_ok!(Pallet::donate(signed(CHARLIE), project, ED - 1));
			let endowment = Projects::<Test>::get(project).unwrap().currency.unwrap().endowment;
			assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Cancelled));
			let alice_before = Balances::total_balance(&ALICE);
			assert_ok!(Pallet::reap_project(signed(DAVE), project));
			assert_eq!(
				last_event(),
				Event::ProjectReaped {
					project,
					milestones: 0,
					burned: 0,
					swept: 0,
					returned: endowment + ED - 1
				}
			);
			assert_eq!(Balances::total_balance(&ALICE), alice_before + endowment + ED - 1);
			assert!(!System::account_exists(&Pallet::project_account(project)));
		});
	}

	/// A long-lived project has had more milestones than one call may remove: it is reaped a
	/// page at a time, and every deposit returns.
	#[test]
	fn a_long_lived_project_is_reaped_in_pages() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			for round in 0..3u32 {
				for i in 0..8u32 {
					let m = add_milestone(project, BudgetAsset::Native, 1);
					if round < 2 || i < 2 {
						assert_ok!(Pallet::cancel_milestone(governance(project), project, m));
					}
				}
			}
			assert_eq!(Milestones::<Test>::iter_prefix(project).count(), 24);
			assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Cancelled));
			assert_ok!(Pallet::reap_project(signed(DAVE), project));
			assert_eq!(
				last_event(),
				Event::ProjectReapProgressed { project, milestones: 8, records: 0 }
			);
			assert_ok!(Pallet::reap_project(signed(DAVE), project));
			assert_ok!(Pallet::reap_project(signed(DAVE), project));
			assert!(matches!(last_event(), Event::ProjectReaped { milestones: 24, .. }));
			assert_eq!(held(ALICE), 0);
			assert!(Projects::<Test>::get(project).is_none());
		});
	}

	/// What other pallets keep about the project is removed too, a page of `RecordsPerReap`
	/// (16) at a time, before the project itself.
	#[test]
	fn other_pallets_records_are_reaped_in_pages() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			add_milestone(project, BudgetAsset::Native, 1);
			assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Cancelled));
			set_records(40);
			assert_ok!(Pallet::reap_project(signed(DAVE), project));
			assert_eq!(
				last_event(),
				Event::ProjectReapProgressed { project, milestones: 1, records: 16 }
			);
			assert_ok!(Pallet::reap_project(signed(DAVE), project));
			assert_eq!(
				last_event(),
				Event::ProjectReapProgressed { project, milestones: 0, records: 16 }
			);
			assert!(Projects::<Test>::contains_key(project));
			assert_ok!(Pallet::reap_project(signed(DAVE), project));
			assert!(matches!(last_event(), Event::ProjectReaped { milestones: 1, .. }));
			assert_eq!(records_left(), 0);
			assert!(Projects::<Test>::get(project).is_none());
		});
	}

	/// Spending a project currency may empty the treasury's balance of it: no `min_balance` is
	/// left unspendable.
	#[test]
	fn a_currency_budget_is_spent_to_the_last_unit() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			let m = add_milestone(project, BudgetAsset::ProjectCurrency, 300);
			assert_ok!(Pallet::fund_milestone(governance(project), project, m));
			assert_ok!(<Pallet as commons_primitives::traits::ProjectsInterface<_>>::spend(
				project, m, &BOB, 300
			));
			assert_eq!(Assets::balance(asset_of(project), Pallet::project_account(project)), 0);
		});
	}
}

mod interface {
	use super::*;

	#[test]
	fn spending_and_refunding_native() {
		ExtBuilder::build_and_execute(|| {
			let project = create_plain();
			assert_ok!(Pallet::donate(signed(BOB), project, 1_000));
			let m = add_milestone(project, BudgetAsset::Native, 500);
			assert_noop!(
				<Pallet as ProjectsInterface<_>>::spend(project, m, &DAVE, 100),
				Error::<Test>::MilestoneNotFunded
			);
			assert_ok!(Pallet::fund_milestone(governance(project), project, m));
			assert_noop!(
				<Pallet as ProjectsInterface<_>>::spend(project, m, &DAVE, 501),
				Error::<Test>::BudgetExceeded
			);
			assert_noop!(
				<Pallet as ProjectsInterface<_>>::spend(project, m, &DAVE, 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				<Pallet as ProjectsInterface<_>>::spend(9, m, &DAVE, 1),
				Error::<Test>::ProjectNotFound
			);
			assert_noop!(
				<Pallet as ProjectsInterface<_>>::spend(project, 9, &DAVE, 1),
				Error::<Test>::MilestoneNotFound
			);
			let dave = Balances::balance(&DAVE);
			assert_eq!(
				<Pallet as ProjectsInterface<_>>::spend(project, m, &DAVE, 200),
				Ok(BudgetAsset::Native)
			);
			assert_eq!(Balances::balance(&DAVE), dave + 200);
			assert_eq!(
				last_event(),
				Event::BudgetSpent {
					project,
					milestone: m,
					to: DAVE,
					asset: BudgetAsset::Native,
					amount: 200,
				}
			);
			let counters = Projects::<Test>::get(project).unwrap().counters;
			assert_eq!((counters.spent_native, counters.native_committed), (200, 300));
			assert_noop!(
				<Pallet as ProjectsInterface<_>>::refund(project, m, &DAVE, 201),
				Error::<Test>::RefundExceedsSpent
			);
			assert_noop!(
				<Pallet as ProjectsInterface<_>>::refund(project, m, &DAVE, 0),
				Error::<Test>::ZeroAmount
			);
			assert_ok!(<Pallet as ProjectsInterface<_>>::refund(project, m, &DAVE, 200));
			let counters = Projects::<Test>::get(project).unwrap().counters;
			assert_eq!((counters.spent_native, counters.native_committed), (0, 500));
		});
	}

	#[test]
	fn a_paused_project_cannot_spend() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			let m = add_milestone(project, BudgetAsset::ProjectCurrency, 500);
			assert_ok!(Pallet::fund_milestone(governance(project), project, m));
			assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Paused));
			assert_noop!(
				<Pallet as ProjectsInterface<_>>::spend(project, m, &DAVE, 1),
				Error::<Test>::ProjectNotActive
			);
		});
	}

	#[test]
	fn reads() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			let m = add_milestone(project, BudgetAsset::ProjectCurrency, 500);
			assert_eq!(
				<Pallet as ProjectsInterface<_>>::status(project),
				Ok(ProjectStatus::Active)
			);
			assert_eq!(
				<Pallet as ProjectsInterface<_>>::status(5),
				Err(Error::<Test>::ProjectNotFound.into())
			);
			assert_eq!(<Pallet as ProjectsInterface<_>>::stewards(project), vec![ALICE]);
			assert_eq!(<Pallet as ProjectsInterface<_>>::currency(project), Some(project));
			assert_eq!(
				<Pallet as ProjectsInterface<_>>::milestone_budget(project, m)
					.map(|(asset, _)| asset),
				Ok(BudgetAsset::ProjectCurrency)
			);
			assert_eq!(
				<Pallet as ProjectsInterface<_>>::project_account(project),
				Pallet::project_account(project)
			);
		});
	}
}

/// Capture resistance: what a steward alone may no longer do, and what no spend may leave.
mod capture {
	use super::*;

	/// Alice creates a project whose currency's minimum balance is 10.
	fn create_with_minimum() -> ProjectId {
		let id = NextProjectId::<Test>::get();
		let mut c = currency(1_000_000);
		c.min_balance = 10;
		assert_ok!(Pallet::create_project(signed(ALICE), name("Garden"), cid("plan"), Some(c)));
		id
	}

	/// A spend that would leave the treasury between none and the currency's minimum balance
	/// is refused by name: the rest would leave the books (supply above the sum of balances).
	#[test]
	fn no_spend_leaves_dust_out_of_the_books() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_minimum();
			let m = add_milestone(project, BudgetAsset::ProjectCurrency, 100);
			assert_ok!(Pallet::fund_milestone(governance(project), project, m));
			let spend = |amount| <Pallet as ProjectsInterface<_>>::spend(project, m, &BOB, amount);
			// 95 would leave 5, below the minimum of 10.
			assert_noop!(spend(95), Error::<Test>::WouldLeaveDust);
			assert_ok!(spend(90));
			assert_noop!(spend(5), Error::<Test>::WouldLeaveDust);
			assert_ok!(spend(10));
			// Every unit is someone's: the supply equals the balances.
			let account = Pallet::project_account(project);
			let asset = asset_of(project);
			assert_eq!(
				supply(project),
				Assets::balance(asset, BOB) + Assets::balance(asset, account)
			);
			assert_eq!(supply(project), 100);
		});
	}

	/// A steward cannot complete a milestone with budget left (that gives up what a poll
	/// voted); project currency refunded to an achieved milestone is burned, not stranded.
	#[test]
	fn completion_burns_nothing_without_the_community() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			let m = add_milestone(project, BudgetAsset::ProjectCurrency, 300);
			assert_ok!(Pallet::fund_milestone(governance(project), project, m));
			assert_ok!(<Pallet as ProjectsInterface<_>>::spend(project, m, &BOB, 100));
			assert_noop!(
				Pallet::complete_milestone(signed(ALICE), project, m, cid("done")),
				Error::<Test>::UnspentBudget
			);
			assert_eq!(supply(project), 300);
			// The community (a poll) completes it: the 200 unspent are burned.
			assert_ok!(Pallet::complete_milestone(governance(project), project, m, cid("done")));
			assert_eq!(supply(project), 100);
			// The 100 spent come back (a task cancelled): burned, since the milestone can no
			// longer spend them.
			assert_ok!(<Pallet as ProjectsInterface<_>>::refund(project, m, &BOB, 100));
			assert!(matches!(last_event(), Event::BudgetRefunded { burned: true, .. }));
			assert_eq!(supply(project), 0);
			assert_eq!(Assets::balance(asset_of(project), Pallet::project_account(project)), 0);
		});
	}

	/// Every act a poll may carry accepts the project's origin: the plan and its milestones.
	#[test]
	fn the_projects_governance_amends_the_plan_and_adds_milestones() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(1_000);
			assert_ok!(Pallet::amend_plan(governance(project), project, cid("plan-v2")));
			assert!(matches!(
				last_event(),
				Event::PlanAmended { by: Actor::Governance, new_version: 2, .. }
			));
			assert_noop!(
				Pallet::amend_plan(governance(project + 1), project, cid("plan-v3")),
				BadOrigin
			);
			// The treasury pays the milestone's deposit: it must have native tokens to spare.
			let account = Pallet::project_account(project);
			let added = || {
				Pallet::add_milestone(
					governance(project),
					project,
					cid("goal"),
					BudgetAsset::ProjectCurrency,
					100,
					50,
				)
			};
			let deposit = Pallet::milestone_deposit(4);
			assert_noop!(added(), Error::<Test>::InsufficientTreasury);
			assert_ok!(Pallet::donate(signed(BOB), project, deposit + 10));
			assert_ok!(added());
			assert_eq!(
				Balances::balance_on_hold(&HoldReason::StorageDeposit.into(), &account),
				deposit
			);
			let milestone = Milestones::<Test>::get(project, 0).unwrap();
			assert_eq!((milestone.depositor, milestone.deposit), (account, deposit));
			// Reaping returns it to the treasury, which is then swept.
			assert_ok!(Pallet::set_status(governance(project), project, ProjectStatus::Cancelled));
			assert_ok!(Pallet::reap_project(signed(CHARLIE), project));
			assert_eq!(Balances::balance_on_hold(&HoldReason::StorageDeposit.into(), &account), 0);
		});
	}

	/// A reward's reputation is counted against the larger of its milestone's budget and the
	/// largest budget the project ever funded in that asset: a tiny milestone earns little.
	#[test]
	fn rewards_are_shares_of_the_largest_funded_budget() {
		ExtBuilder::build_and_execute(|| {
			let project = create_with_currency(10_000_000);
			let big = add_milestone(project, BudgetAsset::ProjectCurrency, 1_000_000);
			let tiny = add_milestone(project, BudgetAsset::ProjectCurrency, 12);
			let earning = |m| <Pallet as ProjectsInterface<_>>::earning_budget(project, m);
			// Nothing funded yet: each milestone is its own base.
			assert_eq!(earning(tiny), Ok((BudgetAsset::ProjectCurrency, 12)));
			assert_ok!(Pallet::fund_milestone(governance(project), project, big));
			assert_ok!(Pallet::fund_milestone(governance(project), project, tiny));
			assert_eq!(earning(tiny), Ok((BudgetAsset::ProjectCurrency, 1_000_000)));
			assert_eq!(earning(big), Ok((BudgetAsset::ProjectCurrency, 1_000_000)));
			// Native budgets have their own base.
			let native = add_milestone(project, BudgetAsset::Native, 40);
			assert_eq!(earning(native), Ok((BudgetAsset::Native, 40)));
			assert_eq!(
				Projects::<Test>::get(project).unwrap().largest_budgets.of(BudgetAsset::Native),
				0
			);
			assert_noop!(earning(9), Error::<Test>::MilestoneNotFound);
		});
	}
}

/// Random sequences of calls from random accounts with random arguments; the invariants are
/// checked after every step, and the asset supply must equal minted − burned exactly (nothing in
/// these sequences burns through the asset pallet directly).
mod properties {
	use super::*;
	use commons_primitives::testing::SeededRng as Rng;

	/// Runs one random call; returns which kind of call it was and whether it succeeded.
	fn random_step(rng: &mut Rng) -> (usize, bool) {
		let who = AccountId::from(1 + rng.below(5));
		let projects = NextProjectId::<Test>::get().max(1);
		// Mostly projects that exist, sometimes one that does not.
		let project =
			if rng.below(10) == 0 { projects } else { rng.below(u64::from(projects)) as u32 };
		let milestone = rng.below(3) as MilestoneId;
		let amount = rng.below(600);
		let small = 1 + rng.below(60);
		let gov = if rng.below(4) == 0 { signed(who) } else { governance(project) };
		let asset =
			if rng.below(2) == 0 { BudgetAsset::Native } else { BudgetAsset::ProjectCurrency };
		let title = cid(["a", "bb", "ccc"][rng.below(3) as usize]);
		// Funding, completing and spending get extra weight: they need a funded milestone.
		let kind = match rng.below(21) {
			15 | 16 => 7,
			17 => 8,
			18 | 19 => 13,
			20 => 10,
			k => k,
		} as usize;
		let result = match kind {
			0 => Pallet::create_project(
				signed(who),
				name("P"),
				title,
				(rng.below(3) != 0).then(|| currency(1 + rng.below(20_000))),
			),
			1 => Pallet::amend_plan(signed(who), project, title),
			2 => Pallet::add_steward(gov, project, AccountId::from(1 + rng.below(6))),
			3 => Pallet::remove_steward(gov, project, AccountId::from(1 + rng.below(6))),
			4 => Pallet::transfer_founder(gov, project, AccountId::from(1 + rng.below(6))),
			5 | 6 => Pallet::add_milestone(
				signed(who),
				project,
				title,
				asset,
				amount,
				System::block_number() + rng.below(5),
			),
			7 => Pallet::fund_milestone(gov, project, milestone),
			8 => Pallet::complete_milestone(gov, project, milestone, title),
			9 => Pallet::cancel_milestone(gov, project, milestone),
			10 => Pallet::donate(signed(who), project, amount),
			11 => Pallet::set_status(
				gov,
				project,
				[ProjectStatus::Active, ProjectStatus::Paused, ProjectStatus::Completed]
					[rng.below(3) as usize],
			),
			12 => Pallet::set_cap(gov, project, amount),
			13 => <Pallet as ProjectsInterface<_>>::spend(project, milestone, &DAVE, small)
				.map(|_| ()),
			_ => {
				let result = <Pallet as ProjectsInterface<_>>::refund(
					project,
					milestone,
					&DAVE,
					small / 2 + 1,
				);
				if rng.below(3) == 0 {
					let _ = Pallet::reap_project(signed(who), project);
				}
				result
			},
		};
		if rng.below(5) == 0 {
			System::set_block_number(System::block_number() + 1);
		}
		(kind, result.is_ok())
	}

	#[test]
	fn random_call_sequences_keep_the_invariants() {
		let mut succeeded = [0u32; 15];
		for seed in 0..200u64 {
			ExtBuilder::build_and_execute(|| {
				let mut rng = Rng::new(seed);
				for step in 0..100 {
					let (kind, ok) = random_step(&mut rng);
					if ok {
						succeeded[kind] += 1;
					}
					Pallet::do_try_state().unwrap_or_else(|e| {
						panic!("seed {seed}, step {step}: invariant broken: {e:?}")
					});
					for (_, project) in Projects::<Test>::iter() {
						if let Some(c) = project.currency {
							assert_eq!(Assets::total_issuance(c.asset), c.outstanding());
						}
					}
				}
			});
		}
		// The sequences reach every kind of call, not just its errors.
		for (kind, n) in succeeded.iter().enumerate() {
			assert!(*n > 0, "call kind {kind} never succeeded: {succeeded:?}");
		}
	}
}
