//! The pallets whose benchmarks this runtime exposes through the `Benchmark` runtime API (only
//! with the `runtime-benchmarks` feature). `scripts/benchmark.sh` runs them with the node's
//! `benchmark pallet` subcommand and writes each pallet's `weights.rs`.
//!
//! `pallet_xcm` is left out: its benchmarks need a reachable destination and delivery-fee setup
//! that this runtime does not configure yet, and its weights are not ours to regenerate.

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
	[pallet_projects, Projects]
	[pallet_tasks, Tasks]
	[pallet_contributions, Contributions]
	[pallet_quadratic_voting, QuadraticVoting]
);

/// What `list_benchmarks!`/`add_benchmarks!` expand against: the pallets above by their runtime
/// names, and the benchmark-only wrappers with this runtime's setup for them.
pub mod support {
	use crate::*;
	use alloc::vec::Vec;
	use polkadot_sdk::frame_benchmarking::BenchmarkError;

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

	/// Projects with members by reputation, for the quadratic-voting benchmarks.
	pub struct CommonsBenchmarkHelper;

	impl pallet_quadratic_voting::BenchmarkHelper<AccountId> for CommonsBenchmarkHelper {
		fn project_with_members(members: &[AccountId]) -> pallet_projects::ProjectId {
			use pallet_projects::BenchmarkHelper as _;
			let founder: AccountId = polkadot_sdk::frame_benchmarking::account("founder", 0, 0);
			let (project, _) = Projects::funded_milestone(
				&founder,
				pallet_projects::BudgetAsset::Native,
				constants::UNIT,
			);
			for who in members {
				Contributions::record(
					project,
					who,
					pallet_contributions::ContributionKind::Task,
					0,
					&[],
					<configs::TaskReputation as frame_support::traits::Get<u128>>::get(),
				);
			}
			project
		}
	}
}
