//! Test support shared by the pallets' tests (compiled with `std` only): one seeded generator for
//! property tests, and the test runtime every pallet's mock starts from.

/// A small deterministic generator (SplitMix64): every property test draws from one, seeded by
/// its run number, so that a failure reproduces from the seed it prints.
#[derive(Clone, Debug)]
pub struct SeededRng(u64);

impl SeededRng {
	/// A generator seeded with `seed`; equal seeds give equal sequences.
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// A number in `0..n` (0 when `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		self.next_u64().checked_rem(n).unwrap_or(0)
	}

	/// A number in `0..n` as an index (0 when `n` is 0).
	pub fn index(&mut self, n: usize) -> usize {
		usize::try_from(self.below(n as u64)).unwrap_or(0)
	}

	/// True with probability `percent` / 100.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One of `items`, or `None` if there are none.
	pub fn pick<'a, X>(&mut self, items: &'a [X]) -> Option<&'a X> {
		items.get(self.index(items.len()))
	}
}

/// Declares the test runtime `Test` of a Commons pallet's mock: `System`, `Balances` and `Assets`
/// at pallet indices 0, 1 and 2, configured alike in every mock, then the pallets given, e.g.
///
/// ```ignore
/// commons_primitives::test_runtime! {
/// 	existential_deposit: ED;
/// 	3 => Projects: pallet_projects,
/// 	4 => Tasks: pallet_tasks,
/// }
/// ```
///
/// It also defines the types `AccountId` (`u128`) and `Balance` (`u64`), the test accounts
/// (`ALICE` to `EVE` = 1 to 5, `POOR`, `TREASURY`), `ED` and `INITIAL`, and `endowed_ext(balances)`:
/// test externalities at block 1 with those balances. The mock has `frame_support`,
/// `frame_system`, `pallet_balances` and `pallet_assets` in scope (from `polkadot_sdk`), and
/// configures the pallets it lists itself (the projects pallet with
/// `pallet_projects::config_preludes::TestDefaultConfig`). Assets are created only by the
/// projects pallet (through `fungibles::Create`) or Root, as in the runtime.
#[macro_export]
macro_rules! test_runtime {
	(existential_deposit: $ed:expr; $($index:tt => $name:ident: $pallet:ident),+ $(,)?) => {
		/// Accounts: wide enough that the keyless accounts derived from a pallet id and an id stay
		/// distinct (a `u64` keeps only "modl" and the pallet id).
		pub type AccountId = u128;
		/// Balances of the native token and of project currencies.
		pub type Balance = u64;
		/// The existential deposit of the native token.
		pub const ED: Balance = $ed;
		/// What every test account (1 to 10) starts with.
		pub const INITIAL: Balance = 1_000_000;
		#[allow(dead_code)]
		pub const ALICE: AccountId = 1;
		#[allow(dead_code)]
		pub const BOB: AccountId = 2;
		#[allow(dead_code)]
		pub const CHARLIE: AccountId = 3;
		#[allow(dead_code)]
		pub const DAVE: AccountId = 4;
		#[allow(dead_code)]
		pub const EVE: AccountId = 5;
		/// Has no funds at all.
		#[allow(dead_code)]
		pub const POOR: AccountId = 99;
		/// Receives what is left in a reaped project's treasury (holds `ED`).
		#[allow(dead_code)]
		pub const TREASURY: AccountId = 1000;

		#[frame_support::runtime]
		mod runtime {
			#[runtime::runtime]
			#[runtime::derive(
				RuntimeCall,
				RuntimeEvent,
				RuntimeError,
				RuntimeOrigin,
				RuntimeFreezeReason,
				RuntimeHoldReason,
				RuntimeSlashReason,
				RuntimeLockId,
				RuntimeTask,
				RuntimeViewFunction
			)]
			pub struct Test;

			#[runtime::pallet_index(0)]
			pub type System = frame_system;
			#[runtime::pallet_index(1)]
			pub type Balances = pallet_balances;
			#[runtime::pallet_index(2)]
			pub type Assets = pallet_assets;
			$(
				#[runtime::pallet_index($index)]
				pub type $name = $pallet;
			)+
		}

		#[frame_support::derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for Test {
			type Block = frame_system::mocking::MockBlock<Test>;
			type AccountId = AccountId;
			type Lookup = polkadot_sdk::sp_runtime::traits::IdentityLookup<AccountId>;
			type AccountData = pallet_balances::AccountData<Balance>;
		}

		#[frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for Test {
			type AccountStore = System;
			type ExistentialDeposit = frame_support::traits::ConstU64<{ $ed }>;
			type RuntimeHoldReason = RuntimeHoldReason;
		}

		#[frame_support::derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
		impl pallet_assets::Config for Test {
			type Currency = Balances;
			type CreateOrigin = frame_support::traits::AsEnsureOriginWithArg<
				frame_system::EnsureNever<AccountId>,
			>;
			type ForceOrigin = frame_system::EnsureRoot<AccountId>;
			type Freezer = ();
			type Holder = ();
		}

		/// Test externalities at block 1, with `balances` endowed.
		#[allow(dead_code)]
		pub fn endowed_ext(
			balances: Vec<(AccountId, Balance)>,
		) -> polkadot_sdk::sp_io::TestExternalities {
			use polkadot_sdk::sp_runtime::BuildStorage as _;
			let mut storage =
				frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
			pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
				.assimilate_storage(&mut storage)
				.unwrap();
			let mut ext = polkadot_sdk::sp_io::TestExternalities::new(storage);
			ext.execute_with(|| System::set_block_number(1));
			ext
		}
	};
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_seed_reproduces_its_sequence_and_seeds_differ() {
		let draw = |seed| {
			let mut rng = SeededRng::new(seed);
			(0..8).map(|_| rng.next_u64()).collect::<Vec<_>>()
		};
		assert_eq!(draw(7), draw(7));
		assert_ne!(draw(7), draw(8));
		let mut rng = SeededRng::new(1);
		assert!((0..1000).all(|_| rng.below(10) < 10));
		assert_eq!(rng.below(0), 0);
		assert_eq!(rng.pick::<u8>(&[]), None);
	}
}
