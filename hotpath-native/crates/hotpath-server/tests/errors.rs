//! Core errors arrive as gRPC status codes with `grpc-status-details-bin`: ErrorInfo always,
//! plus ResourceInfo (NOT_FOUND), BadRequest with field paths (INVALID_ARGUMENT) and
//! QuotaFailure (RESOURCE_EXHAUSTED).

mod common;

use hotpath_server::proto::core_v1::{
    CreateCollectionRequest, Metric, SearchRequest, SyntheticSource,
    create_collection_request::Source,
};
use tonic::Code;
use tonic_types::StatusExt;

const DOMAIN: &str = "core.hybridgateway.dev";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_collection_is_not_found_with_resource_info() {
    let t = common::start(&[]).await;
    let status = t
        .hotpath()
        .search(SearchRequest {
            collection: "missing".into(),
            queries: common::vectors(1, 4, 1),
            k: 1,
            metric: 0,
            filter: None,
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    let details = status.get_error_details();
    let info = details.error_info().expect("ErrorInfo");
    assert_eq!(info.reason, "COLLECTION_NOT_FOUND");
    assert_eq!(info.domain, DOMAIN);
    let resource = details.resource_info().expect("ResourceInfo");
    assert_eq!(resource.resource_type, "hybrid.core.v1.Collection");
    assert_eq!(resource.resource_name, "missing");
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn non_finite_query_value_is_invalid_argument_with_field_path() {
    let t = common::start(&[
        "--preload",
        "demo:synthetic:seed=1,count=100,dim=8,metric=dot",
    ])
    .await;
    let mut queries = common::vectors(3, 8, 1);
    queries[2].values[5] = f32::NAN;
    let status = t
        .hotpath()
        .search(SearchRequest {
            collection: "demo".into(),
            queries,
            k: 3,
            metric: 0,
            filter: None,
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let details = status.get_error_details();
    assert_eq!(
        details.error_info().expect("ErrorInfo").reason,
        "NON_FINITE_VALUE"
    );
    let bad = details.bad_request().expect("BadRequest");
    let fields: Vec<_> = bad
        .field_violations
        .iter()
        .map(|v| v.field.as_str())
        .collect();
    assert_eq!(fields, ["queries[2].values[5]"]);
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn k_out_of_range_names_the_field() {
    let t = common::start(&[
        "--preload",
        "demo:synthetic:seed=1,count=100,dim=8,metric=dot",
    ])
    .await;
    let status = t
        .hotpath()
        .search(SearchRequest {
            collection: "demo".into(),
            queries: common::vectors(1, 8, 1),
            k: 0,
            metric: 0,
            filter: None,
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let details = status.get_error_details();
    assert_eq!(
        details.error_info().expect("ErrorInfo").reason,
        "INVALID_FIELD"
    );
    let bad = details.bad_request().expect("BadRequest");
    assert!(
        bad.field_violations.iter().any(|v| v.field == "k"),
        "{bad:?}"
    );
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn memory_budget_is_resource_exhausted_with_quota_failure() {
    let t = common::start(&["--memory-budget", "1MiB"]).await;
    let status = t
        .hotpath()
        .create_collection(CreateCollectionRequest {
            name: "huge".into(),
            dim: 384,
            metric: Metric::Dot as i32,
            shard: None,
            source: Some(Source::Synthetic(SyntheticSource {
                seed: 1,
                count: 10_000,
                clusters: 0,
            })),
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    let details = status.get_error_details();
    assert_eq!(
        details.error_info().expect("ErrorInfo").reason,
        "MEMORY_BUDGET_EXCEEDED"
    );
    let quota = details.quota_failure().expect("QuotaFailure");
    assert_eq!(quota.violations.len(), 1);
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn duplicate_collection_is_already_exists() {
    let t = common::start(&[
        "--preload",
        "demo:synthetic:seed=1,count=10,dim=4,metric=dot",
    ])
    .await;
    let status = t
        .hotpath()
        .create_collection(CreateCollectionRequest {
            name: "demo".into(),
            dim: 4,
            metric: Metric::Dot as i32,
            shard: None,
            source: None,
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::AlreadyExists);
    let details = status.get_error_details();
    assert_eq!(
        details.resource_info().expect("ResourceInfo").resource_name,
        "demo"
    );
    t.server.shutdown().await;
}
