//! RESULTS: the shared vectors, sent by a Rust client through the Java gateway, come back with
//! the expected ids and bit-identical scores.

use gateway_interop_client::gateway_v1::{CreateCollectionRequest, SearchRequest};
use tonic::Code;

use crate::common::{self, Gateway};
use crate::vectors;

/// Every unsharded Search case on a collection the test creates through CollectionService from
/// the case's synthetic source. (The sharded cases describe one shard of a collection, which the
/// public API does not create: the gateway decides the sharding.)
#[tokio::test]
async fn search_shared_vectors_give_expected_ids_and_score_bits() {
    let gateway = Gateway::from_env();
    let channel = gateway.connect().await;
    let mut collections = gateway.collections(&channel);
    let mut search = gateway.search(&channel);
    let cases: Vec<_> = vectors::search_cases()
        .into_iter()
        .filter(|c| c.shard_count == 1)
        .collect();
    assert!(
        cases.len() >= 5,
        "only {} unsharded search cases",
        cases.len()
    );

    for case in cases {
        let name = format!("rust-client-{}", case.name);
        common::ensure_collection(
            &mut collections,
            CreateCollectionRequest {
                name: name.clone(),
                ..case.collection
            },
        )
        .await;
        let response = search
            .search(SearchRequest {
                collection: name,
                ..case.request
            })
            .await
            .unwrap_or_else(|s| panic!("search case {}: {s:?}", case.name))
            .into_inner();
        assert!(
            !response.partial,
            "search case {}: partial answer",
            case.name
        );
        assert_eq!(
            common::hits(&response.results),
            case.expected,
            "search case {}: ids and score bits (id:bits) through the gateway",
            case.name
        );
    }
}

/// Every Rerank case: hit lists bit for bit, and for the invalid inputs the code, the ErrorInfo
/// reason and the BadRequest field paths in order.
#[tokio::test]
async fn rerank_shared_vectors_give_expected_hits_or_errors() {
    let gateway = Gateway::from_env();
    let channel = gateway.connect().await;
    let mut search = gateway.search(&channel);
    let cases = vectors::rerank_cases();
    assert!(!cases.is_empty(), "no rerank cases");

    for case in cases {
        let answer = search.rerank(case.request).await;
        match (answer, case.expected) {
            (Ok(response), Ok(expected)) => assert_eq!(
                common::hits(&response.into_inner().results),
                expected,
                "rerank case {}: ids and score bits (id:bits) through the gateway",
                case.name
            ),
            (Err(status), Err(expected)) => {
                assert_eq!(
                    status.code(),
                    Code::from_i32(expected.code),
                    "rerank case {}: {status:?}",
                    case.name
                );
                assert_eq!(
                    common::error_info(&status).reason,
                    expected.reason,
                    "rerank case {}: ErrorInfo.reason",
                    case.name
                );
                assert_eq!(
                    common::bad_request_fields(&status),
                    expected.fields,
                    "rerank case {}: BadRequest field paths",
                    case.name
                );
            }
            (answer, expected) => panic!(
                "rerank case {}: expected {expected:?}, the gateway answered {:?}",
                case.name,
                answer.map(|r| common::hits(&r.into_inner().results))
            ),
        }
    }
}
