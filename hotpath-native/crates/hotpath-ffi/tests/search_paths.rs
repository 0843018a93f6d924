//! The generic protobuf path and the zero-copy fast path answer the same question with the same
//! bits: identical ids, bit-identical scores, for Search and for Rerank.

mod common;

use common::{NO_DEADLINE, TestEngine, code, method};
use hotpath_core::proto::core_v1::{Metric, RerankRequest, RerankResponse, SearchResponse};
use prost::Message;

/// Flattens a generic response into (ids, score bits), `k` slots per query, padded as the fast
/// path pads: id `u64::MAX`, score NaN.
fn flatten(results: &[hotpath_core::proto::core_v1::Neighbors], k: usize) -> (Vec<u64>, Vec<u32>) {
    let mut ids = Vec::new();
    let mut bits = Vec::new();
    for neighbors in results {
        assert!(neighbors.hits.len() <= k);
        for hit in &neighbors.hits {
            ids.push(hit.id);
            bits.push(hit.score.to_bits());
        }
        for _ in neighbors.hits.len()..k {
            ids.push(u64::MAX);
            bits.push(f32::NAN.to_bits());
        }
    }
    (ids, bits)
}

fn bits(scores: &[f32]) -> Vec<u32> {
    scores
        .iter()
        .map(|s| {
            if s.is_nan() {
                f32::NAN.to_bits()
            } else {
                s.to_bits()
            }
        })
        .collect()
}

#[test]
fn search_generic_and_fast_path_agree_bit_for_bit() {
    let engine = TestEngine::new(0);
    for (name, metric, dim) in [
        ("dot-37", Metric::Dot, 37),
        ("l2-64", Metric::L2, 64),
        ("cos-19", Metric::Cosine, 19),
    ] {
        engine.create_synthetic(name, dim, metric, 2_000);
        let dim = dim as usize;
        let k = 10;
        let flat = common::queries(7, dim, 11);
        let (code, body) =
            engine.call(method::SEARCH, &common::search_request(name, &flat, dim, k));
        assert_eq!(code, code::OK, "{:?}", common::status(&body));
        let generic = SearchResponse::decode(body.as_slice()).expect("SearchResponse");
        assert_eq!(generic.results.len(), 7);
        let (generic_ids, generic_bits) = flatten(&generic.results, k as usize);

        let fast = engine.search_f32(name, &flat, dim, k, NO_DEADLINE, None);
        assert_eq!(fast.code, code::OK, "{:?}", common::status(&fast.status));
        assert!(fast.status.is_empty(), "OK leaves out_status empty");
        assert_eq!(fast.ids, generic_ids, "{name}: ids");
        assert_eq!(bits(&fast.scores), generic_bits, "{name}: score bits");
        assert_eq!(fast.timing.queue_ns, 0);
        assert_eq!(fast.timing.decode_ns, 0);
        assert_eq!(fast.timing.encode_ns, 0);
        assert!(fast.timing.compute_ns > 0, "compute time is reported");
    }
}

#[test]
fn search_with_fewer_vectors_than_k_pads_with_max_id_and_nan() {
    let engine = TestEngine::new(0);
    engine.create_synthetic("tiny", 8, Metric::Dot, 3);
    let flat = common::queries(2, 8, 5);
    let fast = engine.search_f32("tiny", &flat, 8, 5, NO_DEADLINE, None);
    assert_eq!(fast.code, code::OK);
    for q in 0..2 {
        let row = q * 5;
        assert!(fast.ids[row..row + 3].iter().all(|id| *id < 3));
        assert_eq!(&fast.ids[row + 3..row + 5], &[u64::MAX, u64::MAX]);
        assert!(fast.scores[row + 3..row + 5].iter().all(|s| s.is_nan()));
    }
    let (code, body) = engine.call(method::SEARCH, &common::search_request("tiny", &flat, 8, 5));
    assert_eq!(code, code::OK);
    let generic = SearchResponse::decode(body.as_slice()).expect("SearchResponse");
    assert_eq!(
        flatten(&generic.results, 5),
        (fast.ids.clone(), bits(&fast.scores))
    );
}

#[test]
fn rerank_generic_and_fast_path_agree_bit_for_bit() {
    let engine = TestEngine::new(0);
    let dim = 21;
    let queries = common::queries(3, dim, 1);
    let candidates = common::queries(500, dim, 2);
    let ids: Vec<u64> = (0..500).map(|i| 10_000 + 7 * i).collect();
    for metric in [Metric::Dot, Metric::L2, Metric::Cosine] {
        for candidate_ids in [None, Some(ids.as_slice())] {
            let k = 8;
            let request = RerankRequest {
                queries: common::vectors(&queries, dim),
                candidates: common::vectors(&candidates, dim),
                candidate_ids: candidate_ids.map(<[u64]>::to_vec).unwrap_or_default(),
                k,
                metric: metric as i32,
            };
            let (code, body) = engine.call(method::RERANK, &request.encode_to_vec());
            assert_eq!(code, code::OK, "{:?}", common::status(&body));
            let generic = RerankResponse::decode(body.as_slice()).expect("RerankResponse");
            let (generic_ids, generic_bits) = flatten(&generic.results, k as usize);

            let fast = engine.rerank_f32(
                metric,
                &queries,
                &candidates,
                candidate_ids,
                dim,
                k,
                NO_DEADLINE,
            );
            assert_eq!(fast.code, code::OK, "{:?}", common::status(&fast.status));
            assert_eq!(fast.ids, generic_ids, "{metric:?} ids");
            assert_eq!(bits(&fast.scores), generic_bits, "{metric:?} score bits");
            if candidate_ids.is_some() {
                assert!(fast.ids.iter().all(|id| *id >= 10_000));
            }
        }
    }
}

#[test]
fn fast_path_errors_match_generic_errors() {
    let engine = TestEngine::new(0);
    engine.create_synthetic("dim16", 16, Metric::Dot, 100);
    // Wrong dimension: the generic path and the fast path both refuse with INVALID_ARGUMENT.
    let flat = common::queries(1, 8, 3);
    let fast = engine.search_f32("dim16", &flat, 8, 4, NO_DEADLINE, None);
    assert_eq!(fast.code, code::INVALID_ARGUMENT);
    let (code, body) = engine.call(
        method::SEARCH,
        &common::search_request("dim16", &flat, 8, 4),
    );
    assert_eq!(code, code::INVALID_ARGUMENT);
    assert_eq!(
        common::error_info(&fast.status).reason,
        common::error_info(&body).reason
    );

    // Unknown collection: NOT_FOUND on both.
    let fast = engine.search_f32("missing", &flat, 8, 4, NO_DEADLINE, None);
    assert_eq!(fast.code, code::NOT_FOUND);
    assert_eq!(
        common::error_info(&fast.status).reason,
        "COLLECTION_NOT_FOUND"
    );
    assert_eq!(fast.timing.compute_ns, 0, "timing is zeroed on error");
}
