//! Every buffer the library hands out comes back: `hotpath_live_buffers` returns to its baseline
//! after OK, error, panic and fast-path calls once the caller has freed what it received.
//!
//! The counter is process-wide and tests in one binary run in parallel, so this topic has its
//! own test binary and its tests take `SERIAL` for their whole body.

mod common;

use std::ptr;
use std::sync::{Mutex, MutexGuard};

use common::{NO_DEADLINE, TestEngine, code, method};
use hotpath_core::proto::core_v1::Metric;
use hotpath_ffi::{
    HOTPATH_FLAG_DEBUG, HOTPATH_FLAG_TEST_HOOKS, HotpathBuffer, hotpath_buffer_free, hotpath_call,
    hotpath_live_buffers, hotpath_search_f32,
};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    // A failed test poisons the lock; the others still run and report their own results.
    SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `path` and asserts that it left no buffer behind.
fn assert_no_leak(what: &str, path: impl FnOnce()) {
    let baseline = hotpath_live_buffers();
    path();
    assert_eq!(hotpath_live_buffers(), baseline, "{what} leaked a buffer");
}

#[test]
fn a_held_buffer_is_counted_until_freed() {
    let _serial = serial();
    let engine = TestEngine::new(0);
    let baseline = hotpath_live_buffers();
    let mut out = HotpathBuffer {
        ptr: ptr::null_mut(),
        len: 0,
        cap: 0,
    };
    // SAFETY: valid engine, empty request, writable `out`.
    let code = unsafe {
        hotpath_call(
            engine.raw(),
            method::GET_STATS,
            ptr::null(),
            0,
            NO_DEADLINE,
            ptr::null(),
            ptr::null(),
            0,
            &mut out,
        )
    };
    assert_eq!(code, code::OK);
    assert!(
        !out.ptr.is_null(),
        "stats of a fresh engine still encode the memory budget"
    );
    assert_eq!(hotpath_live_buffers(), baseline + 1);
    // SAFETY: a library buffer freed once, then the zeroed struct again (a no-op).
    unsafe {
        hotpath_buffer_free(&mut out);
        hotpath_buffer_free(&mut out);
    }
    assert_eq!(
        hotpath_live_buffers(),
        baseline,
        "a second free does not count twice"
    );
}

#[test]
fn generic_paths_do_not_leak() {
    let _serial = serial();
    let engine = TestEngine::new(HOTPATH_FLAG_TEST_HOOKS | HOTPATH_FLAG_DEBUG);
    engine.create_synthetic("leak", 8, Metric::Cosine, 200);
    let flat = common::queries(3, 8, 1);
    let search = common::search_request("leak", &flat, 8, 4);

    assert_no_leak("OK search", || {
        assert_eq!(engine.call(method::SEARCH, &search).0, code::OK)
    });
    assert_no_leak("OK empty response", || {
        assert_eq!(
            TestEngine::new(0).call(method::LIST_COLLECTIONS, &[]).0,
            code::OK
        );
    });
    assert_no_leak("malformed", || {
        assert_eq!(
            engine.call(method::SEARCH, &[0xFF; 8]).0,
            code::INVALID_ARGUMENT
        );
    });
    assert_no_leak("unknown method", || {
        assert_eq!(engine.call(77, &[]).0, code::UNIMPLEMENTED)
    });
    assert_no_leak("deadline", || {
        assert_eq!(
            engine.call_with(method::SEARCH, &search, 0, None).0,
            code::DEADLINE_EXCEEDED
        );
    });
    assert_no_leak("panic", || {
        assert_eq!(engine.call(method::DEBUG_PANIC, &[]).0, code::INTERNAL)
    });
    assert_no_leak("NULL out", || {
        // SAFETY: with a NULL `out` the call returns before touching anything else.
        let code = unsafe {
            hotpath_call(
                engine.raw(),
                method::SEARCH,
                ptr::null(),
                0,
                NO_DEADLINE,
                ptr::null(),
                ptr::null(),
                0,
                ptr::null_mut(),
            )
        };
        assert_eq!(code, code::INVALID_ARGUMENT);
    });
}

#[test]
fn fast_paths_do_not_leak() {
    let _serial = serial();
    let engine = TestEngine::new(0);
    engine.create_synthetic("leak", 8, Metric::Dot, 200);
    let flat = common::queries(3, 8, 1);

    assert_no_leak("OK fast search", || {
        assert_eq!(
            engine
                .search_f32("leak", &flat, 8, 4, NO_DEADLINE, None)
                .code,
            code::OK
        );
    });
    assert_no_leak("fast search error", || {
        assert_eq!(
            engine
                .search_f32("absent", &flat, 8, 4, NO_DEADLINE, None)
                .code,
            code::NOT_FOUND
        );
    });
    assert_no_leak("fast search deadline", || {
        assert_eq!(
            engine.search_f32("leak", &flat, 8, 4, 0, None).code,
            code::DEADLINE_EXCEEDED
        );
    });
    assert_no_leak("OK fast rerank", || {
        assert_eq!(
            engine
                .rerank_f32(Metric::L2, &flat, &flat, None, 8, 2, NO_DEADLINE)
                .code,
            code::OK
        );
    });
    assert_no_leak("fast rerank error", || {
        let code = engine
            .rerank_f32(Metric::L2, &flat, &flat, None, 8, 5000, NO_DEADLINE)
            .code;
        assert_eq!(code, code::INVALID_ARGUMENT);
    });
    assert_no_leak("fast path bad pointer", || {
        let mut status = HotpathBuffer {
            ptr: ptr::null_mut(),
            len: 0,
            cap: 0,
        };
        // SAFETY: NULL queries with a non-zero count is rejected before any access.
        let code = unsafe {
            hotpath_search_f32(
                engine.raw(),
                b"leak".as_ptr(),
                4,
                ptr::null(),
                3,
                8,
                4,
                NO_DEADLINE,
                ptr::null(),
                ptr::null_mut(),
                ptr::null_mut(),
                ptr::null_mut(),
                &mut status,
            )
        };
        assert_eq!(code, code::INVALID_ARGUMENT);
        common::take(&mut status);
    });
}
