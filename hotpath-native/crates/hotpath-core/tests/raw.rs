//! Zero-copy fast paths: `search_raw` and `rerank_raw` return exactly what the protobuf calls
//! return, fill unused slots with (u64::MAX, NaN), and validate with the same field paths.

mod common;

use common::{decode_status, no_stop, search, synthetic};
use hotpath_core::proto::core_v1::{Metric, RerankRequest, Vector};
use hotpath_core::{EngineConfig, SplitMix64};

#[test]
fn search_raw_equals_search() {
    for engine in common::engines(EngineConfig::default) {
        for metric in [Metric::Dot, Metric::L2, Metric::Cosine] {
            let name = format!("{metric:?}");
            engine
                .create_collection(&synthetic(&name, 24, metric, 4, 500, None), &no_stop())
                .unwrap();
            let mut rng = SplitMix64::new(1);
            let queries: Vec<Vec<f32>> = (0..5)
                .map(|_| (0..24).map(|_| rng.sym()).collect())
                .collect();
            let k = 7;
            let typed = engine
                .search(&search(&name, queries.clone(), k as u32), &no_stop())
                .unwrap();
            let flat: Vec<f32> = queries.concat();
            let mut ids = vec![0u64; 5 * k];
            let mut scores = vec![0f32; 5 * k];
            let timing = engine
                .search_raw(&name, &flat, 24, k, &no_stop(), &mut ids, &mut scores)
                .unwrap();
            assert!(timing.compute_ns > 0);
            for (i, result) in typed.results.iter().enumerate() {
                for (j, hit) in result.hits.iter().enumerate() {
                    assert_eq!(ids[i * k + j], hit.id);
                    assert_eq!(scores[i * k + j].to_bits(), hit.score.to_bits());
                }
            }
        }
    }
}

#[test]
fn rerank_raw_equals_rerank_and_pads_unused_slots() {
    let mut rng = SplitMix64::new(3);
    let dim = 17;
    let queries: Vec<Vec<f32>> = (0..3)
        .map(|_| (0..dim).map(|_| rng.sym()).collect())
        .collect();
    let candidates: Vec<Vec<f32>> = (0..6)
        .map(|_| (0..dim).map(|_| rng.sym()).collect())
        .collect();
    let cids: Vec<u64> = (0..6).map(|i| 100 + i * 3).collect();
    for engine in common::engines(EngineConfig::default) {
        for metric in [Metric::Dot, Metric::L2, Metric::Cosine] {
            for ids in [None, Some(cids.as_slice())] {
                let k = 8; // more than the 6 candidates
                let typed = engine
                    .rerank(
                        &RerankRequest {
                            queries: queries
                                .iter()
                                .map(|v| Vector { values: v.clone() })
                                .collect(),
                            candidates: candidates
                                .iter()
                                .map(|v| Vector { values: v.clone() })
                                .collect(),
                            candidate_ids: ids.map(<[u64]>::to_vec).unwrap_or_default(),
                            k: k as u32,
                            metric: metric as i32,
                        },
                        &no_stop(),
                    )
                    .unwrap();
                let mut out_ids = vec![0u64; 3 * k];
                let mut out_scores = vec![0f32; 3 * k];
                engine
                    .rerank_raw(
                        metric,
                        &queries.concat(),
                        &candidates.concat(),
                        ids,
                        dim,
                        k,
                        &no_stop(),
                        &mut out_ids,
                        &mut out_scores,
                    )
                    .unwrap();
                for (i, result) in typed.results.iter().enumerate() {
                    assert_eq!(result.hits.len(), 6);
                    for j in 0..k {
                        match result.hits.get(j) {
                            Some(hit) => {
                                assert_eq!(out_ids[i * k + j], hit.id);
                                assert_eq!(out_scores[i * k + j].to_bits(), hit.score.to_bits());
                            }
                            None => {
                                assert_eq!(out_ids[i * k + j], u64::MAX);
                                assert!(out_scores[i * k + j].is_nan());
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn raw_validation_uses_the_same_field_paths() {
    let engine = hotpath_core::Engine::new(EngineConfig::default());
    engine
        .create_collection(&synthetic("c", 4, Metric::Dot, 1, 10, None), &no_stop())
        .unwrap();
    let mut ids = vec![0u64; 2];
    let mut scores = vec![0f32; 2];
    let fields = |r: Result<_, hotpath_core::CoreError>| decode_status(&r.unwrap_err()).fields;

    let mut q = vec![1.0f32; 8];
    q[6] = f32::NAN;
    assert_eq!(
        fields(engine.search_raw("c", &q, 4, 1, &no_stop(), &mut ids, &mut scores)),
        vec!["queries[1].values[2]"]
    );
    assert_eq!(
        fields(engine.search_raw("c", &[1.0; 6], 3, 1, &no_stop(), &mut ids, &mut scores)),
        vec!["queries[0].values", "queries[1].values"]
    );
    assert_eq!(
        fields(engine.search_raw("c", &[1.0; 8], 4, 2, &no_stop(), &mut ids, &mut scores)),
        vec!["out_ids", "out_scores"]
    );
    assert_eq!(
        fields(engine.search_raw("c", &[1.0; 8], 4, 0, &no_stop(), &mut ids, &mut scores)),
        vec!["k"]
    );
    assert_eq!(
        fields(engine.search_raw("c", &[1.0; 7], 4, 1, &no_stop(), &mut ids, &mut scores)),
        vec!["queries"]
    );
    assert_eq!(
        fields(engine.search_raw("c", &[], 4, 1, &no_stop(), &mut ids, &mut scores)),
        vec!["queries"]
    );
    assert_eq!(
        engine
            .search_raw("x", &[1.0; 8], 4, 1, &no_stop(), &mut ids, &mut scores)
            .unwrap_err()
            .code(),
        5
    );

    let (mut ids1, mut scores1) = (vec![0u64; 1], vec![0f32; 1]);
    assert_eq!(
        fields(engine.rerank_raw(
            Metric::Unspecified,
            &[1.0; 2],
            &[1.0; 4],
            None,
            2,
            1,
            &no_stop(),
            &mut ids1,
            &mut scores1
        )),
        vec!["metric"]
    );
    assert_eq!(
        fields(engine.rerank_raw(
            Metric::Dot,
            &[1.0; 2],
            &[1.0; 4],
            Some(&[1]),
            2,
            1,
            &no_stop(),
            &mut ids1,
            &mut scores1
        )),
        vec!["candidate_ids"]
    );
    assert_eq!(
        fields(engine.rerank_raw(
            Metric::Cosine,
            &[1.0; 2],
            &[1.0, 1.0, 0.0, 0.0],
            None,
            2,
            1,
            &no_stop(),
            &mut ids1,
            &mut scores1
        )),
        vec!["candidates[1].values"]
    );
}
