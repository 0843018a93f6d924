//! Many threads calling one engine at once, on every path, all get the single-threaded answer.

mod common;

use std::sync::Barrier;

use common::{NO_DEADLINE, TestEngine, code, method};
use hotpath_core::proto::core_v1::{Metric, SearchResponse};
use hotpath_ffi::HOTPATH_FLAG_TEST_HOOKS;
use prost::Message;

const THREADS: usize = 8;
const ROUNDS: usize = 40;

#[test]
fn concurrent_calls_on_every_path_agree_with_a_single_thread() {
    let engine = TestEngine::new(HOTPATH_FLAG_TEST_HOOKS);
    engine.create_synthetic("shared", 32, Metric::L2, 5_000);
    let flat = common::queries(4, 32, 77);
    let request = common::search_request("shared", &flat, 32, 5);
    let (code, reference_body) = engine.call(method::SEARCH, &request);
    assert_eq!(code, code::OK);
    let reference = SearchResponse::decode(reference_body.as_slice()).expect("SearchResponse");
    let reference_fast = engine.search_f32("shared", &flat, 32, 5, NO_DEADLINE, None);
    assert_eq!(reference_fast.code, code::OK);
    let before = engine.stats();

    let start = Barrier::new(THREADS);
    std::thread::scope(|scope| {
        for thread in 0..THREADS {
            let (engine, start, request, flat) = (&engine, &start, &request, &flat);
            let (reference, reference_fast) = (&reference, &reference_fast);
            scope.spawn(move || {
                start.wait();
                for round in 0..ROUNDS {
                    match (thread + round) % 4 {
                        0 => {
                            let (code, body) = engine.call(method::SEARCH, request);
                            assert_eq!(code, code::OK);
                            let response = SearchResponse::decode(body.as_slice()).expect("decode");
                            assert_eq!(response.results, reference.results);
                        }
                        1 => {
                            let fast = engine.search_f32("shared", flat, 32, 5, NO_DEADLINE, None);
                            assert_eq!(fast.code, code::OK);
                            assert_eq!(fast.ids, reference_fast.ids);
                            let bits =
                                |s: &[f32]| s.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
                            assert_eq!(bits(&fast.scores), bits(&reference_fast.scores));
                        }
                        2 => {
                            let (code, body) = engine.call(method::SEARCH, &[0xFF, 0xFF]);
                            assert_eq!(code, code::INVALID_ARGUMENT);
                            assert_eq!(common::error_info(&body).reason, "MALFORMED_REQUEST");
                        }
                        _ => {
                            let (code, _) = engine.call(method::DEBUG_PANIC, &[]);
                            assert_eq!(code, code::INTERNAL);
                        }
                    }
                }
            });
        }
    });

    let after = engine.stats();
    let per_kind = (THREADS * ROUNDS / 4) as u64;
    assert_eq!(
        after.requests_completed - before.requests_completed,
        2 * per_kind
    );
    assert_eq!(after.panics_caught - before.panics_caught, per_kind);
    assert_eq!(after.in_flight, 0);
}

#[test]
fn engines_are_independent() {
    let engines: Vec<TestEngine> = (0..4).map(|_| TestEngine::new(0)).collect();
    std::thread::scope(|scope| {
        for (i, engine) in engines.iter().enumerate() {
            scope.spawn(move || {
                let name = format!("own-{i}");
                engine.create_synthetic(&name, 8, Metric::Dot, 100 + i as u64);
                let (code, _) = engine.call(
                    method::GET_COLLECTION,
                    &hotpath_core::proto::core_v1::GetCollectionRequest { name }.encode_to_vec(),
                );
                assert_eq!(code, code::OK);
            });
        }
    });
    for (i, engine) in engines.iter().enumerate() {
        let stats = engine.stats();
        assert_eq!(stats.panics_caught, 0);
        let other = format!("own-{}", (i + 1) % engines.len());
        let request = hotpath_core::proto::core_v1::GetCollectionRequest { name: other };
        let (code, _) = engine.call(method::GET_COLLECTION, &request.encode_to_vec());
        assert_eq!(
            code,
            code::NOT_FOUND,
            "engine {i} sees only its own collections"
        );
    }
}
