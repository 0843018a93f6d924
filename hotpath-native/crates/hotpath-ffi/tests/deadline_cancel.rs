//! Deadlines and cancellation cross the C ABI as a budget in nanoseconds and a pointer to a
//! 4-byte flag: an exhausted budget does no work, and a flag set from another thread or a budget
//! that runs out stops a long scan mid-way, which the engine's counters prove.

mod common;

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use common::{NO_DEADLINE, TestEngine, code, method};
use hotpath_core::proto::core_v1::Metric;

/// A scan long enough (about a second of work) that it cannot finish before the test stops it.
const DIM: usize = 128;
const COUNT: u64 = 50_000;
const QUERIES: usize = 1024;

fn big_engine() -> TestEngine {
    let engine = TestEngine::new(0);
    engine.create_synthetic("big", DIM as u32, Metric::Dot, COUNT);
    engine
}

#[test]
fn zero_budget_is_deadline_exceeded_without_work() {
    let engine = TestEngine::new(0);
    engine.create_synthetic("small", 16, Metric::L2, 1_000);
    let queries = common::queries(2, 16, 1);
    let before = engine.stats();

    let (code, body) = engine.call_with(
        method::SEARCH,
        &common::search_request("small", &queries, 16, 5),
        0,
        None,
    );
    assert_eq!(code, code::DEADLINE_EXCEEDED);
    let info = common::error_info(&body);
    assert_eq!(info.reason, "DEADLINE_EXCEEDED");
    assert_eq!(info.metadata.get("stage").map(String::as_str), Some("core"));

    let fast = engine.search_f32("small", &queries, 16, 5, 0, None);
    assert_eq!(fast.code, code::DEADLINE_EXCEEDED);
    assert_eq!(common::error_info(&fast.status).reason, "DEADLINE_EXCEEDED");

    let rerank = engine.rerank_f32(Metric::Dot, &queries, &queries, None, 16, 1, 0);
    assert_eq!(rerank.code, code::DEADLINE_EXCEEDED);

    let after = engine.stats();
    assert_eq!(
        after.vectors_scanned, before.vectors_scanned,
        "no vector was scored"
    );
    assert_eq!(after.stopped_by_deadline, before.stopped_by_deadline + 3);
}

/// Runs `scan` on another thread, sets `flag` once the engine reports scan progress, and
/// returns what the scan returned.
fn cancel_mid_scan(engine: &TestEngine, scan: impl FnOnce(&AtomicU32) -> i32 + Send) -> i32 {
    let flag = AtomicU32::new(0);
    let before = engine.stats();
    let code = std::thread::scope(|scope| {
        let scanning = scope.spawn(|| scan(&flag));
        // Wait on a condition, not a clock: the scan publishes vectors_scanned as it goes.
        while engine.stats().vectors_scanned == before.vectors_scanned {
            assert!(
                !scanning.is_finished(),
                "the scan ended before it was seen scanning"
            );
            std::thread::yield_now();
        }
        flag.store(1, Ordering::Release);
        scanning.join().expect("scan thread")
    });
    let after = engine.stats();
    let full_scan = QUERIES as u64 * COUNT;
    assert_eq!(after.in_flight, 0, "nothing is computing any more");
    assert_eq!(
        after.stopped_by_cancellation,
        before.stopped_by_cancellation + 1
    );
    assert_eq!(
        after.requests_completed, before.requests_completed,
        "the call did not complete"
    );
    let scanned = after.vectors_scanned - before.vectors_scanned;
    assert!(
        scanned > 0 && scanned < full_scan,
        "stopped part-way: {scanned} of {full_scan}"
    );
    assert_eq!(
        engine.stats().vectors_scanned,
        after.vectors_scanned,
        "and stays stopped"
    );
    code
}

#[test]
fn cancel_flag_set_from_another_thread_stops_the_fast_path_scan() {
    let engine = big_engine();
    let queries = common::queries(QUERIES, DIM, 3);
    let code = cancel_mid_scan(&engine, |flag| {
        let result = engine.search_f32("big", &queries, DIM, 10, NO_DEADLINE, Some(flag));
        if result.code == code::CANCELLED {
            assert!(
                common::status(&result.status).details.is_empty(),
                "CANCELLED has no details"
            );
        }
        result.code
    });
    assert_eq!(code, code::CANCELLED);
}

#[test]
fn cancel_flag_set_from_another_thread_stops_the_generic_scan() {
    let engine = big_engine();
    let request = common::search_request("big", &common::queries(QUERIES, DIM, 4), DIM, 10);
    let code = cancel_mid_scan(&engine, |flag| {
        let (code, body) = engine.call_with(method::SEARCH, &request, NO_DEADLINE, Some(flag));
        if code == code::CANCELLED {
            assert!(
                common::status(&body).details.is_empty(),
                "CANCELLED carries no details"
            );
        }
        code
    });
    assert_eq!(code, code::CANCELLED);
}

#[test]
fn budget_running_out_mid_scan_is_deadline_exceeded_on_time() {
    let engine = big_engine();
    let queries = common::queries(QUERIES, DIM, 5);
    let before = engine.stats();
    let budget = Duration::from_millis(30);

    let started = Instant::now();
    let result = engine.search_f32("big", &queries, DIM, 10, budget.as_nanos() as u64, None);
    let elapsed = started.elapsed();

    assert_eq!(result.code, code::DEADLINE_EXCEEDED);
    // The core checks at least every ~1 ms; generous slack for a loaded CI machine.
    assert!(
        elapsed < budget + Duration::from_millis(250),
        "overran the deadline: {elapsed:?}"
    );
    let after = engine.stats();
    assert_eq!(after.stopped_by_deadline, before.stopped_by_deadline + 1);
    assert!(after.vectors_scanned - before.vectors_scanned < QUERIES as u64 * COUNT);
}
