//! `Rerank`: exact top-k of queries over candidates sent inline, in its protobuf form
//! ([`Engine::rerank`]) and its zero-copy form ([`Engine::rerank_raw`]).

use crate::budget::Reservation;
use crate::engine::Engine;
use crate::error::CoreError;
use crate::kernels::normalize;
use crate::proto::core_v1::{CoreTiming, ErrorReason, Metric, RerankRequest, RerankResponse};
use crate::scan::{Rows, Scan, Scanned};
use crate::search::{MAX_K, check_outputs, neighbors, validate_raw_queries, write_raw};
use crate::stop::StopSignal;
use crate::validate::Violations;

/// Most queries of one Rerank.
const MAX_RERANK_QUERIES: usize = 64;
/// Most candidates of one Rerank.
const MAX_CANDIDATES: usize = 100_000;

impl Engine {
    /// Top-k of each query over the inline candidates, best first (ties: smaller id). Ids are
    /// `candidate_ids[j]`, or the position `j` when none are sent. For cosine, queries and
    /// candidates are normalized here (a copy of the candidates, charged against the memory
    /// budget while the call runs).
    pub fn rerank(
        &self,
        req: &RerankRequest,
        stop: &StopSignal,
    ) -> Result<RerankResponse, CoreError> {
        let (scanned, timing) = self.compute_call(|| {
            let mut v = Violations::new();
            let queries_ok = v.count("queries", req.queries.len(), 1, MAX_RERANK_QUERIES);
            let candidates_ok = v.count("candidates", req.candidates.len(), 1, MAX_CANDIDATES);
            check_candidate_ids(&mut v, req.candidate_ids.len(), req.candidates.len());
            v.range("k", u64::from(req.k), 1, MAX_K);
            let metric = v.metric("metric", req.metric, true);
            if queries_ok {
                v.vectors("queries", &req.queries);
            }
            if candidates_ok {
                v.vectors("candidates", &req.candidates);
            }
            v.into_result()?;
            let metric = metric.unwrap_or(Metric::Dot);

            let dim = req.queries[0].values.len();
            let mut v = Violations::new();
            v.dims("queries", &req.queries, dim, "the dimension of queries[0]");
            v.dims(
                "candidates",
                &req.candidates,
                dim,
                "the dimension of queries[0]",
            );
            v.into_result()?;

            let mut queries: Vec<f32> = Vec::with_capacity(req.queries.len() * dim);
            for q in &req.queries {
                queries.extend_from_slice(&q.values);
            }
            self.prepare_queries(metric, &mut queries, dim)?;
            let ids = (!req.candidate_ids.is_empty()).then_some(req.candidate_ids.as_slice());
            if metric == Metric::Cosine {
                let mut flat: Vec<f32> = Vec::new();
                let _charge = self.normalized_candidates(
                    &mut flat,
                    req.candidates.iter().map(|c| c.values.as_slice()),
                    dim,
                    req.candidates.len(),
                )?;
                self.rerank_scan(
                    metric,
                    &queries,
                    dim,
                    req.k as usize,
                    &Rows::All { data: &flat, ids },
                    stop,
                )
            } else {
                let vectors = req.candidates.iter().map(|c| c.values.as_slice()).collect();
                self.rerank_scan(
                    metric,
                    &queries,
                    dim,
                    req.k as usize,
                    &Rows::Inline { vectors, ids },
                    stop,
                )
            }
        })?;
        Ok(RerankResponse {
            results: neighbors(scanned.hits),
            timing: Some(timing),
        })
    }

    /// Zero-copy Rerank (FFI fast path): `queries` and `candidates` are row-major, `dim` wide;
    /// `candidate_ids`, when given, has one id per candidate. Hit `j` of query `i` goes to slot
    /// `i * k + j` of `out_ids`/`out_scores` (unused: `u64::MAX` / NaN). Same validation, field
    /// paths, arithmetic and tie-breaking as [`Engine::rerank`].
    #[allow(clippy::too_many_arguments)]
    pub fn rerank_raw(
        &self,
        metric: Metric,
        queries: &[f32],
        candidates: &[f32],
        candidate_ids: Option<&[u64]>,
        dim: usize,
        k: usize,
        stop: &StopSignal,
        out_ids: &mut [u64],
        out_scores: &mut [f32],
    ) -> Result<CoreTiming, CoreError> {
        let (scanned, timing) = self.compute_call(|| {
            let mut v = Violations::new();
            let n = validate_raw_queries(&mut v, "queries", queries, dim, MAX_RERANK_QUERIES);
            let m = validate_raw_queries(&mut v, "candidates", candidates, dim, MAX_CANDIDATES);
            if let Some(ids) = candidate_ids
                && (m > 0 || ids.len() > MAX_CANDIDATES)
            {
                check_candidate_ids(&mut v, ids.len(), m);
            }
            v.range("k", k as u64, 1, MAX_K);
            v.metric("metric", metric as i32, true);
            check_outputs(&mut v, n, k, out_ids.len(), out_scores.len());
            v.into_result()?;

            let mut prepared_queries;
            let queries = if metric == Metric::Cosine {
                prepared_queries = queries.to_vec();
                self.prepare_queries(metric, &mut prepared_queries, dim)?;
                &prepared_queries[..]
            } else {
                queries
            };
            if metric == Metric::Cosine {
                let mut flat = Vec::new();
                let _charge =
                    self.normalized_candidates(&mut flat, candidates.chunks_exact(dim), dim, m)?;
                self.rerank_scan(
                    metric,
                    queries,
                    dim,
                    k,
                    &Rows::All {
                        data: &flat,
                        ids: candidate_ids,
                    },
                    stop,
                )
            } else {
                self.rerank_scan(
                    metric,
                    queries,
                    dim,
                    k,
                    &Rows::All {
                        data: candidates,
                        ids: candidate_ids,
                    },
                    stop,
                )
            }
        })?;
        write_raw(&scanned, k, out_ids, out_scores);
        Ok(timing)
    }

    fn rerank_scan(
        &self,
        metric: Metric,
        queries: &[f32],
        dim: usize,
        k: usize,
        rows: &Rows<'_>,
        stop: &StopSignal,
    ) -> Result<Scanned, CoreError> {
        Scan {
            kernel: self.kernel,
            l2: metric == Metric::L2,
            k,
            stop,
            counters: &self.counters,
        }
        .run(queries, dim, rows)
    }

    /// Copies and normalizes candidates into `flat` (charged against the budget; the charge is
    /// released when the returned reservation drops). Zero vectors are `INVALID_FIELD` on
    /// `candidates[j].values`.
    fn normalized_candidates<'c>(
        &self,
        flat: &mut Vec<f32>,
        candidates: impl Iterator<Item = &'c [f32]>,
        dim: usize,
        count: usize,
    ) -> Result<Reservation, CoreError> {
        let charge = self.budget.reserve((count * dim * 4) as u64)?;
        flat.reserve_exact(count * dim);
        let mut v = Violations::new();
        for (j, c) in candidates.enumerate() {
            let start = flat.len();
            flat.extend_from_slice(c);
            if let Err(why) = normalize(self.kernel, &mut flat[start..]) {
                v.add(
                    ErrorReason::InvalidField,
                    format!("candidates[{j}].values"),
                    why,
                );
                if v.is_full() {
                    break;
                }
            }
        }
        v.into_result()?;
        Ok(charge)
    }
}

/// `candidate_ids` is empty or has one id per candidate (at most 100,000).
fn check_candidate_ids(v: &mut Violations, ids: usize, candidates: usize) {
    if ids > MAX_CANDIDATES {
        v.count("candidate_ids", ids, 0, MAX_CANDIDATES);
    } else if ids != 0 && ids != candidates {
        v.add(
            ErrorReason::InvalidField,
            "candidate_ids",
            format!("must be empty or have one id per candidate ({candidates}), has {ids}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidate_ids_are_empty_or_one_per_candidate() {
        for (ids, candidates, ok) in [
            (0, 5, true),
            (5, 5, true),
            (4, 5, false),
            (100_001, 100_001, false),
        ] {
            let mut v = Violations::new();
            check_candidate_ids(&mut v, ids, candidates);
            assert_eq!(v.is_empty(), ok, "{ids} ids for {candidates} candidates");
        }
    }

    #[test]
    fn cosine_candidates_are_charged_while_the_call_runs() {
        let engine = Engine::new(crate::EngineConfig {
            memory_budget_bytes: 1000,
            ..Default::default()
        });
        let mut flat = Vec::new();
        let rows = [[3.0f32, 4.0], [0.0, 2.0]];
        let charge = engine
            .normalized_candidates(&mut flat, rows.iter().map(|r| r.as_slice()), 2, 2)
            .unwrap();
        assert_eq!(flat, vec![0.6, 0.8, 0.0, 1.0]);
        assert_eq!(engine.stats().memory_used_bytes, 16);
        drop(charge);
        assert_eq!(engine.stats().memory_used_bytes, 0);
        let too_many = vec![[1.0f32, 1.0]; 200];
        let err = engine
            .normalized_candidates(
                &mut Vec::new(),
                too_many.iter().map(|r| r.as_slice()),
                2,
                200,
            )
            .unwrap_err();
        assert!(matches!(err, CoreError::MemoryBudgetExceeded { .. }));
    }
}
