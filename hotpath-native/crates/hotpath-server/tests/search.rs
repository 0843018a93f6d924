//! Search and Rerank over gRPC return exactly what the engine returns when called directly
//! (same ids, bit-identical scores), plus the server's queue timing.

mod common;

use std::sync::atomic::AtomicU32;

use hotpath_core::StopSignal;
use hotpath_server::proto::core_v1::{
    CreateCollectionRequest, GetCollectionRequest, ListCollectionsRequest, Metric, Neighbors,
    RerankRequest, SearchRequest, SyntheticSource, create_collection_request::Source,
};

fn assert_same(grpc: &[Neighbors], direct: &[Neighbors]) {
    assert_eq!(grpc.len(), direct.len());
    for (q, (a, b)) in grpc.iter().zip(direct).enumerate() {
        assert_eq!(a.hits.len(), b.hits.len(), "query {q}");
        for (x, y) in a.hits.iter().zip(&b.hits) {
            assert_eq!(x.id, y.id, "query {q}");
            assert_eq!(
                x.score.to_bits(),
                y.score.to_bits(),
                "query {q} id {}",
                x.id
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_results_equal_engine_called_directly() {
    let t = common::start(&[
        "--preload",
        "demo:synthetic:seed=42,count=5000,dim=32,metric=cosine",
    ])
    .await;
    let request = SearchRequest {
        collection: "demo".into(),
        queries: common::vectors(8, 32, 7),
        k: 10,
        metric: 0,
        filter: None,
    };
    let response = t
        .hotpath()
        .search(request.clone())
        .await
        .unwrap()
        .into_inner();

    let flag = AtomicU32::new(0);
    let direct = t
        .server
        .engine()
        .search(&request, &StopSignal::new(None, &flag))
        .unwrap();
    assert_same(&response.results, &direct.results);
    assert_eq!(response.results.len(), 8);
    assert!(response.results.iter().all(|n| n.hits.len() == 10));
    assert_eq!(response.vectors_scanned, direct.vectors_scanned);
    let timing = response.timing.expect("timing");
    assert!(timing.compute_ns > 0);
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rerank_results_equal_engine_called_directly() {
    let t = common::start(&[]).await;
    let request = RerankRequest {
        queries: common::vectors(4, 64, 1),
        candidates: common::vectors(2000, 64, 2),
        candidate_ids: (0..2000).map(|i| 10_000 + 3 * i).collect(),
        k: 25,
        metric: Metric::L2 as i32,
    };
    let response = t
        .hotpath()
        .rerank(request.clone())
        .await
        .unwrap()
        .into_inner();
    let flag = AtomicU32::new(0);
    let direct = t
        .server
        .engine()
        .rerank(&request, &StopSignal::new(None, &flag))
        .unwrap();
    assert_same(&response.results, &direct.results);
    assert!(response.results[0].hits.iter().all(|h| h.id >= 10_000));
    t.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collections_lifecycle_over_grpc() {
    let t = common::start(&[]).await;
    let mut client = t.hotpath();
    let created = client
        .create_collection(CreateCollectionRequest {
            name: "made".into(),
            dim: 8,
            metric: Metric::Dot as i32,
            shard: None,
            source: Some(Source::Synthetic(SyntheticSource {
                seed: 3,
                count: 100,
                clusters: 0,
            })),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(created.collection.unwrap().count, 100);
    let info = client
        .get_collection(GetCollectionRequest {
            name: "made".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(info.dim, 8);
    let list = client
        .list_collections(ListCollectionsRequest {})
        .await
        .unwrap()
        .into_inner();
    assert_eq!(list.collections.len(), 1);
    let stats = client
        .get_stats(hotpath_server::proto::core_v1::GetStatsRequest {})
        .await
        .unwrap()
        .into_inner();
    assert!(stats.memory_used_bytes > 0);
    t.server.shutdown().await;
}
