//! DEADLINES and CANCELLATION: a short `grpc-timeout` on long work is answered
//! DEADLINE_EXCEEDED by the gateway in time, and a call the client drops mid-scan leaves the
//! gateway (and the connection) serving. That the core also stopped the dropped scan is checked
//! by the Java side, which reads the core's counters (`RustClientInteropTest`).

use std::error::Error;
use std::time::{Duration, Instant};

use gateway_interop_client::gateway_v1::SearchRequest;
use gateway_interop_client::gateway_v1::search_service_client::SearchServiceClient;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use tonic::{Code, Status};
use tonic_types::StatusExt;

use crate::common::{self, Gateway};

/// Queries of the long scan: 256 over the ~400,000-vector collection is about a second of work.
const LONG_QUERIES: usize = 256;

const DEADLINE: Duration = Duration::from_millis(100);

fn long_search(gateway: &Gateway, dim: usize) -> SearchRequest {
    SearchRequest {
        collection: gateway.long_scan_collection.clone(),
        queries: common::vectors(LONG_QUERIES, dim, 1),
        k: 10,
        ..Default::default()
    }
}

/// A 100 ms `grpc-timeout` on ~1 s of work ends by the deadline plus the tolerance, and not with
/// a refusal before the work began. Sent over a bare hyper HTTP/2 client: tonic's `Channel`
/// would enforce the timeout itself and report its own CANCELLED ("Timeout expired"), hiding
/// the gateway's answer.
///
/// The gateway answers DEADLINE_EXCEEDED a little before the deadline (its edge reserve, which
/// must cover the time from the core's deadline to the edge's answer). When the machine stalls
/// past the deadline first, grpc-java's server resets the stream
/// (RST_STREAM CANCEL) instead — how gRPC over HTTP/2 signals a server-side deadline, which a
/// client with its own deadline timer reports as DEADLINE_EXCEEDED. Both are accepted; anything
/// else (another code, a reset before the deadline, a late answer) fails.
#[tokio::test]
async fn short_deadline_on_long_scan_is_deadline_exceeded_in_time() {
    let gateway = Gateway::from_env();
    let dim = gateway.long_scan_dim(&gateway.connect().await).await;
    let http2 = Client::builder(TokioExecutor::new())
        .http2_only(true)
        .build_http();
    let mut search =
        SearchServiceClient::with_origin(http2, gateway.origin().parse().expect("origin"))
            .max_decoding_message_size(64 << 20);
    let request = common::with_grpc_timeout(long_search(&gateway, dim), DEADLINE, &gateway.token);

    let sent = Instant::now();
    let status = search
        .search(request)
        .await
        .expect_err("a 100 ms deadline on ~1 s of work");
    let elapsed = sent.elapsed();
    println!(
        "{:?} after {elapsed:?} (deadline {DEADLINE:?}): {}",
        status.code(),
        status.message()
    );

    assert!(
        elapsed < DEADLINE + gateway.tolerance,
        "answered {elapsed:?} after the call, deadline {DEADLINE:?} + tolerance {:?}",
        gateway.tolerance
    );
    if status.code() == Code::Cancelled {
        assert!(
            is_remote_cancel(&status) && elapsed >= DEADLINE,
            "CANCELLED that is not the server's reset after the deadline ({elapsed:?}): {status:?}"
        );
        return;
    }
    assert_eq!(status.code(), Code::DeadlineExceeded, "{status:?}");
    if let Some(info) = status.get_error_details().error_info() {
        assert_ne!(
            info.metadata.get("stage").map(String::as_str),
            Some("edge"),
            "the edge refused the call before the work began: {status:?}"
        );
    }
}

/// Whether the call ended with the server resetting the HTTP/2 stream with CANCEL.
fn is_remote_cancel(status: &Status) -> bool {
    let mut source = status.source();
    while let Some(error) = source {
        if let Some(h2) = error.downcast_ref::<h2::Error>() {
            return h2.is_remote() && h2.reason() == Some(h2::Reason::CANCEL);
        }
        source = error.source();
    }
    false
}

/// A long scan whose future the client drops after 200 ms (tonic resets the HTTP/2 stream):
/// the call was still running then, and the next call on the same connection succeeds.
#[tokio::test]
async fn dropped_call_leaves_the_gateway_serving() {
    let gateway = Gateway::from_env();
    let channel = gateway.connect().await;
    let dim = gateway.long_scan_dim(&channel).await;
    let mut search = gateway.search(&channel);

    let dropped = tokio::time::timeout(
        Duration::from_millis(200),
        search.search(long_search(&gateway, dim)),
    )
    .await;
    assert!(
        dropped.is_err(),
        "the long scan answered within 200 ms, so nothing was cancelled: {:?}",
        dropped.map(|r| r.map(|r| r.into_inner().vectors_scanned))
    );

    let next = search
        .search(SearchRequest {
            queries: common::vectors(1, dim, 2),
            k: 1,
            ..long_search(&gateway, dim)
        })
        .await
        .unwrap_or_else(|s| panic!("the call after the dropped one: {s:?}"))
        .into_inner();
    assert_eq!(next.results.len(), 1);
    assert_eq!(next.results[0].hits.len(), 1);
}
