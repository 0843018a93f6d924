//! AUTH: the gateway authenticates a Rust client's calls like any other: no token, a token
//! whose signature does not verify, and a token without the needed scope are refused with the
//! edge's ErrorInfo.

use gateway_interop_client::core_v1::Metric;
use gateway_interop_client::gateway_v1::search_service_client::SearchServiceClient;
use gateway_interop_client::gateway_v1::{CreateCollectionRequest, SearchRequest};
use tonic::Code;

use crate::common::{self, EDGE_DOMAIN, Gateway};

fn small_search() -> SearchRequest {
    SearchRequest {
        collection: "rust-client-auth".into(),
        queries: common::vectors(1, 4, 1),
        k: 1,
        ..Default::default()
    }
}

/// No `authorization` header at all: UNAUTHENTICATED, reason CREDENTIALS_MISSING.
#[tokio::test]
async fn call_without_credentials_is_unauthenticated() {
    let gateway = Gateway::from_env();
    let channel = gateway.connect().await;
    let status = SearchServiceClient::new(channel)
        .search(small_search())
        .await
        .expect_err("a call without credentials");
    assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
    let info = common::error_info(&status);
    assert_eq!(info.domain, EDGE_DOMAIN);
    assert_eq!(info.reason, "CREDENTIALS_MISSING");
}

/// The valid token with one character of its signature changed: UNAUTHENTICATED, reason
/// TOKEN_INVALID (the gateway checks the signature, not just the shape).
#[tokio::test]
async fn token_with_a_broken_signature_is_unauthenticated() {
    let gateway = Gateway::from_env();
    let channel = gateway.connect().await;
    let mut forged = gateway.token.clone().into_bytes();
    // A character in the middle of the signature, so it changes decoded bits (the last
    // base64url character may only hold padding bits).
    let signature_start = gateway.token.rfind('.').expect("a JWT has three parts") + 1;
    let at = signature_start + (forged.len() - signature_start) / 2;
    forged[at] = if forged[at] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).expect("ASCII");

    let status = gateway
        .search_with(&channel, &forged)
        .search(small_search())
        .await
        .expect_err("a call with a forged token");
    assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
    let info = common::error_info(&status);
    assert_eq!(info.domain, EDGE_DOMAIN);
    assert_eq!(info.reason, "TOKEN_INVALID");
}

/// A valid token with the `search` scope only: its Search gets past authentication (NOT_FOUND
/// for a collection that does not exist), its CreateCollection is PERMISSION_DENIED,
/// reason SCOPE_MISSING.
#[tokio::test]
async fn token_without_collections_write_cannot_create_a_collection() {
    let gateway = Gateway::from_env();
    let channel = gateway.connect().await;

    let searched = gateway
        .search_with(&channel, &gateway.search_only_token)
        .search(small_search())
        .await
        .expect_err("search of a collection that does not exist");
    assert_eq!(searched.code(), Code::NotFound, "{searched:?}");

    let status = gateway
        .collections_with(&channel, &gateway.search_only_token)
        .create_collection(CreateCollectionRequest {
            name: "rust-client-auth".into(),
            dim: 4,
            metric: Metric::Dot as i32,
            source: None,
        })
        .await
        .expect_err("CreateCollection without collections.write");
    assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
    let info = common::error_info(&status);
    assert_eq!(info.domain, EDGE_DOMAIN);
    assert_eq!(info.reason, "SCOPE_MISSING");
}
