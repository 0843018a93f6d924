//! The shared cross-language test vectors in `interop-tests/vectors/` (written by
//! `examples/generate_test_vectors.rs` from the scalar reference) are reproduced bit for bit
//! by the engine with every kernel (scalar and, where the CPU has it, AVX2).

mod common;

use std::path::PathBuf;

use common::no_stop;
use hotpath_core::proto::core_v1::{IdFilter, Metric, RerankRequest, SearchRequest, Vector};
use hotpath_core::synthetic::Generator;
use hotpath_core::{CoreError, EngineConfig, SplitMix64};
use serde_json::Value;

fn load(file: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../interop-tests/vectors")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], 1);
    value["data"].clone()
}

fn floats(hex: &Value) -> Vec<f32> {
    hex.as_str()
        .unwrap()
        .split_whitespace()
        .map(|h| f32::from_bits(u32::from_str_radix(h, 16).unwrap()))
        .collect()
}

fn u64_hex(v: &Value) -> u64 {
    u64::from_str_radix(v.as_str().unwrap(), 16).unwrap()
}

fn metric(v: &Value) -> Metric {
    Metric::from_str_name(v.as_str().unwrap()).unwrap()
}

fn vectors(v: &Value) -> Vec<Vector> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|h| Vector { values: floats(h) })
        .collect()
}

/// Expected hits as (id, score bits) per query.
fn expected(v: &Value) -> Vec<Vec<(u64, u32)>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|hits| {
            hits.as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    (
                        h["id"].as_u64().unwrap(),
                        u32::from_str_radix(h["score"].as_str().unwrap(), 16).unwrap(),
                    )
                })
                .collect()
        })
        .collect()
}

fn got(results: &[hotpath_core::proto::core_v1::Neighbors]) -> Vec<Vec<(u64, u32)>> {
    results
        .iter()
        .map(|n| n.hits.iter().map(|h| (h.id, h.score.to_bits())).collect())
        .collect()
}

#[test]
fn search_vectors() {
    let data = load("search.json");
    let cases = data["cases"].as_array().unwrap();
    assert!(cases.len() >= 5);
    for engine in common::engines(EngineConfig::default) {
        for case in cases {
            let name = case["name"].as_str().unwrap();
            let c = &case["collection"];
            let mut create = common::synthetic(
                name,
                c["dim"].as_u64().unwrap() as u32,
                metric(&c["metric"]),
                u64_hex(&c["seed"]),
                c["count"].as_u64().unwrap(),
                Some((
                    c["shard"]["index"].as_u64().unwrap() as u32,
                    c["shard"]["count"].as_u64().unwrap() as u32,
                )),
            );
            if let Some(
                hotpath_core::proto::core_v1::create_collection_request::Source::Synthetic(s),
            ) = create.source.as_mut()
            {
                s.clusters = c["clusters"].as_u64().unwrap() as u32;
            }
            engine.create_collection(&create, &no_stop()).unwrap();
            let req = SearchRequest {
                collection: name.into(),
                queries: vectors(&case["queries"]),
                k: case["k"].as_u64().unwrap() as u32,
                metric: 0,
                filter: case.get("filter").map(|f| IdFilter {
                    ids: f
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_u64().unwrap())
                        .collect(),
                }),
            };
            let resp = engine.search(&req, &no_stop()).unwrap();
            assert_eq!(
                got(&resp.results),
                expected(&case["expected"]),
                "{name} ({})",
                engine.kernel().name()
            );
        }
    }
}

#[test]
fn rerank_vectors() {
    let data = load("rerank.json");
    let cases = data["cases"].as_array().unwrap();
    for engine in common::engines(EngineConfig::default) {
        for case in cases {
            let name = case["name"].as_str().unwrap();
            let req = RerankRequest {
                queries: vectors(&case["queries"]),
                candidates: vectors(&case["candidates"]),
                candidate_ids: case["candidate_ids"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap())
                    .collect(),
                k: case["k"].as_u64().unwrap() as u32,
                metric: metric(&case["metric"]) as i32,
            };
            let result = engine.rerank(&req, &no_stop());
            if let Some(want) = case.get("expected_error") {
                let err = result.unwrap_err();
                assert_eq!(
                    i64::from(err.code()),
                    want["code"].as_i64().unwrap(),
                    "{name}"
                );
                assert_eq!(
                    err.reason().as_str_name(),
                    want["reason"].as_str().unwrap(),
                    "{name}"
                );
                let fields: Vec<&str> = want["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f.as_str().unwrap())
                    .collect();
                match &err {
                    CoreError::InvalidArgument { violations, .. } => {
                        assert_eq!(
                            violations
                                .iter()
                                .map(|v| v.field.as_str())
                                .collect::<Vec<_>>(),
                            fields,
                            "{name}"
                        );
                    }
                    other => panic!("{name}: {other:?}"),
                }
            } else {
                let resp = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(
                    got(&resp.results),
                    expected(&case["expected"]),
                    "{name} ({})",
                    engine.kernel().name()
                );
            }
        }
    }
}

#[test]
fn synthetic_vectors() {
    let data = load("synthetic.json");
    for s in data["splitmix64"].as_array().unwrap() {
        let mut rng = SplitMix64::new(u64_hex(&s["seed"]));
        for want in s["next_u64"].as_array().unwrap() {
            assert_eq!(rng.next_u64(), u64_hex(want));
        }
        let mut rng = SplitMix64::new(u64_hex(&s["seed"]));
        for want in floats(&s["unit"]) {
            assert_eq!(rng.unit().to_bits(), want.to_bits());
        }
    }
    for engine in common::engines(EngineConfig::default) {
        for g in data["generators"].as_array().unwrap() {
            let (seed, clusters, dim) = (
                u64_hex(&g["seed"]),
                g["clusters"].as_u64().unwrap() as u32,
                g["dim"].as_u64().unwrap() as usize,
            );
            let generator = Generator::new(seed, clusters, dim);
            let listed = g["vectors"].as_array().unwrap();
            let ids: Vec<u64> = listed.iter().map(|v| v["id"].as_u64().unwrap()).collect();
            let count = ids.iter().max().unwrap() + 1;
            // Read the engine's stored vectors back: a dot/cosine search with the basis vector
            // e_d scores exactly component d (every other lane adds +0).
            let basis: Vec<Vec<f32>> = (0..dim)
                .map(|d| {
                    let mut e = vec![0.0f32; dim];
                    e[d] = 1.0;
                    e
                })
                .collect();
            for (m, key) in [
                (Metric::Dot, "values"),
                (Metric::Cosine, "cosine_normalized"),
            ] {
                let name = format!("g{seed:x}-{clusters}-{dim}-{m:?}");
                let mut create = common::synthetic(&name, dim as u32, m, seed, count, None);
                if let Some(
                    hotpath_core::proto::core_v1::create_collection_request::Source::Synthetic(s),
                ) = create.source.as_mut()
                {
                    s.clusters = clusters;
                }
                engine.create_collection(&create, &no_stop()).unwrap();
                let mut req = common::search(&name, basis.clone(), ids.len() as u32);
                req.filter = Some(IdFilter { ids: ids.clone() });
                let resp = engine.search(&req, &no_stop()).unwrap();
                for v in listed {
                    let id = v["id"].as_u64().unwrap();
                    let want = floats(&v[key]);
                    if key == "values" {
                        assert_eq!(generator.vector(id), want, "generator id {id}");
                    }
                    let stored: Vec<f32> = resp
                        .results
                        .iter()
                        .map(|n| n.hits.iter().find(|h| h.id == id).unwrap().score)
                        .collect();
                    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(
                        bits(&stored),
                        bits(&want),
                        "{name} id {id} ({})",
                        engine.kernel().name()
                    );
                }
            }
        }
    }
}
