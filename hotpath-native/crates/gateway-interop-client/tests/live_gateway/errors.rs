//! ERRORS: the gateway's google.rpc.Status reaches a tonic client with its details, decoded
//! from `grpc-status-details-bin` by tonic-types.

use gateway_interop_client::core_v1::{Metric, SyntheticSource};
use gateway_interop_client::gateway_v1::create_collection_request::Source;
use gateway_interop_client::gateway_v1::{
    CreateCollectionRequest, GetCollectionRequest, SearchRequest,
};
use tonic::Code;
use tonic_types::StatusExt;

use crate::common::{self, Gateway};

const DIM: usize = 16;

/// NaN, +Inf and -Inf, each at its own position of a second query: INVALID_ARGUMENT with
/// ErrorInfo NON_FINITE_VALUE and a BadRequest naming exactly `queries[1].values[i]`.
#[tokio::test]
async fn non_finite_query_value_is_invalid_argument_naming_the_field_path() {
    let gateway = Gateway::from_env();
    let channel = gateway.connect().await;
    let collection = "rust-client-errors";
    common::ensure_collection(
        &mut gateway.collections(&channel),
        CreateCollectionRequest {
            name: collection.into(),
            dim: DIM as u32,
            metric: Metric::Dot as i32,
            source: Some(Source::Synthetic(SyntheticSource {
                seed: 11,
                count: 100,
                clusters: 0,
            })),
        },
    )
    .await;
    let mut search = gateway.search(&channel);

    for (i, bad) in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY]
        .into_iter()
        .enumerate()
    {
        let position = 2 + 3 * i;
        let mut queries = common::vectors(2, DIM, 3);
        queries[1].values[position] = bad;
        let status = search
            .search(SearchRequest {
                collection: collection.into(),
                queries,
                k: 3,
                ..Default::default()
            })
            .await
            .expect_err("a non-finite query value is refused");
        assert_eq!(status.code(), Code::InvalidArgument, "{bad}: {status:?}");
        assert_eq!(
            common::error_info(&status).reason,
            "NON_FINITE_VALUE",
            "{bad}"
        );
        assert_eq!(
            common::bad_request_fields(&status),
            vec![format!("queries[1].values[{position}]")],
            "{bad}: BadRequest field paths"
        );
    }
}

/// Search and GetCollection of a collection that does not exist: NOT_FOUND with ErrorInfo
/// COLLECTION_NOT_FOUND and a ResourceInfo naming the collection.
#[tokio::test]
async fn unknown_collection_is_not_found_with_error_info_and_resource_info() {
    let gateway = Gateway::from_env();
    let channel = gateway.connect().await;
    let missing = "rust-client-no-such-collection";

    let searched = gateway
        .search(&channel)
        .search(SearchRequest {
            collection: missing.into(),
            queries: common::vectors(1, DIM, 1),
            k: 1,
            ..Default::default()
        })
        .await
        .expect_err("search of an unknown collection");
    let described = gateway
        .collections(&channel)
        .get_collection(GetCollectionRequest {
            name: missing.into(),
        })
        .await
        .expect_err("GetCollection of an unknown collection");

    for (call, status) in [("Search", searched), ("GetCollection", described)] {
        assert_eq!(status.code(), Code::NotFound, "{call}: {status:?}");
        assert_eq!(
            common::error_info(&status).reason,
            "COLLECTION_NOT_FOUND",
            "{call}: ErrorInfo.reason"
        );
        let details = status.get_error_details();
        let resource = details
            .resource_info()
            .unwrap_or_else(|| panic!("{call}: no ResourceInfo in {status:?}"));
        assert_eq!(
            resource.resource_name, missing,
            "{call}: ResourceInfo.resource_name"
        );
    }
}
