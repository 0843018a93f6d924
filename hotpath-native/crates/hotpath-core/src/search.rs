//! `Search`: exact top-k of a batch of queries over a resident collection, in its protobuf
//! form ([`Engine::search`]) and its zero-copy form ([`Engine::search_raw`]).

use crate::engine::Engine;
use crate::error::CoreError;
use crate::kernels::normalize;
use crate::proto::core_v1::{
    CoreTiming, ErrorReason, Metric, Neighbors, ScoredId, SearchRequest, SearchResponse,
};
use crate::scan::{Rows, Scan, Scanned};
use crate::stop::StopSignal;
use crate::validate::{MAX_DIM, Violations};

/// Most queries of one Search.
pub(crate) const MAX_SEARCH_QUERIES: usize = 1024;
/// Largest k.
pub(crate) const MAX_K: u64 = 1000;
/// Most ids of an allow-list filter.
const MAX_FILTER_IDS: usize = 100_000;

impl Engine {
    /// Top-k of each query over the named collection, best first (ties: smaller id).
    ///
    /// Validation follows `search.proto`: structural rules first (all reported together), then
    /// `NOT_FOUND`, then the metric and dims against the collection. The scan polls `stop` at
    /// least every ~1 ms and returns `DeadlineExceeded`/`Cancelled` when it fires.
    pub fn search(
        &self,
        req: &SearchRequest,
        stop: &StopSignal,
    ) -> Result<SearchResponse, CoreError> {
        let (scanned, timing) = self.compute_call(|| {
            let mut v = Violations::new();
            v.collection_name("collection", &req.collection);
            if v.count("queries", req.queries.len(), 1, MAX_SEARCH_QUERIES) {
                v.vectors("queries", &req.queries);
            }
            v.range("k", u64::from(req.k), 1, MAX_K);
            v.metric("metric", req.metric, false);
            if let Some(filter) = &req.filter {
                v.count("filter.ids", filter.ids.len(), 1, MAX_FILTER_IDS);
            }
            v.into_result()?;

            let collection = self.collection(&req.collection)?;
            let mut v = Violations::new();
            check_metric(&mut v, req.metric, collection.metric);
            v.dims(
                "queries",
                &req.queries,
                collection.dim,
                "the collection's dim",
            );
            v.into_result()?;

            let mut queries: Vec<f32> = Vec::with_capacity(req.queries.len() * collection.dim);
            for q in &req.queries {
                queries.extend_from_slice(&q.values);
            }
            self.prepare_queries(collection.metric, &mut queries, collection.dim)?;
            let filter = req.filter.as_ref().map(|f| f.ids.as_slice());
            self.scan_collection(&collection, &queries, req.k as usize, filter, stop)
        })?;
        Ok(SearchResponse {
            results: neighbors(scanned.hits),
            timing: Some(timing),
            vectors_scanned: scanned.vectors_scanned,
        })
    }

    /// Zero-copy Search (FFI fast path): `queries` holds `n = queries.len() / dim` row-major
    /// queries; hit `j` of query `i` goes to `out_ids[i * k + j]` / `out_scores[i * k + j]`, unused
    /// slots get id `u64::MAX` and score NaN. Same validation (same field paths), arithmetic
    /// and tie-breaking as [`Engine::search`], with the collection's metric. `out_ids` and
    /// `out_scores` must have exactly `n * k` slots (`INVALID_FIELD` on `out_ids`/`out_scores`).
    #[allow(clippy::too_many_arguments)]
    pub fn search_raw(
        &self,
        collection: &str,
        queries: &[f32],
        dim: usize,
        k: usize,
        stop: &StopSignal,
        out_ids: &mut [u64],
        out_scores: &mut [f32],
    ) -> Result<CoreTiming, CoreError> {
        let (scanned, timing) = self.compute_call(|| {
            let mut v = Violations::new();
            v.collection_name("collection", collection);
            let n = validate_raw_queries(&mut v, "queries", queries, dim, MAX_SEARCH_QUERIES);
            v.range("k", k as u64, 1, MAX_K);
            check_outputs(&mut v, n, k, out_ids.len(), out_scores.len());
            v.into_result()?;

            let target = self.collection(collection)?;
            if dim != target.dim {
                let mut v = Violations::new();
                for i in 0..n {
                    if v.is_full() {
                        break;
                    }
                    v.add(
                        ErrorReason::DimensionMismatch,
                        format!("queries[{i}].values"),
                        format!("has {dim} values, the collection's dim is {}", target.dim),
                    );
                }
                v.into_result()?;
            }
            let mut prepared;
            let queries = if target.metric == Metric::Cosine {
                prepared = queries.to_vec();
                self.prepare_queries(target.metric, &mut prepared, dim)?;
                &prepared[..]
            } else {
                queries
            };
            self.scan_collection(&target, queries, k, None, stop)
        })?;
        write_raw(&scanned, k, out_ids, out_scores);
        Ok(timing)
    }

    /// Normalizes cosine queries in place (zero vectors are `INVALID_FIELD` on `queries[i].values`).
    pub(crate) fn prepare_queries(
        &self,
        metric: Metric,
        queries: &mut [f32],
        dim: usize,
    ) -> Result<(), CoreError> {
        if metric != Metric::Cosine {
            return Ok(());
        }
        let mut v = Violations::new();
        for (i, q) in queries.chunks_exact_mut(dim).enumerate() {
            if let Err(why) = normalize(self.kernel, q) {
                v.add(
                    ErrorReason::InvalidField,
                    format!("queries[{i}].values"),
                    why,
                );
            }
        }
        v.into_result()
    }

    fn scan_collection(
        &self,
        collection: &crate::collection::Collection,
        queries: &[f32],
        k: usize,
        filter: Option<&[u64]>,
        stop: &StopSignal,
    ) -> Result<Scanned, CoreError> {
        let data = collection.read();
        let scan = Scan {
            kernel: self.kernel,
            l2: collection.metric == Metric::L2,
            k,
            stop,
            counters: &self.counters,
        };
        match filter {
            None => scan.run(
                queries,
                collection.dim,
                &Rows::All {
                    data: &data.vectors,
                    ids: Some(&data.ids),
                },
            ),
            Some(ids) => {
                let rows = data.rows_of(ids);
                scan.run(
                    queries,
                    collection.dim,
                    &Rows::Selected {
                        data: &data.vectors,
                        rows: &rows,
                        ids: &data.ids,
                    },
                )
            }
        }
    }
}

/// A request metric other than unspecified must equal the collection's.
fn check_metric(v: &mut Violations, requested: i32, collection: Metric) {
    if requested != Metric::Unspecified as i32 && requested != collection as i32 {
        let name = Metric::try_from(requested).map_or("?", |m| m.as_str_name());
        v.add(
            ErrorReason::InvalidField,
            "metric",
            format!(
                "{name} does not match the collection's {}",
                collection.as_str_name()
            ),
        );
    }
}

/// Raw-path query checks: `dim` in 1..=4096 (`dim`), a whole number of 1..=`max` queries
/// (`field`), all values finite (`field[i].values[j]`). Returns the number of queries.
pub(crate) fn validate_raw_queries(
    v: &mut Violations,
    field: &str,
    values: &[f32],
    dim: usize,
    max: usize,
) -> usize {
    if !v.range("dim", dim as u64, 1, MAX_DIM as u64) {
        return 0;
    }
    if !values.len().is_multiple_of(dim) {
        v.add(
            ErrorReason::DimensionMismatch,
            field,
            format!(
                "{} values are not a whole number of vectors of dim {dim}",
                values.len()
            ),
        );
        return 0;
    }
    let n = values.len() / dim;
    if !v.count(field, n, 1, max) {
        return 0;
    }
    for (i, row) in values.chunks_exact(dim).enumerate() {
        if v.is_full() {
            break;
        }
        v.finite(&format!("{field}[{i}].values"), row);
    }
    n
}

/// Raw-path output buffers: exactly `n * k` slots each.
pub(crate) fn check_outputs(v: &mut Violations, n: usize, k: usize, ids: usize, scores: usize) {
    let want = n.saturating_mul(k);
    if n == 0 || k == 0 {
        return;
    }
    for (field, len) in [("out_ids", ids), ("out_scores", scores)] {
        if len != want {
            v.add(
                ErrorReason::InvalidField,
                field,
                format!("must have n_queries * k = {want} slots, has {len}"),
            );
        }
    }
}

/// Copies hits into caller-owned arrays; unused slots get `u64::MAX` / NaN.
pub(crate) fn write_raw(scanned: &Scanned, k: usize, out_ids: &mut [u64], out_scores: &mut [f32]) {
    for (i, hits) in scanned.hits.iter().enumerate() {
        let ids = &mut out_ids[i * k..(i + 1) * k];
        let scores = &mut out_scores[i * k..(i + 1) * k];
        for j in 0..k {
            match hits.get(j) {
                Some(&(id, score)) => {
                    ids[j] = id;
                    scores[j] = score;
                }
                None => {
                    ids[j] = u64::MAX;
                    scores[j] = f32::NAN;
                }
            }
        }
    }
}

/// Hits as protobuf results, one `Neighbors` per query.
pub(crate) fn neighbors(hits: Vec<Vec<(u64, f32)>>) -> Vec<Neighbors> {
    hits.into_iter()
        .map(|hits| Neighbors {
            hits: hits
                .into_iter()
                .map(|(id, score)| ScoredId { id, score })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_raw_pads_unused_slots() {
        let scanned = Scanned {
            hits: vec![vec![(4, 1.5)], vec![(1, 2.0), (2, 1.0)]],
            vectors_scanned: 0,
        };
        let mut ids = vec![0u64; 4];
        let mut scores = vec![0f32; 4];
        write_raw(&scanned, 2, &mut ids, &mut scores);
        assert_eq!(ids, vec![4, u64::MAX, 1, 2]);
        assert_eq!(scores[0], 1.5);
        assert!(scores[1].is_nan());
        assert_eq!(&scores[2..], &[2.0, 1.0]);
    }

    #[test]
    fn raw_queries_and_outputs_are_checked() {
        let mut v = Violations::new();
        assert_eq!(
            validate_raw_queries(&mut v, "queries", &[1.0; 8], 4, 1024),
            2
        );
        check_outputs(&mut v, 2, 3, 6, 6);
        assert!(v.into_result().is_ok());

        let mut v = Violations::new();
        assert_eq!(
            validate_raw_queries(&mut v, "queries", &[1.0; 8], 0, 1024),
            0
        );
        check_outputs(&mut v, 2, 3, 5, 6);
        match v.into_result().unwrap_err() {
            CoreError::InvalidArgument { violations, .. } => {
                let fields: Vec<_> = violations.iter().map(|v| v.field.as_str()).collect();
                assert_eq!(fields, vec!["dim", "out_ids"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn metric_must_match_unless_unspecified() {
        let mut v = Violations::new();
        check_metric(&mut v, 0, Metric::L2);
        check_metric(&mut v, Metric::L2 as i32, Metric::L2);
        assert!(v.is_empty());
        check_metric(&mut v, Metric::Dot as i32, Metric::L2);
        assert!(!v.is_empty());
    }
}
