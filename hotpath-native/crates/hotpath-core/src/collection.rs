//! [`Collection`]: one resident collection (this core's shard of it) and its memory charge.
//!
//! Storage is one contiguous row-major `Vec<f32>` plus a `Vec<u64>` of ids. Ids stay sorted
//! ascending as long as vectors only arrive in id order (synthetic data, files, appending
//! upserts), and are then found by binary search; the first upsert that breaks the order builds
//! an id → row `HashMap`, charged against the budget like the vectors.

use std::collections::HashMap;
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::budget::Reservation;
use crate::proto::core_v1::{CollectionInfo, Metric, ShardSpec};

/// Bytes charged per vector of a collection, besides its `dim * 4` bytes of values: the id.
pub(crate) const ID_BYTES: u64 = 8;

/// One collection held by the engine. Shared as `Arc<Collection>`; its data behind a
/// `RwLock` (Search reads, Upsert writes).
#[derive(Debug)]
pub(crate) struct Collection {
    pub(crate) name: String,
    pub(crate) dim: usize,
    pub(crate) metric: Metric,
    pub(crate) shard_index: u32,
    /// At least 1.
    pub(crate) shard_count: u32,
    data: RwLock<Data>,
}

/// The vectors of a collection.
#[derive(Debug)]
pub(crate) struct Data {
    /// Row-major, `ids.len() * dim` values.
    pub(crate) vectors: Vec<f32>,
    /// `ids[r]` is the id of row `r`.
    pub(crate) ids: Vec<u64>,
    /// Ids strictly ascending; when false, `index` is present.
    ids_sorted: bool,
    index: Option<HashMap<u64, usize>>,
    /// Bytes of `reservation` that pay for the index (see [`Data::index_bytes`]).
    pub(crate) index_charged: u64,
    /// Bytes charged for `vectors`, `ids` and `index` capacity.
    pub(crate) reservation: Reservation,
}

impl Collection {
    /// A collection over `vectors`/`ids` (ids ascending or not), whose memory is `reservation`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        name: String,
        dim: usize,
        metric: Metric,
        shard_index: u32,
        shard_count: u32,
        vectors: Vec<f32>,
        ids: Vec<u64>,
        reservation: Reservation,
    ) -> Self {
        debug_assert_eq!(vectors.len(), ids.len() * dim);
        let ids_sorted = ids.windows(2).all(|w| w[0] < w[1]);
        let index = (!ids_sorted).then(|| ids.iter().enumerate().map(|(r, &id)| (id, r)).collect());
        Self {
            name,
            dim,
            metric,
            shard_index,
            shard_count: shard_count.max(1),
            data: RwLock::new(Data {
                vectors,
                ids,
                ids_sorted,
                index,
                index_charged: 0,
                reservation,
            }),
        }
    }

    /// Shared access for scans. A writer that panicked leaves whole rows (upserts copy row by
    /// row), so a poisoned lock is still read.
    pub(crate) fn read(&self) -> RwLockReadGuard<'_, Data> {
        self.data.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Exclusive access for upserts.
    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, Data> {
        self.data.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether `id` belongs to this core's shard.
    pub(crate) fn owns(&self, id: u64) -> bool {
        id % u64::from(self.shard_count) == u64::from(self.shard_index)
    }

    /// The public description of this collection.
    pub(crate) fn info(&self) -> CollectionInfo {
        let data = self.read();
        CollectionInfo {
            name: self.name.clone(),
            dim: self.dim as u32,
            metric: self.metric as i32,
            shard: Some(ShardSpec {
                index: self.shard_index,
                count: self.shard_count,
            }),
            count: data.ids.len() as u64,
            memory_bytes: data.reservation.bytes(),
        }
    }
}

impl Data {
    /// Number of vectors.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The row of `id`, if held.
    pub(crate) fn row_of(&self, id: u64) -> Option<usize> {
        if self.ids_sorted {
            self.ids.binary_search(&id).ok()
        } else {
            self.index
                .as_ref()
                .and_then(|index| index.get(&id).copied())
        }
    }

    /// The rows of `ids` that this collection holds, ascending, without duplicates.
    pub(crate) fn rows_of(&self, ids: &[u64]) -> Vec<usize> {
        let mut rows: Vec<usize> = ids.iter().filter_map(|&id| self.row_of(id)).collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }

    /// Whether appending `new_ids` (in order) keeps the ids sorted.
    pub(crate) fn stays_sorted_after(&self, new_ids: &[u64]) -> bool {
        if !self.ids_sorted {
            return false;
        }
        let mut last = self.ids.last().copied();
        for &id in new_ids {
            if last.is_some_and(|l| id <= l) {
                return false;
            }
            last = Some(id);
        }
        true
    }

    /// Whether the id → row map exists.
    pub(crate) fn has_index(&self) -> bool {
        self.index.is_some()
    }

    /// Bytes the id → row map would take at `items` entries (hashbrown: a power-of-two number of
    /// buckets at 7/8 load, 16 bytes of entry + 1 control byte each).
    pub(crate) fn index_bytes(items: usize) -> u64 {
        if items == 0 {
            return 0;
        }
        let buckets = if items < 4 {
            4
        } else if items < 8 {
            8
        } else {
            (items * 8 / 7).next_power_of_two()
        };
        buckets as u64 * 17 + 16
    }

    /// Appends a vector (capacity must have been reserved and charged by the caller).
    pub(crate) fn push(&mut self, id: u64, values: &[f32]) {
        let row = self.ids.len();
        self.ids.push(id);
        self.vectors.extend_from_slice(values);
        if let Some(index) = self.index.as_mut() {
            index.insert(id, row);
        }
        if self.ids_sorted && row > 0 && self.ids[row - 1] >= id {
            // The order just broke: index every id (into the map reserved by the caller, if any).
            self.ids_sorted = false;
            let index = self.index.get_or_insert_with(HashMap::new);
            index.extend(self.ids.iter().enumerate().map(|(r, &id)| (id, r)));
        }
    }

    /// Overwrites the values of row `row`.
    pub(crate) fn overwrite(&mut self, row: usize, values: &[f32]) {
        let dim = values.len();
        self.vectors[row * dim..(row + 1) * dim].copy_from_slice(values);
    }

    /// Reserves room for `extra` more vectors of `dim` values in the underlying buffers.
    pub(crate) fn reserve_rows(&mut self, extra: usize, dim: usize, index_items: Option<usize>) {
        self.ids.reserve_exact(extra);
        self.vectors.reserve_exact(extra * dim);
        if let Some(items) = index_items {
            match self.index.as_mut() {
                Some(index) => index.reserve(items.saturating_sub(index.len())),
                None => self.index = Some(HashMap::with_capacity(items)),
            }
        }
    }

    /// Rows the buffers can hold without reallocating.
    pub(crate) fn capacity_rows(&self) -> usize {
        self.ids.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::MemoryBudget;

    fn collection(ids: Vec<u64>) -> Collection {
        let budget = MemoryBudget::new(1 << 20);
        let vectors = ids.iter().flat_map(|&id| [id as f32, 0.0]).collect();
        Collection::new(
            "c".into(),
            2,
            Metric::Dot,
            0,
            1,
            vectors,
            ids,
            budget.reserve(0).unwrap(),
        )
    }

    #[test]
    fn finds_rows_sorted_and_unsorted() {
        for ids in [vec![1u64, 5, 9], vec![9, 1, 5]] {
            let c = collection(ids.clone());
            let data = c.read();
            for (r, id) in ids.iter().enumerate() {
                assert_eq!(data.row_of(*id), Some(r));
            }
            assert_eq!(data.row_of(4), None);
            assert_eq!(data.has_index(), ids[0] == 9);
        }
    }

    #[test]
    fn filter_rows_are_sorted_unique_and_ignore_unknown_ids() {
        let c = collection(vec![2, 4, 6, 8]);
        assert_eq!(c.read().rows_of(&[8, 3, 2, 8, 100]), vec![0, 3]);
    }

    #[test]
    fn pushing_out_of_order_builds_the_index() {
        let c = collection(vec![10, 20]);
        let mut data = c.write();
        assert!(data.stays_sorted_after(&[30, 40]));
        assert!(!data.stays_sorted_after(&[30, 25]));
        data.push(30, &[3.0, 0.0]);
        assert!(!data.has_index());
        data.push(5, &[0.5, 0.0]);
        assert!(data.has_index());
        assert_eq!(data.row_of(5), Some(3));
        assert_eq!(data.row_of(20), Some(1));
    }

    #[test]
    fn shard_membership() {
        let budget = MemoryBudget::new(0);
        let c = Collection::new(
            "s".into(),
            1,
            Metric::L2,
            2,
            4,
            vec![],
            vec![],
            budget.reserve(0).unwrap(),
        );
        assert!(c.owns(6));
        assert!(!c.owns(7));
        assert_eq!(c.info().shard, Some(ShardSpec { index: 2, count: 4 }));
    }

    #[test]
    fn index_bytes_grow_with_items() {
        assert_eq!(Data::index_bytes(0), 0);
        assert!(Data::index_bytes(1000) >= 1000 * 17);
        assert!(Data::index_bytes(1000) < 1000 * 40);
    }
}
