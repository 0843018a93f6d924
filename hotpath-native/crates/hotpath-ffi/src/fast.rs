//! The zero-copy fast paths: raw `f32` rows in, results written into caller-allocated arrays.

use std::time::Instant;

use hotpath_core::proto::core_v1::{CoreTiming, Metric};
use hotpath_core::{CoreError, Engine, StopSignal};

use crate::abi::{HotpathBuffer, HotpathEngine, HotpathTiming};
use crate::args::{self, Region};
use crate::boundary;
use crate::errors::{self, bad_argument};

/// The arguments of `hotpath_search_f32` other than the timing and status outputs.
pub(crate) struct SearchArgs {
    pub(crate) engine: *const HotpathEngine,
    pub(crate) collection: *const u8,
    pub(crate) collection_len: usize,
    pub(crate) queries: *const f32,
    pub(crate) n_queries: usize,
    pub(crate) dim: usize,
    pub(crate) k: u32,
    pub(crate) budget_ns: u64,
    pub(crate) cancel_flag: *const u32,
    pub(crate) out_ids: *mut u64,
    pub(crate) out_scores: *mut f32,
}

/// The arguments of `hotpath_rerank_f32` other than the timing and status outputs.
pub(crate) struct RerankArgs {
    pub(crate) engine: *const HotpathEngine,
    pub(crate) metric: u32,
    pub(crate) queries: *const f32,
    pub(crate) n_queries: usize,
    pub(crate) candidates: *const f32,
    pub(crate) n_candidates: usize,
    pub(crate) candidate_ids: *const u64,
    pub(crate) dim: usize,
    pub(crate) k: u32,
    pub(crate) budget_ns: u64,
    pub(crate) cancel_flag: *const u32,
    pub(crate) out_ids: *mut u64,
    pub(crate) out_scores: *mut f32,
}

/// `hotpath_search_f32`.
///
/// # Safety
///
/// The contract of `hotpath_search_f32`.
pub(crate) unsafe fn search(
    entered: Instant,
    a: &SearchArgs,
    out_timing: *mut HotpathTiming,
    out_status: *mut HotpathBuffer,
) -> i32 {
    let work = |engine: &Engine| {
        // SAFETY: the caller guarantees `collection` is readable for `collection_len` bytes.
        let name = unsafe { args::utf8(a.collection, a.collection_len, "collection")? };
        let query_floats = args::element_count(a.n_queries, a.dim, "queries")?;
        let queries = Region::new(a.queries, query_floats, "queries")?;
        let (ids, scores) = outputs(a.out_ids, a.out_scores, a.n_queries, a.k)?;
        outputs_clear_of(&ids, &scores, &queries)?;
        // SAFETY: the caller guarantees the flag is NULL or valid and atomically accessed.
        let cancel = unsafe { args::cancel_flag(a.cancel_flag)? };
        let stop = StopSignal::new(args::deadline(engine, entered, a.budget_ns)?, cancel);
        // SAFETY: checked regions the caller guarantees valid for the call (inputs readable and
        // not written, outputs writable and not accessed by anyone else); the outputs overlap
        // neither each other nor an input (checked), so the `&mut` slices are unaliased.
        let (queries, ids, scores) = unsafe {
            (
                queries.as_slice(),
                ids.as_mut_slice(),
                scores.as_mut_slice(),
            )
        };
        engine.search_raw(name, queries, a.dim, a.k as usize, &stop, ids, scores)
    };
    // SAFETY: the caller guarantees `engine`, `out_timing` and `out_status` per the contract.
    unsafe { run(a.engine, out_timing, out_status, work) }
}

/// `hotpath_rerank_f32`.
///
/// # Safety
///
/// The contract of `hotpath_rerank_f32`.
pub(crate) unsafe fn rerank(
    entered: Instant,
    a: &RerankArgs,
    out_timing: *mut HotpathTiming,
    out_status: *mut HotpathBuffer,
) -> i32 {
    let work = |engine: &Engine| {
        let metric = i32::try_from(a.metric)
            .ok()
            .and_then(|m| Metric::try_from(m).ok())
            .ok_or_else(|| bad_argument("metric", format!("unknown metric {}", a.metric)))?;
        let query_floats = args::element_count(a.n_queries, a.dim, "queries")?;
        let queries = Region::new(a.queries, query_floats, "queries")?;
        let candidate_floats = args::element_count(a.n_candidates, a.dim, "candidates")?;
        let candidates = Region::new(a.candidates, candidate_floats, "candidates")?;
        let candidate_ids = if a.candidate_ids.is_null() {
            None
        } else {
            Some(Region::new(
                a.candidate_ids,
                a.n_candidates,
                "candidate_ids",
            )?)
        };
        let (ids, scores) = outputs(a.out_ids, a.out_scores, a.n_queries, a.k)?;
        outputs_clear_of(&ids, &scores, &queries)?;
        outputs_clear_of(&ids, &scores, &candidates)?;
        if let Some(candidate_ids) = &candidate_ids {
            outputs_clear_of(&ids, &scores, candidate_ids)?;
        }
        // SAFETY: the caller guarantees the flag is NULL or valid and atomically accessed.
        let cancel = unsafe { args::cancel_flag(a.cancel_flag)? };
        let stop = StopSignal::new(args::deadline(engine, entered, a.budget_ns)?, cancel);
        // SAFETY: checked regions the caller guarantees valid for the call (inputs readable and
        // not written, outputs writable and not accessed by anyone else); the outputs overlap
        // neither each other nor an input (checked), so the `&mut` slices are unaliased.
        let (queries, candidates, candidate_ids, ids, scores) = unsafe {
            (
                queries.as_slice(),
                candidates.as_slice(),
                candidate_ids.map(|ids| ids.as_slice()),
                ids.as_mut_slice(),
                scores.as_mut_slice(),
            )
        };
        engine.rerank_raw(
            metric,
            queries,
            candidates,
            candidate_ids,
            a.dim,
            a.k as usize,
            &stop,
            ids,
            scores,
        )
    };
    // SAFETY: the caller guarantees `engine`, `out_timing` and `out_status` per the contract.
    unsafe { run(a.engine, out_timing, out_status, work) }
}

/// Fails unless both outputs are disjoint from `input`.
fn outputs_clear_of<T>(
    ids: &Region<u64>,
    scores: &Region<f32>,
    input: &Region<T>,
) -> Result<(), CoreError> {
    ids.disjoint_from(input, "out_ids")?;
    scores.disjoint_from(input, "out_scores")
}

/// The two output arrays of `n_queries * k` slots each, checked to be disjoint.
fn outputs(
    out_ids: *mut u64,
    out_scores: *mut f32,
    n_queries: usize,
    k: u32,
) -> Result<(Region<u64>, Region<f32>), CoreError> {
    let slots = args::element_count(n_queries, k as usize, "k")?;
    let ids = Region::new(out_ids.cast_const(), slots, "out_ids")?;
    let scores = Region::new(out_scores.cast_const(), slots, "out_scores")?;
    scores.disjoint_from(&ids, "out_scores")?;
    Ok((ids, scores))
}

/// The shell shared by both fast paths: checks the status and timing outputs and the engine,
/// runs `work` behind the panic boundary, and reports its outcome.
///
/// # Safety
///
/// `engine` must be NULL or live, `out_timing` NULL or writable, `out_status` writable.
unsafe fn run(
    engine: *const HotpathEngine,
    out_timing: *mut HotpathTiming,
    out_status: *mut HotpathBuffer,
    work: impl FnOnce(&Engine) -> Result<CoreTiming, CoreError>,
) -> i32 {
    if out_status.is_null() || !out_status.is_aligned() {
        return errors::INVALID_ARGUMENT; // There is nowhere to put a Status.
    }
    // SAFETY: non-NULL and aligned (checked); the caller guarantees it is writable. Written
    // without reading: the previous contents are documented as overwritten.
    unsafe { out_status.write(HotpathBuffer::EMPTY) };
    // SAFETY: as above; from here on this is the only access path to that struct.
    let out_status = unsafe { &mut *out_status };
    let timing_out = if out_timing.is_null() {
        None
    } else if out_timing.is_aligned() {
        // SAFETY: non-NULL and aligned (checked); the caller guarantees it is writable.
        unsafe { out_timing.write(HotpathTiming::default()) };
        Some(out_timing)
    } else {
        let error = bad_argument("out_timing", "must be aligned to 8 bytes");
        return errors::report(&error, false, out_status);
    };
    // SAFETY: the caller guarantees `engine` is NULL or live for the call.
    let handle = match unsafe { args::engine(engine) } {
        Ok(handle) => handle,
        Err(error) => return errors::report(&error, false, out_status),
    };
    let engine = &handle.engine;
    match boundary::catch_panic(engine, || work(engine)) {
        Ok(timing) => {
            if let Some(out_timing) = timing_out {
                // SAFETY: checked non-NULL and aligned above; the caller guarantees it is
                // writable, and `work` holds no reference to it.
                unsafe {
                    out_timing.write(HotpathTiming {
                        queue_ns: timing.queue_ns,
                        decode_ns: timing.decode_ns,
                        compute_ns: timing.compute_ns,
                        encode_ns: timing.encode_ns,
                    });
                }
            }
            0
        }
        Err(error) => errors::report(&error, engine.config().debug, out_status),
    }
}
