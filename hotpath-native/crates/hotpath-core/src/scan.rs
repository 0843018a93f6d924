//! The exact top-k scan shared by Search and Rerank: blocks of rows × every query, polling the
//! [`StopSignal`] at least every ~1 ms of work.

use crate::counters::WorkCounters;
use crate::error::CoreError;
use crate::kernels::Kernel;
use crate::stop::StopSignal;
use crate::topk::{TopK, key};

/// Rows per block: about 64 KiB of vectors, so a block stays in L2 while every query visits it.
const BLOCK_BYTES: usize = 64 * 1024;
/// Multiply-adds between two stop checks (a few tens of µs of work, far below 1 ms).
const CHECK_EVERY_MACS: usize = 262_144;

/// The rows a scan visits.
pub(crate) enum Rows<'a> {
    /// Every row of a row-major matrix; row `r` has id `ids[r]`, or `r` when `ids` is `None`.
    All {
        data: &'a [f32],
        ids: Option<&'a [u64]>,
    },
    /// The listed rows of a row-major matrix (ascending); row `r` has id `ids[r]`.
    Selected {
        data: &'a [f32],
        rows: &'a [usize],
        ids: &'a [u64],
    },
    /// Separately allocated vectors (Rerank's inline candidates); `ids[j]` or `j`.
    Inline {
        vectors: Vec<&'a [f32]>,
        ids: Option<&'a [u64]>,
    },
}

impl Rows<'_> {
    fn len(&self, dim: usize) -> usize {
        match self {
            Rows::All { data, .. } => data.len() / dim,
            Rows::Selected { rows, .. } => rows.len(),
            Rows::Inline { vectors, .. } => vectors.len(),
        }
    }

    #[inline]
    fn id(&self, j: usize) -> u64 {
        match self {
            Rows::All { ids, .. } | Rows::Inline { ids, .. } => match ids {
                Some(ids) => ids[j],
                None => j as u64,
            },
            Rows::Selected { rows, ids, .. } => ids[rows[j]],
        }
    }

    /// Rows `start..end` as one contiguous slice (gathered into `scratch` when needed).
    fn block<'s>(
        &'s self,
        dim: usize,
        start: usize,
        end: usize,
        scratch: &'s mut Vec<f32>,
    ) -> &'s [f32] {
        match self {
            Rows::All { data, .. } => &data[start * dim..end * dim],
            Rows::Selected { data, rows, .. } => {
                scratch.clear();
                for &r in &rows[start..end] {
                    scratch.extend_from_slice(&data[r * dim..(r + 1) * dim]);
                }
                scratch
            }
            Rows::Inline { vectors, .. } => {
                scratch.clear();
                for v in &vectors[start..end] {
                    scratch.extend_from_slice(v);
                }
                scratch
            }
        }
    }
}

/// What to compute and how to stop.
pub(crate) struct Scan<'a> {
    pub(crate) kernel: Kernel,
    /// Squared L2 (lower is better) when true, else dot (higher is better).
    pub(crate) l2: bool,
    pub(crate) k: usize,
    pub(crate) stop: &'a StopSignal<'a>,
    pub(crate) counters: &'a WorkCounters,
}

/// The result of a completed scan.
pub(crate) struct Scanned {
    /// Per query: `(id, score)` best first.
    pub(crate) hits: Vec<Vec<(u64, f32)>>,
    /// Query × row pairs scored.
    pub(crate) vectors_scanned: u64,
}

impl Scan<'_> {
    /// Scores every query (`queries`: row-major, `dim` wide) against every row and keeps the
    /// top `k` of each. Returns early with the stop error when the deadline passes or the
    /// caller cancels; the counters include the work done until then.
    pub(crate) fn run(
        &self,
        queries: &[f32],
        dim: usize,
        rows: &Rows<'_>,
    ) -> Result<Scanned, CoreError> {
        self.stop.check()?;
        let n_queries = queries.len() / dim;
        let n_rows = rows.len(dim);
        let block = (BLOCK_BYTES / (dim * 4)).max(4).min(n_rows.max(1));
        let check_every = (CHECK_EVERY_MACS / dim).max(1);
        let higher_is_better = !self.l2;

        let mut tops: Vec<TopK> = (0..n_queries).map(|_| TopK::new(self.k)).collect();
        let mut scores = vec![0.0f32; block];
        let mut scratch = Vec::new();
        let mut since_check = 0usize;
        let mut total = 0u64;

        let mut start = 0;
        while start < n_rows {
            let end = (start + block).min(n_rows);
            let block_rows = rows.block(dim, start, end, &mut scratch);
            let scores = &mut scores[..end - start];
            for (q, (query, top)) in queries.chunks_exact(dim).zip(tops.iter_mut()).enumerate() {
                // The first query streams the block in from memory; the others find it in cache.
                self.kernel
                    .score_rows_with(self.l2, query, block_rows, scores, q > 0);
                for (j, &score) in scores.iter().enumerate() {
                    top.offer(key(score, higher_is_better), rows.id(start + j));
                }
                since_check += end - start;
                if since_check >= check_every {
                    self.counters.add_scanned(since_check as u64);
                    total += since_check as u64;
                    since_check = 0;
                    self.stop.check()?;
                }
            }
            start = end;
        }
        self.counters.add_scanned(since_check as u64);
        total += since_check as u64;
        Ok(Scanned {
            hits: tops
                .into_iter()
                .map(|t| t.into_sorted(higher_is_better))
                .collect(),
            vectors_scanned: total,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    #[test]
    fn scans_all_selected_and_inline_rows_alike() {
        let counters = WorkCounters::new();
        let flag = AtomicU32::new(0);
        let stop = StopSignal::new(None, &flag);
        let dim = 3;
        let data: Vec<f32> = (0..30).map(|i| (i % 7) as f32 - 3.0).collect();
        let ids: Vec<u64> = (100..110).collect();
        let query = [1.0f32, 0.5, -1.0];
        let scan = Scan {
            kernel: Kernel::scalar(),
            l2: false,
            k: 4,
            stop: &stop,
            counters: &counters,
        };

        let all = scan
            .run(
                &query,
                dim,
                &Rows::All {
                    data: &data,
                    ids: Some(&ids),
                },
            )
            .unwrap();
        let rows: Vec<usize> = (0..10).collect();
        let selected = scan
            .run(
                &query,
                dim,
                &Rows::Selected {
                    data: &data,
                    rows: &rows,
                    ids: &ids,
                },
            )
            .unwrap();
        let inline = scan
            .run(
                &query,
                dim,
                &Rows::Inline {
                    vectors: data.chunks(dim).collect(),
                    ids: Some(&ids),
                },
            )
            .unwrap();
        assert_eq!(all.hits, selected.hits);
        assert_eq!(all.hits, inline.hits);
        assert_eq!(all.vectors_scanned, 10);
        assert_eq!(counters.vectors_scanned.load(Ordering::Relaxed), 30);
    }

    #[test]
    fn a_cancelled_scan_stops_before_scoring() {
        let counters = WorkCounters::new();
        let flag = AtomicU32::new(1);
        let stop = StopSignal::new(None, &flag);
        let data = vec![1.0f32; 64];
        let scan = Scan {
            kernel: Kernel::detect(),
            l2: true,
            k: 1,
            stop: &stop,
            counters: &counters,
        };
        let err = scan
            .run(
                &[1.0; 4],
                4,
                &Rows::All {
                    data: &data,
                    ids: None,
                },
            )
            .err();
        assert_eq!(err, Some(CoreError::Cancelled));
        assert_eq!(counters.vectors_scanned.load(Ordering::Relaxed), 0);
    }
}
