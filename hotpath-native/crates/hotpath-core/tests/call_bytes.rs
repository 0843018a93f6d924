//! The byte-level call of the FFI: every method round-trips through protobuf, timing carries
//! decode and encode time (merged from the appended `timing` field), and the DebugPanic hook.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};

use common::{no_stop, search, synthetic};
use hotpath_core::proto::core_v1::{
    CollectionInfo, CreateCollectionResponse, DeleteCollectionRequest, DeleteCollectionResponse,
    EngineStats, GetCollectionRequest, GetStatsRequest, ListCollectionsRequest,
    ListCollectionsResponse, Metric, RerankRequest, RerankResponse, SearchResponse,
    UpsertVectorsRequest, UpsertVectorsResponse, Vector,
};
use hotpath_core::{CoreError, Engine, EngineConfig, Method};
use prost::Message;

#[test]
fn every_method_round_trips() {
    let engine = Engine::new(EngineConfig::default());
    let s = no_stop();

    let bytes = engine
        .call_bytes(
            Method::CreateCollection,
            &synthetic("c", 4, Metric::Dot, 1, 100, None).encode_to_vec(),
            &s,
        )
        .unwrap();
    let created = CreateCollectionResponse::decode(bytes.as_slice()).unwrap();
    assert_eq!(created.collection.unwrap().count, 100);
    let timing = created.timing.unwrap();
    assert!(timing.compute_ns > 0 && timing.encode_ns > 0);

    let req = search("c", vec![vec![1.0, 0.0, 0.5, 0.25]], 3);
    let bytes = engine
        .call_bytes(Method::Search, &req.encode_to_vec(), &s)
        .unwrap();
    let resp = SearchResponse::decode(bytes.as_slice()).unwrap();
    let typed = engine.search(&req, &s).unwrap();
    assert_eq!(resp.results, typed.results);
    assert_eq!(resp.vectors_scanned, 100);
    let timing = resp.timing.unwrap();
    assert!(
        timing.compute_ns > 0,
        "compute_ns kept after the timing merge"
    );
    assert!(
        timing.decode_ns > 0,
        "decode_ns kept after the timing merge"
    );
    assert!(timing.encode_ns > 0, "encode_ns from the appended timing");
    assert_eq!(timing.queue_ns, 0);

    let rerank = RerankRequest {
        queries: vec![Vector {
            values: vec![1.0, 2.0],
        }],
        candidates: vec![
            Vector {
                values: vec![1.0, 1.0],
            },
            Vector {
                values: vec![3.0, 0.5],
            },
        ],
        candidate_ids: vec![10, 20],
        k: 1,
        metric: Metric::Dot as i32,
    };
    let bytes = engine
        .call_bytes(Method::Rerank, &rerank.encode_to_vec(), &s)
        .unwrap();
    let resp = RerankResponse::decode(bytes.as_slice()).unwrap();
    assert_eq!(resp.results[0].hits[0].id, 20);

    let up = UpsertVectorsRequest {
        collection: "c".into(),
        ids: vec![1000],
        vectors: vec![Vector {
            values: vec![0.0; 4],
        }],
    };
    let bytes = engine
        .call_bytes(Method::UpsertVectors, &up.encode_to_vec(), &s)
        .unwrap();
    assert_eq!(
        UpsertVectorsResponse::decode(bytes.as_slice())
            .unwrap()
            .count,
        101
    );

    let bytes = engine
        .call_bytes(
            Method::GetCollection,
            &GetCollectionRequest { name: "c".into() }.encode_to_vec(),
            &s,
        )
        .unwrap();
    assert_eq!(CollectionInfo::decode(bytes.as_slice()).unwrap().count, 101);

    let bytes = engine
        .call_bytes(
            Method::ListCollections,
            &ListCollectionsRequest {}.encode_to_vec(),
            &s,
        )
        .unwrap();
    assert_eq!(
        ListCollectionsResponse::decode(bytes.as_slice())
            .unwrap()
            .collections
            .len(),
        1
    );

    let bytes = engine
        .call_bytes(Method::GetStats, &GetStatsRequest {}.encode_to_vec(), &s)
        .unwrap();
    let stats = EngineStats::decode(bytes.as_slice()).unwrap();
    assert_eq!(stats.requests_completed, 3);

    let bytes = engine
        .call_bytes(
            Method::DeleteCollection,
            &DeleteCollectionRequest { name: "c".into() }.encode_to_vec(),
            &s,
        )
        .unwrap();
    assert_eq!(
        DeleteCollectionResponse::decode(bytes.as_slice())
            .unwrap()
            .collection
            .unwrap()
            .name,
        "c"
    );

    // Errors come back as CoreError for the caller to encode.
    let err = engine
        .call_bytes(
            Method::GetCollection,
            &GetCollectionRequest { name: "c".into() }.encode_to_vec(),
            &s,
        )
        .unwrap_err();
    assert_eq!(err.code(), 5);
}

#[test]
fn debug_panic_only_with_test_hooks() {
    let engine = Engine::new(EngineConfig::default());
    assert_eq!(
        engine
            .call_bytes(Method::DebugPanic, &[], &no_stop())
            .unwrap_err(),
        CoreError::UnknownMethod { id: 1000 }
    );
    let hooked = Engine::new(EngineConfig {
        enable_test_hooks: true,
        ..Default::default()
    });
    let caught = catch_unwind(AssertUnwindSafe(|| {
        hooked.call_bytes(Method::DebugPanic, &[], &no_stop())
    }));
    assert!(caught.is_err(), "the hook panics");
    // The engine is still usable after the panic.
    assert!(hooked.list_collections().collections.is_empty());
    assert_eq!(hooked.stats().in_flight, 0);
}
