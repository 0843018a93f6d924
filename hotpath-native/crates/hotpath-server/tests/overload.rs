//! Load shedding: with one compute thread busy and its one queue slot taken, the next call is
//! refused at once with UNAVAILABLE + ErrorInfo(OVERLOADED) + RetryInfo, and counted.

mod common;

use std::time::Duration;

use hotpath_server::OVERLOAD_RETRY_AFTER;
use hotpath_server::proto::core_v1::SearchRequest;
use tonic::Code;
use tonic_types::StatusExt;

const DIM: usize = 384;

fn long_search() -> SearchRequest {
    SearchRequest {
        collection: "big".into(),
        queries: common::vectors(1024, DIM, 5),
        k: 10,
        metric: 0,
        filter: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_queue_is_unavailable_with_retry_info() {
    let t = common::start(&[
        "--compute-threads",
        "1",
        "--queue-capacity",
        "1",
        "--preload",
        &format!("big:synthetic:seed=9,count=20000,dim={DIM},metric=dot"),
    ])
    .await;

    // Occupy the only compute thread...
    let mut busy_client = t.hotpath();
    let busy = tokio::spawn(async move { busy_client.search(long_search()).await });
    common::wait_until("the long search to run", Duration::from_secs(10), || {
        t.stats().in_flight == 1
    })
    .await;
    // ...and the only queue slot.
    let mut queued_client = t.hotpath();
    let queued = tokio::spawn(async move { queued_client.search(long_search()).await });
    let pool = t.server.pool().clone();
    common::wait_until(
        "the second search to queue",
        Duration::from_secs(10),
        || pool.queue_depth() == 1,
    )
    .await;

    let status = t.hotpath().search(long_search()).await.unwrap_err();
    assert_eq!(status.code(), Code::Unavailable, "{status:?}");
    let details = status.get_error_details();
    assert_eq!(
        details.error_info().expect("ErrorInfo").reason,
        "OVERLOADED"
    );
    let retry = details.retry_info().expect("RetryInfo");
    assert_eq!(retry.retry_delay, Some(OVERLOAD_RETRY_AFTER));
    assert_eq!(t.stats().rejected_overloaded, 1);

    // Let the occupants go: dropping their calls cancels them.
    busy.abort();
    queued.abort();
    common::wait_until("the pool to drain", Duration::from_secs(5), || {
        t.stats().in_flight == 0 && pool.queue_depth() == 0
    })
    .await;
    t.server.shutdown().await;
}
