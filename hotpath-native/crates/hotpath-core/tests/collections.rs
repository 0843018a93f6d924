//! Collection lifecycle: create (empty/synthetic), get, list (sorted), upsert (insert, replace,
//! out-of-order ids, filtered search afterwards), delete, and the memory accounting.

mod common;

use common::{no_stop, ref_dot, search, synthetic};
use hotpath_core::proto::core_v1::{
    CreateCollectionRequest, DeleteCollectionRequest, GetCollectionRequest, IdFilter, Metric,
    ShardSpec, UpsertVectorsRequest, Vector,
};
use hotpath_core::{CoreError, Engine, EngineConfig};

fn empty(name: &str, dim: u32, metric: Metric) -> CreateCollectionRequest {
    CreateCollectionRequest {
        name: name.into(),
        dim,
        metric: metric as i32,
        shard: None,
        source: None,
    }
}

fn upsert(collection: &str, ids: &[u64], vectors: &[Vec<f32>]) -> UpsertVectorsRequest {
    UpsertVectorsRequest {
        collection: collection.into(),
        ids: ids.to_vec(),
        vectors: vectors
            .iter()
            .map(|v| Vector { values: v.clone() })
            .collect(),
    }
}

fn get(engine: &Engine, name: &str) -> hotpath_core::proto::core_v1::CollectionInfo {
    engine
        .get_collection(&GetCollectionRequest { name: name.into() })
        .unwrap()
}

#[test]
fn create_get_list_delete() {
    let engine = Engine::new(EngineConfig::default());
    engine
        .create_collection(
            &synthetic("b", 8, Metric::L2, 1, 50, Some((1, 2))),
            &no_stop(),
        )
        .unwrap();
    engine
        .create_collection(&empty("a", 3, Metric::Cosine), &no_stop())
        .unwrap();
    let names: Vec<String> = engine
        .list_collections()
        .collections
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, vec!["a", "b"]);

    let b = get(&engine, "b");
    assert_eq!((b.dim, b.metric, b.count), (8, Metric::L2 as i32, 25));
    assert_eq!(b.shard, Some(ShardSpec { index: 1, count: 2 }));
    assert_eq!(b.memory_bytes, 25 * (8 * 4 + 8));
    assert_eq!(engine.stats().memory_used_bytes, b.memory_bytes);

    let deleted = engine
        .delete_collection(&DeleteCollectionRequest { name: "b".into() })
        .unwrap();
    assert_eq!(deleted.collection.unwrap().count, 25);
    assert_eq!(engine.stats().memory_used_bytes, 0);
    assert_eq!(
        engine
            .delete_collection(&DeleteCollectionRequest { name: "b".into() })
            .unwrap_err(),
        CoreError::NotFound {
            collection: "b".into()
        }
    );
    let a = get(&engine, "a");
    assert_eq!((a.count, a.memory_bytes), (0, 0));
    // Shard count 0 reads as 1.
    let info = engine
        .create_collection(
            &synthetic("z", 2, Metric::Dot, 1, 7, Some((0, 0))),
            &no_stop(),
        )
        .unwrap()
        .collection
        .unwrap();
    assert_eq!(
        (info.count, info.shard),
        (7, Some(ShardSpec { index: 0, count: 1 }))
    );
}

#[test]
fn upsert_inserts_replaces_and_keeps_the_last_duplicate() {
    let engine = Engine::new(EngineConfig::default());
    engine
        .create_collection(&empty("u", 2, Metric::Dot), &no_stop())
        .unwrap();
    let r = engine
        .upsert_vectors(
            &upsert(
                "u",
                &[1, 2, 3],
                &[vec![1.0, 0.0], vec![2.0, 0.0], vec![3.0, 0.0]],
            ),
            &no_stop(),
        )
        .unwrap();
    assert_eq!((r.upserted, r.count), (3, 3));
    assert!(r.timing.unwrap().compute_ns > 0);
    // Replace 2, insert 7 twice (last wins).
    let r = engine
        .upsert_vectors(
            &upsert(
                "u",
                &[2, 7, 7],
                &[vec![10.0, 0.0], vec![5.0, 0.0], vec![0.5, 0.0]],
            ),
            &no_stop(),
        )
        .unwrap();
    assert_eq!((r.upserted, r.count), (3, 4));
    let resp = engine
        .search(&search("u", vec![vec![1.0, 0.0]], 10), &no_stop())
        .unwrap();
    let hits: Vec<(u64, f32)> = resp.results[0]
        .hits
        .iter()
        .map(|h| (h.id, h.score))
        .collect();
    assert_eq!(hits, vec![(2, 10.0), (3, 3.0), (1, 1.0), (7, 0.5)]);
    let info = get(&engine, "u");
    assert!(
        info.memory_bytes >= 4 * (2 * 4 + 8),
        "{}",
        info.memory_bytes
    );
    assert_eq!(engine.stats().memory_used_bytes, info.memory_bytes);
}

#[test]
fn out_of_order_upserts_and_filtered_search() {
    let engine = Engine::new(EngineConfig::default());
    engine
        .create_collection(&synthetic("s", 4, Metric::Dot, 9, 100, None), &no_stop())
        .unwrap();
    let sorted_bytes = get(&engine, "s").memory_bytes;
    // Ids 150 then 120 (out of order), and replace id 5.
    engine
        .upsert_vectors(
            &upsert(
                "s",
                &[150, 120, 5],
                &[vec![9.0; 4], vec![8.0; 4], vec![7.0; 4]],
            ),
            &no_stop(),
        )
        .unwrap();
    let info = get(&engine, "s");
    assert_eq!(info.count, 102);
    assert!(
        info.memory_bytes > sorted_bytes + 2 * 24,
        "the id index is charged"
    );

    let mut req = search("s", vec![vec![1.0; 4]], 10);
    req.filter = Some(IdFilter {
        ids: vec![120, 5, 5, 150, 99, 100_000],
    });
    let resp = engine.search(&req, &no_stop()).unwrap();
    let ids: Vec<u64> = resp.results[0].hits.iter().map(|h| h.id).collect();
    assert_eq!(&ids[..3], &[150, 120, 5]);
    assert_eq!(
        ids.len(),
        4,
        "unknown ids are ignored, duplicates count once"
    );
    assert_eq!(resp.vectors_scanned, 4);
    let q = [1.0f32; 4];
    assert_eq!(resp.results[0].hits[0].score, ref_dot(&q, &[9.0; 4]));

    // Further upserts keep working with the index.
    engine
        .upsert_vectors(
            &upsert("s", &[130, 150], &[vec![1.0; 4], vec![0.0; 4]]),
            &no_stop(),
        )
        .unwrap();
    let mut req = search("s", vec![vec![1.0; 4]], 10);
    req.filter = Some(IdFilter {
        ids: vec![130, 150],
    });
    let resp = engine.search(&req, &no_stop()).unwrap();
    let hits: Vec<(u64, f32)> = resp.results[0]
        .hits
        .iter()
        .map(|h| (h.id, h.score))
        .collect();
    assert_eq!(hits, vec![(130, 4.0), (150, 0.0)]);
    assert_eq!(get(&engine, "s").count, 103);
}

#[test]
fn cosine_upserts_are_normalized() {
    let engine = Engine::new(EngineConfig::default());
    engine
        .create_collection(&empty("c", 2, Metric::Cosine), &no_stop())
        .unwrap();
    engine
        .upsert_vectors(
            &upsert("c", &[0, 1], &[vec![3.0, 4.0], vec![0.0, 10.0]]),
            &no_stop(),
        )
        .unwrap();
    let resp = engine
        .search(&search("c", vec![vec![0.0, 2.0]], 2), &no_stop())
        .unwrap();
    let hits: Vec<(u64, f32)> = resp.results[0]
        .hits
        .iter()
        .map(|h| (h.id, h.score))
        .collect();
    assert_eq!(hits, vec![(1, 1.0), (0, 0.8)]);
}

#[test]
fn stats_count_requests_and_scans() {
    let engine = Engine::new(EngineConfig::default());
    engine
        .create_collection(&synthetic("s", 4, Metric::Dot, 9, 100, None), &no_stop())
        .unwrap();
    engine
        .search(&search("s", vec![vec![1.0; 4]; 3], 5), &no_stop())
        .unwrap();
    let _ = engine.search(&search("missing", vec![vec![1.0; 4]], 5), &no_stop());
    let stats = engine.stats();
    assert_eq!(stats.vectors_scanned, 300);
    assert_eq!((stats.requests_started, stats.requests_completed), (2, 1));
    assert_eq!(stats.in_flight, 0);
    assert_eq!(
        stats.memory_budget_bytes,
        engine.config().memory_budget_bytes
    );
    engine.counters().record_panic_caught();
    engine.counters().record_rejected_overloaded();
    let stats = engine.stats();
    assert_eq!((stats.panics_caught, stats.rejected_overloaded), (1, 1));
}

#[test]
fn concurrent_searches_and_upserts() {
    let engine = Engine::new(EngineConfig::default());
    engine
        .create_collection(&synthetic("s", 16, Metric::L2, 9, 2000, None), &no_stop())
        .unwrap();
    std::thread::scope(|scope| {
        for t in 0..4u64 {
            let engine = &engine;
            scope.spawn(move || {
                for i in 0..20u64 {
                    if t == 0 {
                        let id = 2000 + i;
                        engine
                            .upsert_vectors(&upsert("s", &[id], &[vec![i as f32; 16]]), &no_stop())
                            .unwrap();
                    } else {
                        let resp = engine
                            .search(&search("s", vec![vec![0.1 * t as f32; 16]], 3), &no_stop())
                            .unwrap();
                        assert_eq!(resp.results[0].hits.len(), 3);
                    }
                }
            });
        }
    });
    assert_eq!(get(&engine, "s").count, 2020);
}
