//! Writes the shared cross-language test vectors (JSON) into `interop-tests/vectors/`.
//!
//! ```text
//! cargo run -p hotpath-core --example generate_test_vectors            # default directory
//! cargo run -p hotpath-core --example generate_test_vectors -- OUT_DIR
//! ```
//!
//! Expected results come from the plain scalar reference in `tests/common/mod.rs` (a naive
//! transcription of DESIGN.md's canonical arithmetic), not from the engine; the test
//! `tests/interop_vectors.rs` then checks that the engine (every kernel) reproduces them.
//! The format is described in `interop-tests/vectors/README.md`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;

use common::{ref_normalize, ref_topk};
use hotpath_core::proto::core_v1::Metric;
use hotpath_core::synthetic::{Generator, shard_id, shard_len};
use hotpath_core::{CoreError, Engine, EngineConfig, SplitMix64};
use serde_json::{Value, json};

fn hex32(values: &[f32]) -> String {
    values
        .iter()
        .map(|x| format!("{:08x}", x.to_bits()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn hex64(x: u64) -> String {
    format!("{x:016x}")
}

fn metric_name(metric: Metric) -> &'static str {
    metric.as_str_name()
}

fn expected(metric: Metric, queries: &[Vec<f32>], rows: &[(u64, Vec<f32>)], k: usize) -> Value {
    Value::Array(
        queries
            .iter()
            .map(|q| {
                Value::Array(
                    ref_topk(metric, q, rows, k)
                        .into_iter()
                        .map(|(id, bits)| json!({ "id": id, "score": format!("{bits:08x}") }))
                        .collect(),
                )
            })
            .collect(),
    )
}

fn random_vectors(seed: u64, n: usize, dim: usize, scale: f32) -> Vec<Vec<f32>> {
    let mut rng = SplitMix64::new(seed);
    (0..n)
        .map(|_| (0..dim).map(|_| rng.sym() * scale).collect())
        .collect()
}

struct SearchCase {
    name: &'static str,
    seed: u64,
    count: u64,
    dim: usize,
    clusters: u32,
    metric: Metric,
    shard: (u32, u32),
    k: usize,
    queries: usize,
    filter: Option<Vec<u64>>,
}

fn search_case(c: &SearchCase) -> Value {
    let generator = Generator::new(c.seed, c.clusters, c.dim);
    let (index, shards) = c.shard;
    let held: Vec<u64> = (0..shard_len(c.count, index, shards))
        .map(|j| shard_id(j, index, shards))
        .collect();
    let rows: Vec<(u64, Vec<f32>)> = held
        .iter()
        .filter(|id| c.filter.as_ref().is_none_or(|f| f.contains(id)))
        .map(|&id| (id, generator.vector(id)))
        .collect();
    let queries = random_vectors(c.seed.wrapping_add(1), c.queries, c.dim, 1.0);
    let mut case = json!({
        "name": c.name,
        "collection": {
            "seed": hex64(c.seed),
            "count": c.count,
            "dim": c.dim,
            "clusters": c.clusters,
            "metric": metric_name(c.metric),
            "shard": { "index": index, "count": shards },
        },
        "k": c.k,
        "queries": queries.iter().map(|q| hex32(q)).collect::<Vec<_>>(),
        "expected": expected(c.metric, &queries, &rows, c.k),
    });
    if let Some(filter) = &c.filter {
        case["filter"] = json!(filter);
    }
    case
}

fn search_cases() -> Value {
    let cases = [
        SearchCase {
            name: "dot_dim16",
            seed: 42,
            count: 1000,
            dim: 16,
            clusters: 0,
            metric: Metric::Dot,
            shard: (0, 1),
            k: 10,
            queries: 3,
            filter: None,
        },
        SearchCase {
            name: "l2_dim384",
            seed: 7,
            count: 2000,
            dim: 384,
            clusters: 8,
            metric: Metric::L2,
            shard: (0, 1),
            k: 5,
            queries: 2,
            filter: None,
        },
        SearchCase {
            name: "cosine_dim100",
            seed: 1234,
            count: 1500,
            dim: 100,
            clusters: 0,
            metric: Metric::Cosine,
            shard: (0, 1),
            k: 20,
            queries: 2,
            filter: None,
        },
        SearchCase {
            name: "dot_dim16_shard1of3",
            seed: 42,
            count: 1000,
            dim: 16,
            clusters: 0,
            metric: Metric::Dot,
            shard: (1, 3),
            k: 10,
            queries: 3,
            filter: None,
        },
        SearchCase {
            name: "l2_dim33_filter",
            seed: 9,
            count: 500,
            dim: 33,
            clusters: 5,
            metric: Metric::L2,
            shard: (0, 1),
            k: 3,
            queries: 2,
            filter: Some(vec![5, 17, 499, 1000, 17, 250]),
        },
        SearchCase {
            name: "dot_dim1_k_above_count",
            seed: 3,
            count: 5,
            dim: 1,
            clusters: 2,
            metric: Metric::Dot,
            shard: (0, 1),
            k: 10,
            queries: 2,
            filter: None,
        },
        SearchCase {
            name: "cosine_dim7_max_seed_4096_clusters",
            seed: u64::MAX,
            count: 300,
            dim: 7,
            clusters: 4096,
            metric: Metric::Cosine,
            shard: (2, 4),
            k: 8,
            queries: 2,
            filter: None,
        },
    ];
    json!({ "cases": cases.iter().map(search_case).collect::<Vec<_>>() })
}

struct RerankCase {
    name: &'static str,
    metric: Metric,
    k: usize,
    queries: Vec<Vec<f32>>,
    candidates: Vec<Vec<f32>>,
    ids: Vec<u64>,
}

fn rerank_case(engine: &Engine, c: RerankCase) -> Value {
    let rows: Vec<(u64, Vec<f32>)> = c
        .candidates
        .iter()
        .enumerate()
        .map(|(j, v)| {
            (
                if c.ids.is_empty() { j as u64 } else { c.ids[j] },
                v.clone(),
            )
        })
        .collect();
    let mut case = json!({
        "name": c.name,
        "metric": metric_name(c.metric),
        "k": c.k,
        "queries": c.queries.iter().map(|q| hex32(q)).collect::<Vec<_>>(),
        "candidates": c.candidates.iter().map(|v| hex32(v)).collect::<Vec<_>>(),
        "candidate_ids": c.ids,
    });
    // Error cases: the engine's answer is recorded (the reference has no validation).
    let req = hotpath_core::proto::core_v1::RerankRequest {
        queries: c
            .queries
            .iter()
            .map(|v| hotpath_core::proto::core_v1::Vector { values: v.clone() })
            .collect(),
        candidates: c
            .candidates
            .iter()
            .map(|v| hotpath_core::proto::core_v1::Vector { values: v.clone() })
            .collect(),
        candidate_ids: c.ids.clone(),
        k: c.k as u32,
        metric: c.metric as i32,
    };
    match engine.rerank(&req, &common::no_stop()) {
        Ok(_) => case["expected"] = expected(c.metric, &c.queries, &rows, c.k),
        Err(err) => case["expected_error"] = error_json(&err),
    }
    case
}

fn error_json(err: &CoreError) -> Value {
    let fields = match err {
        CoreError::InvalidArgument { violations, .. } => {
            violations.iter().map(|v| v.field.clone()).collect()
        }
        _ => Vec::new(),
    };
    json!({ "code": err.code(), "reason": err.reason().as_str_name(), "fields": fields })
}

fn rerank_cases() -> Value {
    let engine = Engine::new(EngineConfig::default());
    let max = f32::MAX;
    let sub = f32::from_bits(1); // smallest subnormal, 1.4e-45
    let sub_big = f32::from_bits(0x007F_FFFF); // largest subnormal
    let specials = vec![
        vec![-0.0, 0.0, 1.0],
        vec![sub, -sub, sub_big],
        vec![f32::MIN_POSITIVE, 1.0e-20, -1.0e-20],
        vec![max, 0.0, 0.0],
        vec![-max, 1.0, 0.0],
        vec![max, -max, 0.0],
        vec![1.0e19, 1.0e19, 1.0e19],
        vec![3.0, -2.0, 0.5],
    ];
    let cases = vec![
        RerankCase {
            name: "dot_with_ids",
            metric: Metric::Dot,
            k: 4,
            queries: random_vectors(1, 2, 24, 1.0),
            candidates: random_vectors(2, 9, 24, 1.0),
            ids: vec![900, 12, 7, 44, 3, 81, 1000, 5, 60],
        },
        RerankCase {
            name: "l2_dim1",
            metric: Metric::L2,
            k: 3,
            queries: random_vectors(3, 1, 1, 5.0),
            candidates: random_vectors(4, 6, 1, 5.0),
            ids: vec![],
        },
        RerankCase {
            name: "cosine_dim17",
            metric: Metric::Cosine,
            k: 5,
            queries: random_vectors(5, 3, 17, 2.0),
            candidates: random_vectors(6, 12, 17, 2.0),
            ids: vec![],
        },
        RerankCase {
            name: "l2_dim384",
            metric: Metric::L2,
            k: 6,
            queries: random_vectors(7, 2, 384, 1.0),
            candidates: random_vectors(8, 16, 384, 1.0),
            ids: vec![],
        },
        RerankCase {
            name: "dot_ties_by_smaller_id",
            metric: Metric::Dot,
            k: 4,
            queries: vec![vec![1.0, 1.0]],
            candidates: vec![
                vec![0.5, 0.5],
                vec![1.0, 0.0],
                vec![0.0, 1.0],
                vec![0.25, 0.75],
                vec![2.0, -1.0],
                vec![0.0, -0.0],
            ],
            ids: vec![50, 40, 30, 20, 10, 0],
        },
        RerankCase {
            name: "dot_special_floats_overflow_to_inf_and_nan",
            metric: Metric::Dot,
            k: 8,
            queries: vec![vec![max, max, 1.0], vec![sub, -0.0, 1.0e-30]],
            candidates: specials.clone(),
            ids: vec![],
        },
        RerankCase {
            name: "l2_special_floats",
            metric: Metric::L2,
            k: 8,
            queries: vec![vec![max, -max, 0.0], vec![-0.0, sub, 0.0]],
            candidates: specials.clone(),
            ids: vec![],
        },
        RerankCase {
            name: "cosine_subnormal_and_tiny_inputs",
            metric: Metric::Cosine,
            k: 3,
            queries: vec![vec![1.0e-19, 2.0e-19, 0.0]],
            candidates: vec![
                vec![1.0e-19, 0.0, 1.0e-19],
                vec![3.0, 4.0, 0.0],
                vec![-1.0e18, 1.0e18, 0.0],
            ],
            ids: vec![],
        },
        RerankCase {
            name: "error_cosine_zero_candidate",
            metric: Metric::Cosine,
            k: 1,
            queries: vec![vec![1.0, 0.0]],
            candidates: vec![vec![1.0, 1.0], vec![0.0, -0.0]],
            ids: vec![],
        },
        RerankCase {
            name: "error_cosine_squared_norm_underflows",
            metric: Metric::Cosine,
            k: 1,
            queries: vec![vec![sub, sub]],
            candidates: vec![vec![1.0, 1.0]],
            ids: vec![],
        },
        RerankCase {
            name: "error_cosine_squared_norm_overflows",
            metric: Metric::Cosine,
            k: 1,
            queries: vec![vec![1.0, 0.0]],
            candidates: vec![vec![max, 0.0]],
            ids: vec![],
        },
        RerankCase {
            name: "error_non_finite_query",
            metric: Metric::Dot,
            k: 1,
            queries: vec![vec![1.0, f32::NAN], vec![f32::INFINITY, 0.0]],
            candidates: vec![vec![1.0, 1.0]],
            ids: vec![],
        },
        RerankCase {
            name: "error_dimension_mismatch",
            metric: Metric::L2,
            k: 1,
            queries: vec![vec![1.0, 0.0]],
            candidates: vec![vec![1.0, 1.0], vec![1.0, 2.0, 3.0]],
            ids: vec![],
        },
    ];
    json!({ "cases": cases.into_iter().map(|c| rerank_case(&engine, c)).collect::<Vec<_>>() })
}

fn synthetic_cases() -> Value {
    let splitmix: Vec<Value> = [0u64, 1, 42, u64::MAX]
        .into_iter()
        .map(|seed| {
            let mut rng = SplitMix64::new(seed);
            let outputs: Vec<String> = (0..5).map(|_| hex64(rng.next_u64())).collect();
            let mut rng = SplitMix64::new(seed);
            let units: Vec<f32> = (0..5).map(|_| rng.unit()).collect();
            json!({ "seed": hex64(seed), "next_u64": outputs, "unit": hex32(&units) })
        })
        .collect();
    let vectors: Vec<Value> = [(42u64, 0u32, 16usize), (7, 8, 384), (1234, 0, 100), (u64::MAX, 4096, 7)]
        .into_iter()
        .map(|(seed, clusters, dim)| {
            let g = Generator::new(seed, clusters, dim);
            let ids = [0u64, 1, 2, 3, 4, 999];
            json!({
                "seed": hex64(seed),
                "clusters": clusters,
                "dim": dim,
                "vectors": ids.iter().map(|&id| {
                    let v = g.vector(id);
                    json!({ "id": id, "values": hex32(&v), "cosine_normalized": hex32(&ref_normalize(&v)) })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "splitmix64": splitmix, "generators": vectors })
}

fn main() -> std::io::Result<()> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../interop-tests/vectors")
        });
    std::fs::create_dir_all(&dir)?;
    for (file, value) in [
        ("synthetic.json", synthetic_cases()),
        ("search.json", search_cases()),
        ("rerank.json", rerank_cases()),
    ] {
        let mut text = serde_json::to_string_pretty(&json!({
            "format": 1,
            "generator": "cargo run -p hotpath-core --example generate_test_vectors",
            "data": value,
        }))
        .expect("JSON");
        text.push('\n');
        let path = dir.join(file);
        std::fs::write(&path, text)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
