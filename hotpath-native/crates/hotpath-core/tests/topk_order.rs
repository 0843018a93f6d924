//! Top-k order: best first (highest dot/cosine, lowest l2), ties by smaller id, k larger than
//! the candidates, IEEE total order for zeros, and overflowing scores.

mod common;

use common::no_stop;
use hotpath_core::proto::core_v1::{Metric, RerankRequest, Vector};
use hotpath_core::{Engine, EngineConfig};

fn rerank(
    metric: Metric,
    query: Vec<f32>,
    candidates: Vec<Vec<f32>>,
    ids: Vec<u64>,
    k: u32,
) -> Vec<(u64, f32)> {
    let mut out = None;
    for engine in common::engines(EngineConfig::default) {
        let resp = engine
            .rerank(
                &RerankRequest {
                    queries: vec![Vector {
                        values: query.clone(),
                    }],
                    candidates: candidates
                        .iter()
                        .map(|v| Vector { values: v.clone() })
                        .collect(),
                    candidate_ids: ids.clone(),
                    k,
                    metric: metric as i32,
                },
                &no_stop(),
            )
            .unwrap();
        let hits: Vec<(u64, f32)> = resp.results[0]
            .hits
            .iter()
            .map(|h| (h.id, h.score))
            .collect();
        if let Some(prev) = &out {
            let bits =
                |v: &Vec<(u64, f32)>| v.iter().map(|(i, s)| (*i, s.to_bits())).collect::<Vec<_>>();
            assert_eq!(bits(prev), bits(&hits), "kernels disagree");
        }
        out = Some(hits);
    }
    out.unwrap()
}

#[test]
fn dot_is_highest_first_with_ties_by_smaller_id() {
    let candidates = vec![vec![1.0], vec![3.0], vec![3.0], vec![2.0], vec![3.0]];
    let hits = rerank(
        Metric::Dot,
        vec![1.0],
        candidates,
        vec![40, 30, 10, 20, 50],
        4,
    );
    assert_eq!(hits, vec![(10, 3.0), (30, 3.0), (50, 3.0), (20, 2.0)]);
}

#[test]
fn l2_is_lowest_first_with_ties_by_smaller_id() {
    let candidates = vec![vec![0.0], vec![2.0], vec![-2.0], vec![1.0]];
    let hits = rerank(Metric::L2, vec![0.0], candidates, vec![], 3);
    assert_eq!(hits, vec![(0, 0.0), (3, 1.0), (1, 4.0)]);
}

#[test]
fn k_larger_than_candidates_returns_all() {
    let hits = rerank(
        Metric::Dot,
        vec![1.0, 1.0],
        vec![vec![1.0, 0.0], vec![0.0, 2.0]],
        vec![],
        1000,
    );
    assert_eq!(hits, vec![(1, 2.0), (0, 1.0)]);
}

#[test]
fn scores_are_never_negative_zero() {
    // 1 * -0.0 = -0.0, but the lanes start at +0.0 and +0.0 + -0.0 = +0.0: equal scores, so the
    // tie goes to the smaller id.
    let hits = rerank(
        Metric::Dot,
        vec![1.0],
        vec![vec![0.0], vec![-0.0]],
        vec![7, 3],
        2,
    );
    assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), vec![3, 7]);
    assert!(hits.iter().all(|h| h.1.to_bits() == 0), "{hits:?}");
}

#[test]
fn overflowing_scores_rank_as_documented() {
    // dot overflows to +inf (best), -inf (worst number), or inf - inf = NaN (after everything).
    let big = f32::MAX;
    let candidates = vec![
        vec![big, 0.0],  // +inf
        vec![1.0, 0.0],  // big
        vec![-big, 0.0], // -inf
        vec![big, -big], // inf + -inf = NaN
    ];
    let hits = rerank(Metric::Dot, vec![big, big], candidates, vec![], 4);
    assert_eq!(hits[0], (0, f32::INFINITY));
    assert_eq!(hits[1], (1, big));
    assert_eq!(hits[2], (2, f32::NEG_INFINITY));
    assert_eq!(hits[3].0, 3);
    assert_eq!(hits[3].1.to_bits(), 0x7FC0_0000, "canonical NaN");
}

#[test]
fn search_breaks_ties_across_the_whole_collection() {
    let engine = Engine::new(EngineConfig::default());
    // 500 equal vectors upserted in descending id order: the top 5 are the 5 smallest ids.
    engine
        .create_collection(
            &hotpath_core::proto::core_v1::CreateCollectionRequest {
                name: "ties".into(),
                dim: 2,
                metric: Metric::Dot as i32,
                shard: None,
                source: None,
            },
            &no_stop(),
        )
        .unwrap();
    let ids: Vec<u64> = (0..500).rev().collect();
    engine
        .upsert_vectors(
            &hotpath_core::proto::core_v1::UpsertVectorsRequest {
                collection: "ties".into(),
                ids: ids.clone(),
                vectors: ids
                    .iter()
                    .map(|_| Vector {
                        values: vec![0.5, 0.5],
                    })
                    .collect(),
            },
            &no_stop(),
        )
        .unwrap();
    let resp = engine
        .search(&common::search("ties", vec![vec![1.0, 1.0]], 5), &no_stop())
        .unwrap();
    let got: Vec<u64> = resp.results[0].hits.iter().map(|h| h.id).collect();
    assert_eq!(got, vec![0, 1, 2, 3, 4]);
}
