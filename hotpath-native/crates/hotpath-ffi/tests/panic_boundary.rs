//! A panic inside the core never crosses the C ABI: it becomes INTERNAL with a Status, is
//! counted, and the engine keeps serving. Without the test-hooks flag method 1000 is unknown.

mod common;

use std::sync::atomic::{AtomicU32, Ordering};

use common::{NO_DEADLINE, TestEngine, code, method};
use hotpath_core::proto::core_v1::Metric;
use hotpath_ffi::{HOTPATH_FLAG_DEBUG, HOTPATH_FLAG_TEST_HOOKS, hotpath_panics_caught};

#[test]
fn forced_panic_becomes_internal_and_the_process_lives() {
    let engine = TestEngine::new(HOTPATH_FLAG_TEST_HOOKS);
    engine.create_synthetic("alive", 8, Metric::Dot, 50);
    let before_process = hotpath_panics_caught();
    let before_engine = engine.stats().panics_caught;

    let (code, body) = engine.call(method::DEBUG_PANIC, &[]);

    assert_eq!(code, code::INTERNAL);
    let status = common::status(&body);
    assert_eq!(status.code, code::INTERNAL);
    let info = common::error_info(&body);
    assert_eq!(info.reason, "INTERNAL_ERROR");
    assert_eq!(info.domain, "core.hybridgateway.dev");
    assert!(
        common::debug_info(&body).is_none(),
        "no DebugInfo without the debug flag"
    );
    // Other tests in this binary may panic concurrently: the counters only grow.
    assert!(hotpath_panics_caught() > before_process);
    assert_eq!(engine.stats().panics_caught, before_engine + 1);

    // The engine still works after the panic.
    let queries = common::queries(1, 8, 9);
    let result = engine.search_f32("alive", &queries, 8, 3, NO_DEADLINE, None);
    assert_eq!(result.code, code::OK);
}

#[test]
fn debug_flag_adds_debug_info_to_internal() {
    let engine = TestEngine::new(HOTPATH_FLAG_TEST_HOOKS | HOTPATH_FLAG_DEBUG);
    let (code, body) = engine.call(method::DEBUG_PANIC, &[]);
    assert_eq!(code, code::INTERNAL);
    let debug = common::debug_info(&body).expect("DebugInfo in debug mode");
    assert!(
        debug.detail.contains("panic"),
        "detail names the panic: {}",
        debug.detail
    );
}

#[test]
fn panic_method_without_test_hooks_is_unknown_not_a_panic() {
    let engine = TestEngine::new(0);
    let before_engine = engine.stats().panics_caught;

    let (code, body) = engine.call(method::DEBUG_PANIC, &[]);

    assert_eq!(code, code::UNIMPLEMENTED);
    assert_eq!(common::error_info(&body).reason, "UNKNOWN_METHOD");
    assert_eq!(
        engine.stats().panics_caught,
        before_engine,
        "nothing panicked"
    );
}

#[test]
fn repeated_panics_from_many_threads_are_all_caught() {
    let engine = TestEngine::new(HOTPATH_FLAG_TEST_HOOKS);
    let caught = AtomicU32::new(0);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..25 {
                    let (code, _) = engine.call(method::DEBUG_PANIC, &[]);
                    assert_eq!(code, code::INTERNAL);
                    caught.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    assert_eq!(caught.load(Ordering::Relaxed), 100);
    assert_eq!(engine.stats().panics_caught, 100);
}
