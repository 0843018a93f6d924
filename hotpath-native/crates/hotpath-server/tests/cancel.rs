//! A client that goes away (its call future dropped → RST_STREAM) stops the engine's work:
//! the cancel guard trips the flag and `stopped_by_cancellation` increments promptly.

mod common;

use std::time::{Duration, Instant};

use hotpath_server::proto::core_v1::SearchRequest;

const COUNT: u64 = 20_000;
const DIM: usize = 384;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_call_stops_the_scan() {
    let t = common::start(&[
        "--preload",
        &format!("big:synthetic:seed=9,count={COUNT},dim={DIM},metric=dot"),
    ])
    .await;
    let before = t.stats();
    let mut client = t.hotpath();
    let request = SearchRequest {
        collection: "big".into(),
        queries: common::vectors(1024, DIM, 5),
        k: 10,
        metric: 0,
        filter: None,
    };
    let call = tokio::spawn(async move { client.search(request).await });

    // Wait until the engine is really scanning this call.
    common::wait_until("the scan to start", Duration::from_secs(10), || {
        let s = t.stats();
        s.in_flight == 1 && s.vectors_scanned > before.vectors_scanned
    })
    .await;

    let cancelled_at = Instant::now();
    call.abort();
    let _ = call.await;
    let waited = common::wait_until("stopped_by_cancellation", Duration::from_secs(2), || {
        t.stats().stopped_by_cancellation > before.stopped_by_cancellation
    })
    .await;
    println!(
        "engine stopped {:?} after the client dropped the call",
        cancelled_at.elapsed()
    );
    assert!(waited < Duration::from_millis(100), "stop took {waited:?}");

    common::wait_until("in_flight == 0", Duration::from_secs(1), || {
        t.stats().in_flight == 0
    })
    .await;
    let after = t.stats();
    let full_work = COUNT * 1024;
    assert!(after.vectors_scanned - before.vectors_scanned < full_work / 2);
    assert_eq!(after.requests_completed, before.requests_completed);
    t.server.shutdown().await;
}
