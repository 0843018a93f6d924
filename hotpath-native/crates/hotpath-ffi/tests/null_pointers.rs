//! NULL, misaligned and overlapping pointers and overflowing lengths are INVALID_ARGUMENT with a
//! decodable Status naming the argument, never undefined behaviour.

mod common;

use std::ptr;
use std::sync::atomic::AtomicU32;

use common::{NO_DEADLINE, TestEngine, code, method};
use hotpath_core::proto::core_v1::Metric;
use hotpath_ffi::{
    HotpathBuffer, HotpathEngine, HotpathTiming, hotpath_buffer_free, hotpath_call,
    hotpath_engine_free, hotpath_engine_new, hotpath_rerank_f32, hotpath_search_f32,
};

const EMPTY: HotpathBuffer = HotpathBuffer {
    ptr: ptr::null_mut(),
    len: 0,
    cap: 0,
};

/// Asserts INVALID_ARGUMENT with a Status whose BadRequest names `field`, and frees it.
fn assert_bad_argument(code: i32, status: &mut HotpathBuffer, field: &str) {
    assert_eq!(code, code::INVALID_ARGUMENT, "argument {field}");
    let bytes = common::take(status);
    let bad = common::bad_request(&bytes).unwrap_or_else(|| panic!("BadRequest for {field}"));
    assert_eq!(bad.field_violations[0].field, field);
    assert_eq!(common::error_info(&bytes).reason, "INVALID_FIELD");
}

/// Every argument of `hotpath_call`, valid by default.
#[derive(Clone, Copy)]
struct Call {
    engine: *const HotpathEngine,
    request: *const u8,
    request_len: usize,
    cancel_flag: *const u32,
    traceparent: *const u8,
    traceparent_len: usize,
}

impl Call {
    fn valid(engine: &TestEngine) -> Self {
        Self {
            engine: engine.raw(),
            request: ptr::null(),
            request_len: 0,
            cancel_flag: ptr::null(),
            traceparent: ptr::null(),
            traceparent_len: 0,
        }
    }

    fn run(&self, out: *mut HotpathBuffer) -> i32 {
        // SAFETY: the pointers are NULL, dangling-but-rejected, or valid for their lengths; the
        // point of these tests is that the library checks them before any access.
        unsafe {
            hotpath_call(
                self.engine,
                method::LIST_COLLECTIONS,
                self.request,
                self.request_len,
                NO_DEADLINE,
                self.cancel_flag,
                self.traceparent,
                self.traceparent_len,
                out,
            )
        }
    }
}

#[test]
fn generic_call_rejects_bad_pointers() {
    let engine = TestEngine::new(0);
    let mut out = EMPTY;
    assert_eq!(Call::valid(&engine).run(&mut out), code::OK);
    common::take(&mut out);

    let null_engine = Call {
        engine: ptr::null(),
        ..Call::valid(&engine)
    };
    assert_bad_argument(null_engine.run(&mut out), &mut out, "engine");

    let null_request = Call {
        request_len: 5,
        ..Call::valid(&engine)
    };
    assert_bad_argument(null_request.run(&mut out), &mut out, "request");

    let null_traceparent = Call {
        traceparent_len: 55,
        ..Call::valid(&engine)
    };
    assert_bad_argument(null_traceparent.run(&mut out), &mut out, "traceparent");

    let flag = [AtomicU32::new(0), AtomicU32::new(0)];
    // SAFETY: one byte into a live 8-byte array: in bounds, but misaligned for a u32.
    let misaligned = unsafe { flag.as_ptr().cast::<u8>().add(1) }.cast::<u32>();
    let bad_flag = Call {
        cancel_flag: misaligned,
        ..Call::valid(&engine)
    };
    assert_bad_argument(bad_flag.run(&mut out), &mut out, "cancel_flag");

    let four_bytes = [0u8; 4];
    let overflowing = Call {
        request: four_bytes.as_ptr(),
        request_len: usize::MAX,
        ..Call::valid(&engine)
    };
    assert_bad_argument(overflowing.run(&mut out), &mut out, "request");

    // With nowhere to put a Status, the code alone reports the error.
    assert_eq!(
        Call::valid(&engine).run(ptr::null_mut()),
        code::INVALID_ARGUMENT
    );
}

/// Every argument of `hotpath_search_f32`, valid by default (2 queries of dim 4, k 3).
#[derive(Clone, Copy)]
struct Search {
    engine: *const HotpathEngine,
    collection: *const u8,
    collection_len: usize,
    queries: *const f32,
    n_queries: usize,
    dim: usize,
    k: u32,
    out_ids: *mut u64,
    out_scores: *mut f32,
    out_timing: *mut HotpathTiming,
}

impl Search {
    fn run(&self, out_status: *mut HotpathBuffer) -> i32 {
        // SAFETY: the pointers are NULL, rejected, or valid for their lengths; the library
        // checks them before any access.
        unsafe {
            hotpath_search_f32(
                self.engine,
                self.collection,
                self.collection_len,
                self.queries,
                self.n_queries,
                self.dim,
                self.k,
                NO_DEADLINE,
                ptr::null(),
                self.out_ids,
                self.out_scores,
                self.out_timing,
                out_status,
            )
        }
    }
}

#[test]
fn search_fast_path_rejects_bad_pointers_and_overflows() {
    let engine = TestEngine::new(0);
    engine.create_synthetic("c4", 4, Metric::Dot, 10);
    let name = b"c4";
    let not_utf8 = [0xC3u8, 0x28];
    let queries = common::queries(2, 4, 1);
    let mut ids = [0u64; 6];
    let mut scores = [0f32; 6];
    let mut timing = HotpathTiming::default();
    let valid = Search {
        engine: engine.raw(),
        collection: name.as_ptr(),
        collection_len: name.len(),
        queries: queries.as_ptr(),
        n_queries: 2,
        dim: 4,
        k: 3,
        out_ids: ids.as_mut_ptr(),
        out_scores: scores.as_mut_ptr(),
        out_timing: &mut timing,
    };
    let mut status = EMPTY;
    assert_eq!(valid.run(&mut status), code::OK);
    assert_eq!(status, EMPTY);
    assert_eq!(
        Search {
            out_timing: ptr::null_mut(),
            ..valid
        }
        .run(&mut status),
        code::OK,
        "timing is optional"
    );

    let cases: Vec<(Search, &str)> = vec![
        (
            Search {
                engine: ptr::null(),
                ..valid
            },
            "engine",
        ),
        (
            Search {
                collection: ptr::null(),
                ..valid
            },
            "collection",
        ),
        (
            Search {
                collection: not_utf8.as_ptr(),
                collection_len: 2,
                ..valid
            },
            "collection",
        ),
        (
            Search {
                queries: ptr::null(),
                ..valid
            },
            "queries",
        ),
        (
            Search {
                out_ids: ptr::null_mut(),
                ..valid
            },
            "out_ids",
        ),
        (
            Search {
                out_scores: ptr::null_mut(),
                ..valid
            },
            "out_scores",
        ),
        // n_queries * dim overflows usize.
        (
            Search {
                n_queries: usize::MAX / 2 + 1,
                dim: 2,
                ..valid
            },
            "queries",
        ),
        // The element count fits but its byte size does not fit isize.
        (
            Search {
                n_queries: usize::MAX / 4 + 1,
                dim: 1,
                ..valid
            },
            "queries",
        ),
        // n_queries * k overflows usize (dim 0 keeps the query region empty).
        (
            Search {
                n_queries: usize::MAX / 2,
                dim: 0,
                k: 4,
                ..valid
            },
            "k",
        ),
        // One byte into the live query array: misaligned for f32.
        (
            Search {
                queries: queries.as_ptr().wrapping_byte_add(1),
                ..valid
            },
            "queries",
        ),
        // Outputs that alias each other or an input would be undefined behaviour in Rust.
        (
            Search {
                out_scores: ids.as_mut_ptr().cast(),
                ..valid
            },
            "out_scores",
        ),
        (
            Search {
                out_ids: queries.as_ptr().cast_mut().cast(),
                ..valid
            },
            "out_ids",
        ),
    ];
    for (case, field) in cases {
        assert_bad_argument(case.run(&mut status), &mut status, field);
    }
    // A misaligned timing output is reported too.
    let misaligned_timing = ids
        .as_mut_ptr()
        .cast::<u8>()
        .wrapping_add(4)
        .cast::<HotpathTiming>();
    let case = Search {
        out_timing: misaligned_timing,
        ..valid
    };
    assert_bad_argument(case.run(&mut status), &mut status, "out_timing");
    // NULL out_status: only the code is left to report with.
    assert_eq!(valid.run(ptr::null_mut()), code::INVALID_ARGUMENT);
}

#[test]
fn rerank_fast_path_rejects_bad_pointers_and_metrics() {
    let engine = TestEngine::new(0);
    let queries = common::queries(1, 4, 1);
    let candidates = common::queries(5, 4, 2);
    let mut ids = [0u64; 2];
    let mut scores = [0f32; 2];
    let out_scores = scores.as_mut_ptr();
    let rerank = |engine: *const HotpathEngine,
                  metric: u32,
                  queries: *const f32,
                  candidates: *const f32,
                  n_candidates: usize,
                  out_ids: *mut u64| {
        let mut status = EMPTY;
        // SAFETY: pointers are NULL, rejected, or valid for their lengths.
        let code = unsafe {
            hotpath_rerank_f32(
                engine,
                metric,
                queries,
                1,
                candidates,
                n_candidates,
                ptr::null(),
                4,
                2,
                NO_DEADLINE,
                ptr::null(),
                out_ids,
                out_scores,
                ptr::null_mut(),
                &mut status,
            )
        };
        (code, status)
    };
    let (q, c, raw) = (queries.as_ptr(), candidates.as_ptr(), engine.raw());
    let (code, status) = rerank(raw, Metric::Dot as u32, q, c, 5, ids.as_mut_ptr());
    assert_eq!((code, status), (code::OK, EMPTY));

    let cases = [
        (rerank(ptr::null(), 1, q, c, 5, ids.as_mut_ptr()), "engine"),
        (rerank(raw, 99, q, c, 5, ids.as_mut_ptr()), "metric"),
        (rerank(raw, u32::MAX, q, c, 5, ids.as_mut_ptr()), "metric"),
        (
            rerank(raw, 1, ptr::null(), c, 5, ids.as_mut_ptr()),
            "queries",
        ),
        (
            rerank(raw, 1, q, ptr::null(), 5, ids.as_mut_ptr()),
            "candidates",
        ),
        (
            rerank(raw, 1, q, c, usize::MAX / 2, ids.as_mut_ptr()),
            "candidates",
        ),
        (rerank(raw, 1, q, c, 5, ptr::null_mut()), "out_ids"),
    ];
    for ((code, mut status), field) in cases {
        assert_bad_argument(code, &mut status, field);
    }
}

#[test]
fn engine_new_refuses_bad_arguments_with_null() {
    // SAFETY: NULL data_dir with a non-zero length is rejected before any read.
    assert!(unsafe { hotpath_engine_new(0, ptr::null(), 3, 0) }.is_null());
    // SAFETY: valid (empty) data_dir; unknown flag bits are rejected.
    assert!(unsafe { hotpath_engine_new(0, ptr::null(), 0, 1 << 7) }.is_null());
    let with_nul = b"/tmp\0x";
    // SAFETY: valid for its length; a path with a NUL byte is rejected.
    assert!(unsafe { hotpath_engine_new(0, with_nul.as_ptr(), with_nul.len(), 0) }.is_null());

    let dir = std::env::temp_dir();
    let dir = dir.to_str().expect("UTF-8 temp dir").as_bytes();
    // SAFETY: valid for its length.
    let engine = unsafe { hotpath_engine_new(1 << 20, dir.as_ptr(), dir.len(), 0) };
    assert!(!engine.is_null());
    // SAFETY: a live engine, freed once.
    unsafe { hotpath_engine_free(engine) };
}

#[test]
fn frees_are_null_safe_and_idempotent() {
    // SAFETY: NULL is documented as a no-op for both.
    unsafe {
        hotpath_engine_free(ptr::null_mut());
        hotpath_buffer_free(ptr::null_mut());
    }
    let engine = TestEngine::new(0);
    let (code, _) = engine.call(method::GET_STATS, &[]);
    assert_eq!(code, code::OK);
    let mut out = EMPTY;
    assert_eq!(Call::valid(&engine).run(&mut out), code::OK);
    let mut zeroed = EMPTY;
    // SAFETY: freeing a library buffer once, then the zeroed struct again, is documented safe.
    unsafe {
        hotpath_buffer_free(&mut out);
        hotpath_buffer_free(&mut out);
        hotpath_buffer_free(&mut zeroed);
    }
    assert_eq!(out, EMPTY);
}
