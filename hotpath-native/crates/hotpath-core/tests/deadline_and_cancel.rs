//! Long scans stop promptly: a search that would take about a second (20k × 384 vectors,
//! 1024 queries) returns DEADLINE_EXCEEDED a few milliseconds after its 20 ms deadline, or
//! CANCELLED right after another thread sets the cancel flag, and the counters show that the
//! scan stopped early.
//!
//! Wall-clock bounds are generous (shared, noisy 2-core machines: a descheduled thread waits a
//! 4 ms scheduler tick); the work counters are the machine-independent proof.

mod common;

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use common::{no_stop, search, synthetic};
use hotpath_core::proto::core_v1::{Metric, SearchRequest};
use hotpath_core::synthetic::Generator;
use hotpath_core::{CoreError, Engine, EngineConfig, StopSignal};

const DIM: u32 = 384;
const COUNT: u64 = 20_000;
const QUERIES: usize = 1024;
/// Query × vector pairs of the full search.
const TOTAL: u64 = COUNT * QUERIES as u64;
/// Slack allowed past the deadline / after the cancel on a busy 2-core machine.
const SLACK: Duration = Duration::from_millis(25);

fn setup() -> (Engine, SearchRequest) {
    let engine = Engine::new(EngineConfig::default());
    engine
        .create_collection(
            &synthetic("big", DIM, Metric::Dot, 1, COUNT, None),
            &no_stop(),
        )
        .unwrap();
    let g = Generator::new(2, 0, DIM as usize);
    let queries = (0..QUERIES as u64).map(|i| g.vector(i)).collect();
    (engine, search("big", queries, 10))
}

#[test]
fn deadline_stops_a_long_search_early() {
    let (engine, req) = setup();
    let before = engine.stats();
    let flag = AtomicU32::new(0);
    let started = Instant::now();
    // 20 ms: ~2 % of the work, and long enough that a thread descheduled before its first
    // chunk (a loaded machine) still starts scanning before the deadline passes.
    let deadline = started + Duration::from_millis(20);
    let result = engine.search(&req, &StopSignal::new(Some(deadline), &flag));
    let returned = Instant::now();

    assert_eq!(result.unwrap_err(), CoreError::DeadlineExceeded);
    let after = engine.stats();
    let scanned = after.vectors_scanned - before.vectors_scanned;
    println!(
        "deadline: returned {:?} after start, scanned {scanned} of {TOTAL} pairs",
        returned - started
    );
    assert!(
        returned - deadline < SLACK,
        "returned {:?} past the deadline",
        returned - deadline
    );
    assert!(scanned > 0, "the scan had started");
    assert!(
        scanned < TOTAL / 10,
        "the scan stopped early: {scanned} of {TOTAL}"
    );
    assert_eq!(after.stopped_by_deadline - before.stopped_by_deadline, 1);
    assert_eq!(after.requests_completed, before.requests_completed);
    assert_eq!(after.in_flight, 0);
}

#[test]
fn cancellation_from_another_thread_stops_the_search() {
    let (engine, req) = setup();
    let before = engine.stats();
    let flag = AtomicU32::new(0);
    let scanned_at_cancel = std::thread::scope(|scope| {
        let canceller = scope.spawn(|| {
            // Wait until the scan is visibly under way, then cancel.
            let scanned = loop {
                let now = engine.counters().vectors_scanned.load(Ordering::Acquire);
                if now != before.vectors_scanned {
                    break now;
                }
                std::thread::yield_now();
            };
            flag.store(1, Ordering::Release);
            (Instant::now(), scanned)
        });
        let result = engine.search(&req, &StopSignal::new(None, &flag));
        let returned = Instant::now();
        assert_eq!(result.unwrap_err(), CoreError::Cancelled);
        let (cancelled_at, scanned) = canceller.join().unwrap();
        let reaction = returned.saturating_duration_since(cancelled_at);
        println!("cancel: returned {reaction:?} after the flag was set");
        assert!(reaction < SLACK, "{reaction:?}");
        scanned
    });
    let after = engine.stats();
    let scanned = after.vectors_scanned - before.vectors_scanned;
    // The counters move at every stop check, so after the flag is set the scan can finish at
    // most the check interval it is in and the next one: (262144 / dim + block) pairs each.
    let check_interval = 262_144 / DIM as u64 + 64 * 1024 / (4 * DIM as u64);
    let after_cancel = after.vectors_scanned - scanned_at_cancel;
    println!(
        "cancel: {after_cancel} pairs scored after the flag (bound {})",
        2 * check_interval
    );
    assert!(
        after_cancel <= 2 * check_interval,
        "{after_cancel} pairs after the cancel"
    );
    assert!(
        scanned > 0 && scanned < TOTAL / 10,
        "scanned {scanned} of {TOTAL}"
    );
    assert_eq!(
        after.stopped_by_cancellation - before.stopped_by_cancellation,
        1
    );
    assert_eq!(after.in_flight, 0);
}

#[test]
fn a_stopped_create_releases_its_memory() {
    let engine = Engine::new(EngineConfig::default());
    let flag = AtomicU32::new(0);
    let stop = StopSignal::new(Some(Instant::now() + Duration::from_millis(5)), &flag);
    let started = Instant::now();
    let err = engine
        .create_collection(
            &synthetic("huge", 64, Metric::Dot, 1, 1_000_000, None),
            &stop,
        )
        .unwrap_err();
    assert_eq!(err, CoreError::DeadlineExceeded);
    assert!(started.elapsed() < Duration::from_millis(5) + SLACK * 4);
    let stats = engine.stats();
    assert_eq!(stats.memory_used_bytes, 0);
    assert_eq!(stats.stopped_by_deadline, 1);
    assert!(engine.list_collections().collections.is_empty());
}
