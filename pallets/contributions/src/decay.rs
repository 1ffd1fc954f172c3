//! Exponential decay in fixed point: `score · 2^(−Δt / half_life)`, in O(1).
//!
//! Whole half-lives are a right shift. The remaining fraction `r / half_life ∈ [0, 1)` is expanded
//! into [`FRACTION_BITS`] binary digits; for every digit `k` that is set the factor is multiplied
//! by `2^(−2^(−k))`, a constant of [`HALVING_ROOTS`], and the score by the factor once. Every
//! factor is below one and every product is rounded down, so a score never grows by decaying, it
//! never grows with time, and the result is within a relative `2^(−FRACTION_BITS) · ln 2` (about
//! 1.6e−10) of the exact value, plus one unit of rounding.
//!
//! [`lasts`] inverts it: how long a score stays at or above a threshold. Membership of a project
//! is kept as the block where that ends, so that counting a project's members is a binary search.

use polkadot_sdk::sp_runtime::Perquintill;

/// How many binary digits of the fraction of a half-life are applied.
pub const FRACTION_BITS: usize = 32;

/// `2^(−2^(−k))` for `k = 1..=32`, as [`Perquintill`]s (parts of 10^18, rounded to the nearest).
const HALVING_ROOTS: [Perquintill; FRACTION_BITS] = [
	Perquintill::from_parts(707_106_781_186_547_524),
	Perquintill::from_parts(840_896_415_253_714_543),
	Perquintill::from_parts(917_004_043_204_671_232),
	Perquintill::from_parts(957_603_280_698_573_647),
	Perquintill::from_parts(978_572_062_087_700_135),
	Perquintill::from_parts(989_228_013_193_975_484),
	Perquintill::from_parts(994_599_423_483_633_176),
	Perquintill::from_parts(997_296_056_085_470_126),
	Perquintill::from_parts(998_647_112_890_970_174),
	Perquintill::from_parts(999_323_327_502_650_752),
	Perquintill::from_parts(999_661_606_496_243_684),
	Perquintill::from_parts(999_830_788_931_929_063),
	Perquintill::from_parts(999_915_390_886_613_498),
	Perquintill::from_parts(999_957_694_548_431_133),
	Perquintill::from_parts(999_978_847_050_491_930),
	Perquintill::from_parts(999_989_423_469_314_464),
	Perquintill::from_parts(999_994_711_720_674_283),
	Perquintill::from_parts(999_997_355_856_841_395),
	Perquintill::from_parts(999_998_677_927_546_760),
	Perquintill::from_parts(999_999_338_963_554_895),
	Perquintill::from_parts(999_999_669_481_722_826),
	Perquintill::from_parts(999_999_834_740_847_758),
	Perquintill::from_parts(999_999_917_370_420_465),
	Perquintill::from_parts(999_999_958_685_209_379),
	Perquintill::from_parts(999_999_979_342_604_476),
	Perquintill::from_parts(999_999_989_671_302_185),
	Perquintill::from_parts(999_999_994_835_651_079),
	Perquintill::from_parts(999_999_997_417_825_536),
	Perquintill::from_parts(999_999_998_708_912_767),
	Perquintill::from_parts(999_999_999_354_456_383),
	Perquintill::from_parts(999_999_999_677_228_192),
	Perquintill::from_parts(999_999_999_838_614_096),
];

/// `a · b`, rounded down (the product of two fractions of the same scale).
fn times(a: Perquintill, b: Perquintill) -> Perquintill {
	Perquintill::from_parts(b.mul_floor(a.deconstruct()))
}

/// `score` after `elapsed` blocks of decay with the given half-life (in blocks). A half-life of
/// zero means no decay.
pub fn decay(score: u128, elapsed: u64, half_life: u64) -> u128 {
	if half_life == 0 || elapsed == 0 || score == 0 {
		return score;
	}
	// `half_life > 0` here, so neither division nor remainder can fail.
	let halvings = elapsed.checked_div(half_life).unwrap_or(0);
	if halvings >= 128 {
		return 0;
	}
	// `halvings < 128`, so the shift is defined.
	let value = score.checked_shr(u32::try_from(halvings).unwrap_or(u32::MAX)).unwrap_or(0);
	// The fraction's digits: double the remainder; a carry past the half-life is a 1. Their
	// roots are multiplied into one factor first, so the score is rounded once: the result is
	// then monotonic in `elapsed` (a factor's rounding, 1e-18 per digit, is far below what one
	// more block changes it by).
	let mut remainder = u128::from(elapsed.checked_rem(half_life).unwrap_or(0));
	let half_life = u128::from(half_life);
	let mut factor = Perquintill::one();
	for root in HALVING_ROOTS {
		if remainder == 0 {
			break;
		}
		remainder = remainder.saturating_mul(2);
		if remainder >= half_life {
			remainder = remainder.saturating_sub(half_life);
			factor = times(factor, root);
		}
	}
	if factor == Perquintill::one() {
		value
	} else {
		factor.mul_floor(value)
	}
}

/// The most blocks `score` can decay (with [`decay`]) and still be at least `threshold`, or
/// `None` if it is below `threshold` already. A half-life of zero (no decay) or a zero threshold
/// lasts forever (`u64::MAX`).
///
/// Whole half-lives first (the largest `k` with `score >> k ≥ threshold`), then the fraction of
/// the next one digit by digit: the same products [`decay`] forms, keeping each root whose product
/// stays at or above the threshold. The greatest block count whose digits are at most those is
/// then checked against [`decay`] itself, so that `decay(score, t) ≥ threshold > decay(score,
/// t + 1)` holds exactly for the `t` returned.
pub fn lasts(score: u128, threshold: u128, half_life: u64) -> Option<u64> {
	if score < threshold {
		return None;
	}
	if half_life == 0 || threshold == 0 {
		return Some(u64::MAX);
	}
	// score ≥ threshold > 0: the difference of leading zeros is the halvings, or one more.
	let mut halvings = threshold.leading_zeros().saturating_sub(score.leading_zeros());
	if score.checked_shr(halvings).unwrap_or(0) < threshold {
		halvings = halvings.saturating_sub(1);
	}
	let value = score.checked_shr(halvings).unwrap_or(0);
	let mut factor = Perquintill::one();
	let mut digits: u128 = 0;
	for root in HALVING_ROOTS {
		digits <<= 1;
		let next = times(factor, root);
		if next.mul_floor(value) >= threshold {
			factor = next;
			digits |= 1;
		}
	}
	// The largest r < half_life with floor(r · 2^32 / half_life) ≤ digits:
	// r = ceil((digits + 1) · half_life / 2^32) − 1.
	let half_life_wide = u128::from(half_life);
	let scale = 1u128 << FRACTION_BITS;
	let bound = digits.saturating_add(1).saturating_mul(half_life_wide);
	let r = bound.div_ceil(scale).saturating_sub(1).min(half_life_wide.saturating_sub(1));
	let whole = u128::from(halvings).saturating_mul(half_life_wide);
	let mut elapsed = u64::try_from(whole.saturating_add(r)).unwrap_or(u64::MAX);
	// Rounding can leave the estimate a block or two off; settle it against `decay` itself.
	for _ in 0..4 {
		if elapsed > 0 && decay(score, elapsed, half_life) < threshold {
			elapsed = elapsed.saturating_sub(1);
		} else if elapsed < u64::MAX
			&& decay(score, elapsed.saturating_add(1), half_life) >= threshold
		{
			elapsed = elapsed.saturating_add(1);
		} else {
			break;
		}
	}
	Some(elapsed)
}

#[cfg(test)]
mod tests {
	#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

	use super::*;

	fn exact(score: u128, elapsed: u64, half_life: u64) -> f64 {
		score as f64 * 2f64.powf(-(elapsed as f64) / half_life as f64)
	}

	#[test]
	fn the_roots_are_what_they_claim() {
		for (k, root) in HALVING_ROOTS.iter().enumerate() {
			let expected = 2f64.powf(-(2f64.powi(-(k as i32 + 1))));
			let got = root.deconstruct() as f64 / Perquintill::one().deconstruct() as f64;
			assert!((got - expected).abs() < 1e-15, "root {k}: {got} vs {expected}");
		}
	}

	#[test]
	fn one_half_life_halves_within_a_thousandth() {
		for half_life in [1u64, 7, 100, 14_400, 100_800, 1 << 31] {
			let score = 1_000_000_000_000u128;
			let after = decay(score, half_life, half_life);
			assert_eq!(after, score / 2, "an exact half-life is an exact shift");
			// Just before and after a half-life: still within 0.1% of half.
			for elapsed in [half_life.saturating_sub(1), half_life + 1] {
				let got = decay(score, elapsed, half_life) as f64;
				let ratio = got / (score as f64 / 2.0);
				assert!((ratio - 1.0).abs() < 1e-3 || half_life < 1_000, "{half_life}: {ratio}");
			}
		}
	}

	#[test]
	fn ten_half_lives_leave_less_than_a_thousandth() {
		let score = u128::from(u64::MAX);
		let after = decay(score, 10 * 14_400, 14_400);
		assert!((after as f64) < score as f64 * 1e-3);
		assert_eq!(after, score >> 10);
	}

	#[test]
	fn matches_the_exact_curve() {
		let score = 1_000_000_000_000_000_000u128;
		let half_life = 14_400u64;
		for elapsed in (0..5 * half_life).step_by(97) {
			let got = decay(score, elapsed, half_life) as f64;
			let want = exact(score, elapsed, half_life);
			assert!(((got - want) / want).abs() < 1e-9, "{elapsed}: {got} vs {want}");
		}
	}

	#[test]
	fn never_increases_and_is_monotonic_in_time() {
		let half_life = 1_000u64;
		let mut previous = u128::MAX;
		for elapsed in 0..3_000u64 {
			let now = decay(u128::MAX, elapsed, half_life);
			assert!(now <= previous, "rose at {elapsed}");
			previous = now;
		}
		// Small scores too, where rounding is coarse.
		for (score, half_life) in [(39_442_529u128, 1_705u64), (1_000_003, 997), (7, 13)] {
			let mut previous = score;
			for elapsed in 0..4 * half_life {
				let now = decay(score, elapsed, half_life);
				assert!(now <= previous, "{score} rose at {elapsed}");
				previous = now;
			}
		}
		for score in [0u128, 1, 2, 3, 1_000, u128::MAX] {
			for elapsed in [0u64, 1, 999, 1_000, 1_001, 50_000] {
				assert!(decay(score, elapsed, half_life) <= score);
			}
		}
	}

	#[test]
	fn perquintill_multiplication_is_the_exact_floor() {
		use polkadot_sdk::sp_runtime::{
			helpers_128bit::multiply_by_rational_with_rounding, Rounding,
		};
		let values = [0u128, 1, 2, 999, u64::MAX as u128, (u64::MAX as u128) + 1, u128::MAX / 3];
		for value in values.into_iter().chain([u128::MAX - 1, u128::MAX]) {
			for root in HALVING_ROOTS {
				let parts = u128::from(root.deconstruct());
				let one = u128::from(Perquintill::one().deconstruct());
				let want = multiply_by_rational_with_rounding(value, parts, one, Rounding::Down);
				assert_eq!(Some(root.mul_floor(value)), want, "{value} · {root:?}");
			}
		}
	}

	/// `lasts` is exact: at the returned block the score is still at the threshold or above, one
	/// block later it is below.
	fn check_lasts(score: u128, threshold: u128, half_life: u64) {
		match lasts(score, threshold, half_life) {
			None => assert!(score < threshold),
			Some(t) => {
				assert!(decay(score, t, half_life) >= threshold, "{score} {threshold} {half_life}");
				if t < u64::MAX {
					assert!(
						decay(score, t + 1, half_life) < threshold,
						"{score} {threshold} {half_life}: {t}"
					);
				}
			},
		}
	}

	#[test]
	fn lasts_finds_the_last_block_at_the_threshold() {
		let mut seed = 0x9e37_79b9_7f4a_7c15u64;
		let mut next = move || {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			seed
		};
		for _ in 0..20_000 {
			let threshold = u128::from(next() % 10_000_000) + 1;
			let score = threshold + u128::from(next() % 100_000_000);
			let half_life = next() % 2_000_000 + 1;
			check_lasts(score, threshold, half_life);
			check_lasts(threshold, threshold, half_life);
			check_lasts(threshold.saturating_sub(1), threshold, half_life);
		}
		for half_life in [1u64, 2, 3, 1_000, u32::MAX as u64, u64::MAX] {
			for (score, threshold) in [(u128::MAX, 1), (u128::MAX, u128::MAX), (2, 1), (3, 2)] {
				check_lasts(score, threshold, half_life);
			}
		}
		// One half-life above the threshold: exactly one half-life.
		assert_eq!(lasts(2_000_000, 1_000_000, 100), Some(100));
		assert_eq!(lasts(5, 0, 100), Some(u64::MAX));
		assert_eq!(lasts(5, 1, 0), Some(u64::MAX));
		assert_eq!(lasts(4, 5, 100), None);
	}

	#[test]
	fn no_overflow_at_the_extremes() {
		assert_eq!(decay(u128::MAX, 0, 1), u128::MAX);
		assert_eq!(decay(u128::MAX, u64::MAX, 1), 0);
		assert_eq!(decay(u128::MAX, 127, 1), 1);
		assert_eq!(decay(u128::MAX, u64::MAX, u64::MAX), u128::MAX / 2);
		assert!(decay(u128::MAX, u64::MAX - 1, u64::MAX) > u128::MAX / 2);
		assert_eq!(decay(12345, 99, 0), 12345, "a zero half-life never decays");
	}
}
