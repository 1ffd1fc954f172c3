//! The pallets whose benchmarks this runtime exposes through the `Benchmark` runtime API (only
//! with the `runtime-benchmarks` feature). `scripts/benchmark.sh` runs them with the node's
//! `benchmark pallet` subcommand and writes each pallet's `weights.rs`.
//!
//! `pallet_xcm`'s benchmarks reach the relay chain (UMP) and a sibling parachain (an HRMP channel
//! the delivery helper opens), and move the native token, the one asset this runtime transacts.
//! What the runtime disables — teleports, `execute`, authorized aliases — its benchmarks weigh at
//! `Weight::MAX`, so those calls can never be included.

polkadot_sdk::frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[cumulus_pallet_parachain_system, ParachainSystem]
	[cumulus_pallet_weight_reclaim, WeightReclaim]
	[pallet_timestamp, Timestamp]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_assets, Assets]
	[pallet_session, SessionBench::<Runtime>]
	[pallet_collator_selection, CollatorSelection]
	[cumulus_pallet_xcmp_queue, XcmpQueue]
	[pallet_message_queue, MessageQueue]
	[pallet_preimage, Preimage]
	[pallet_scheduler, Scheduler]
	[pallet_democracy, Democracy]
	[pallet_treasury, Treasury]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_xcm, PalletXcmBench::<Runtime>]
	[pallet_projects, Projects]
	[pallet_tasks, Tasks]
	[pallet_contributions, Contributions]
	[pallet_quadratic_voting, QuadraticVoting]
);

/// What `list_benchmarks!`/`add_benchmarks!` expand against: the pallets above by their runtime
/// names, and the benchmark-only wrappers with this runtime's setup for them.
pub mod support {
	use crate::*;
	use alloc::{boxed::Box, vec::Vec};
	use cumulus_primitives_core::ParaId;
	use polkadot_sdk::{
		frame_benchmarking::BenchmarkError,
		staging_xcm::latest::{
			Asset, AssetId, Assets as XcmAssets, Fungibility::Fungible, Junction::Parachain,
			Location,
		},
	};

	pub use crate::{
		Assets, Balances, CollatorSelection, Contributions, Democracy, MessageQueue,
		ParachainSystem, Preimage, Projects, QuadraticVoting, Runtime, Scheduler, Sudo, Tasks,
		Timestamp, TransactionPayment, Treasury, Utility, WeightReclaim, XcmpQueue,
	};
	pub use cumulus_pallet_session_benchmarking::Pallet as SessionBench;
	pub use frame_system_benchmarking::{
		extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
	};

	impl frame_system_benchmarking::Config for Runtime {
		fn setup_set_code_requirements(code: &Vec<u8>) -> Result<(), BenchmarkError> {
			ParachainSystem::initialize_for_set_code_benchmark(code.len() as u32);
			Ok(())
		}

		fn verify_set_code() {
			System::assert_last_event(
				cumulus_pallet_parachain_system::Event::<Runtime>::ValidationFunctionStored.into(),
			);
		}
	}

	impl cumulus_pallet_session_benchmarking::Config for Runtime {
		fn generate_session_keys_and_proof(owner: AccountId) -> (SessionKeys, Vec<u8>) {
			use codec::Encode;
			let generated = SessionKeys::generate(&owner.encode(), None);
			(generated.keys, generated.proof.encode())
		}
	}

	impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

	pub use pallet_xcm::benchmarking::Pallet as PalletXcmBench;

	frame_support::parameter_types! {
		/// The sibling parachain the XCM benchmarks send the native token to.
		pub const BenchmarkSibling: ParaId = ParaId::new(2_001);
		/// What the delivery helpers deposit to a sender before it sends: nothing, as delivery is
		/// free here (no price for UMP or XCMP messages) and the root origin (`Here`) that
		/// `send` is measured with has no account to fund.
		pub const NothingToDeposit: Option<Asset> = None;
	}

	fn native(amount: Balance) -> Asset {
		Asset { id: AssetId(Location::here()), fun: Fungible(amount) }
	}

	fn sibling() -> Location {
		Location::new(1, [Parachain(BenchmarkSibling::get().into())])
	}

	impl pallet_xcm::benchmarking::Config for Runtime {
		// Delivery is free both ways; the sibling's helper opens its HRMP channel.
		type DeliveryHelper = (
			cumulus_primitives_utility::ToParentDeliveryHelper<
				configs::xcm_config::XcmConfig,
				NothingToDeposit,
				(),
			>,
			polkadot_runtime_common::xcm_sender::ToParachainDeliveryHelper<
				configs::xcm_config::XcmConfig,
				NothingToDeposit,
				polkadot_runtime_common::xcm_sender::NoPriceForMessageDelivery<ParaId>,
				BenchmarkSibling,
				ParachainSystem,
			>,
		);

		fn reachable_dest() -> Option<Location> {
			Some(Location::parent())
		}

		// Teleports are disabled (`XcmTeleportFilter` is `Nothing`): no teleportable asset.

		fn reserve_transferable_asset_and_dest() -> Option<(Asset, Location)> {
			// The native token, whose reserve is this chain, to a sibling.
			Some((native(configs::ExistentialDeposit::get()), sibling()))
		}

		fn set_up_complex_asset_transfer() -> Option<(XcmAssets, u32, Location, Box<dyn FnOnce()>)>
		{
			// `transfer_assets` of the native token to a sibling (a local-reserve transfer that
			// also pays its fees in it): the only transfer this runtime allows.
			use frame_support::traits::fungible::{Inspect, Mutate};
			let amount = configs::ExistentialDeposit::get().saturating_mul(100);
			let balance = amount.saturating_mul(10);
			let who: AccountId = polkadot_sdk::frame_benchmarking::whitelisted_caller();
			Balances::set_balance(&who, balance);
			let verify = Box::new(move || {
				assert!(Balances::balance(&who) <= balance.saturating_sub(amount));
			});
			Some((native(amount).into(), 0, sibling(), verify))
		}

		fn get_asset() -> Asset {
			native(configs::ExistentialDeposit::get())
		}

		fn batch_call(calls: Vec<RuntimeCall>) -> Option<RuntimeCall> {
			Some(RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }))
		}
	}

	/// Projects with members by reputation, for the quadratic-voting benchmarks.
	pub struct CommonsBenchmarkHelper;

	impl commons_primitives::traits::MembersBenchmarkHelper<AccountId> for CommonsBenchmarkHelper {
		fn project_with_members(members: &[AccountId]) -> commons_primitives::ProjectId {
			use commons_primitives::traits::ProjectsBenchmarkHelper as _;
			let founder: AccountId = polkadot_sdk::frame_benchmarking::account("founder", 0, 0);
			let (project, _) = Projects::funded_milestone(
				&founder,
				commons_primitives::BudgetAsset::Native,
				constants::UNIT,
			);
			for who in members {
				Contributions::record(
					project,
					who,
					pallet_contributions::ContributionKind::Task,
					0,
					&Default::default(),
					<configs::MemberThreshold as frame_support::traits::Get<
						commons_primitives::ReputationScore,
					>>::get()
					.saturating_mul(4),
				);
			}
			project
		}

		fn worst_case_count(project: commons_primitives::ProjectId) {
			use frame_support::traits::Get;
			// The most stewards ...
			let max = <Runtime as pallet_projects::Config>::MaxStewards::get();
			for i in 1..max {
				let steward: AccountId = polkadot_sdk::frame_benchmarking::account("steward", i, 0);
				let _ = Projects::add_steward(RuntimeOrigin::root(), project, steward);
			}
			// ... and one standing ending in each of the epochs one call settles, all passed.
			let epoch = <configs::StandingEpoch as Get<BlockNumber>>::get();
			let settle = <Runtime as pallet_contributions::Config>::MaxSettle::get();
			for i in 0..settle {
				let who: AccountId = polkadot_sdk::frame_benchmarking::account("lapsing", i, 0);
				Contributions::record(
					project,
					&who,
					pallet_contributions::ContributionKind::Task,
					0,
					&Default::default(),
					<configs::MemberThreshold as Get<commons_primitives::ReputationScore>>::get(),
				);
				let now = System::block_number();
				System::set_block_number(now.saturating_add(epoch));
			}
		}
	}
}
