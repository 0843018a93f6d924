//! Bytes that are not the method's request message, and method ids the core does not know.

mod common;

use common::{TestEngine, code, method};
use hotpath_core::proto::core_v1::{GetCollectionRequest, ListCollectionsResponse};
use prost::Message;

const DOMAIN: &str = "core.hybridgateway.dev";

#[test]
fn garbage_bytes_are_invalid_argument_with_malformed_request() {
    let engine = TestEngine::new(0);
    // 0xFF.. is an invalid varint key; a truncated length-delimited field is invalid too.
    let garbage: [&[u8]; 3] = [
        &[0xFF; 16],
        &[0x0A, 0x40, b'x'],
        &[0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F],
    ];
    for method in [
        method::SEARCH,
        method::RERANK,
        method::CREATE_COLLECTION,
        method::GET_COLLECTION,
    ] {
        for bytes in garbage {
            let (code, body) = engine.call(method, bytes);
            assert_eq!(
                code,
                code::INVALID_ARGUMENT,
                "method {method}, bytes {bytes:?}"
            );
            let status = common::status(&body);
            assert_eq!(
                status.code,
                code::INVALID_ARGUMENT,
                "Status.code matches the return"
            );
            assert!(!status.message.is_empty());
            let info = common::error_info(&body);
            assert_eq!(info.reason, "MALFORMED_REQUEST");
            assert_eq!(info.domain, DOMAIN);
        }
    }
}

#[test]
fn unknown_method_ids_are_unimplemented() {
    let engine = TestEngine::new(0);
    for id in [0, 9, 999, 1001, u32::MAX] {
        let (code, body) = engine.call(id, &[]);
        assert_eq!(code, code::UNIMPLEMENTED, "method {id}");
        assert_eq!(common::error_info(&body).reason, "UNKNOWN_METHOD");
    }
}

#[test]
fn empty_request_is_a_valid_empty_message() {
    let engine = TestEngine::new(0);
    // ListCollectionsRequest has no fields: zero bytes (and a NULL pointer) encode it.
    let (code, body) = engine.call(method::LIST_COLLECTIONS, &[]);
    assert_eq!(code, code::OK);
    let list = ListCollectionsResponse::decode(body.as_slice()).expect("ListCollectionsResponse");
    assert!(list.collections.is_empty());

    // A missing collection is NOT_FOUND with ResourceInfo, not a decoding error.
    let request = GetCollectionRequest {
        name: "nope".into(),
    }
    .encode_to_vec();
    let (code, body) = engine.call(method::GET_COLLECTION, &request);
    assert_eq!(code, code::NOT_FOUND);
    assert_eq!(common::error_info(&body).reason, "COLLECTION_NOT_FOUND");
}
