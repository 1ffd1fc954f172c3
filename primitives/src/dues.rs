//! Sorted due blocks: how projects and tasks count what is overdue with one binary search.
//!
//! A pallet keeps, per project, a bounded vector of the due blocks of its open items, sorted;
//! inserting and removing keep it sorted, and the items past due at `now` are those before the
//! first due block at or after `now`.

use polkadot_sdk::frame_support::{traits::Get, BoundedVec};

/// Inserts `due`, keeping `dues` sorted (after any equal ones). Fails if `dues` is full.
pub fn insert<B: Ord, S: Get<u32>>(dues: &mut BoundedVec<B, S>, due: B) -> Result<(), B> {
	let at = dues.partition_point(|d| *d <= due);
	dues.try_insert(at, due)
}

/// Removes one `due` from `dues`, if it is there.
pub fn remove<B: Ord, S: Get<u32>>(dues: &mut BoundedVec<B, S>, due: &B) {
	let at = dues.partition_point(|d| d < due);
	if dues.get(at) == Some(due) {
		dues.remove(at);
	}
}

/// How many of `dues` are before `now`: the overdue items.
pub fn past<B: Ord>(dues: &[B], now: &B) -> u32 {
	u32::try_from(dues.partition_point(|due| due < now)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;
	use polkadot_sdk::frame_support::traits::ConstU32;

	#[test]
	fn keeps_dues_sorted_and_counts_the_past_ones() {
		let mut dues = BoundedVec::<u64, ConstU32<4>>::new();
		for due in [50, 20, 90, 20] {
			assert_eq!(insert(&mut dues, due), Ok(()));
		}
		assert_eq!(dues.to_vec(), vec![20, 20, 50, 90]);
		assert_eq!(insert(&mut dues, 10), Err(10), "full");
		assert_eq!(past(&dues, &20), 0);
		assert_eq!(past(&dues, &51), 3);
		remove(&mut dues, &20);
		remove(&mut dues, &70);
		assert_eq!(dues.to_vec(), vec![20, 50, 90]);
	}
}
