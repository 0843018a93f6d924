//! Reads the shared test vectors of `interop-tests/vectors` (format in its README): floats are
//! IEEE-754 bit patterns in hex, so the expectations are bit-exact.

use std::env;
use std::path::PathBuf;

use gateway_interop_client::core_v1::{IdFilter, Metric, SyntheticSource, Vector};
use gateway_interop_client::gateway_v1::create_collection_request::Source;
use gateway_interop_client::gateway_v1::{CreateCollectionRequest, RerankRequest, SearchRequest};
use serde_json::Value;

use crate::common::Hit;

/// A Search case: the collection to create (unnamed), the request (no collection), the
/// expected hit lists, and how many shards the case's collection is one of.
pub(crate) struct SearchCase {
    pub(crate) name: String,
    pub(crate) collection: CreateCollectionRequest,
    pub(crate) request: SearchRequest,
    pub(crate) expected: Vec<Vec<Hit>>,
    pub(crate) shard_count: u64,
}

/// The error a Rerank case expects: gRPC code, ErrorInfo reason, BadRequest field paths.
#[derive(Debug)]
pub(crate) struct ExpectedError {
    pub(crate) code: i32,
    pub(crate) reason: String,
    pub(crate) fields: Vec<String>,
}

/// A Rerank case with either expected hit lists or an expected error.
pub(crate) struct RerankCase {
    pub(crate) name: String,
    pub(crate) request: RerankRequest,
    pub(crate) expected: Result<Vec<Vec<Hit>>, ExpectedError>,
}

pub(crate) fn search_cases() -> Vec<SearchCase> {
    cases("search.json")
        .iter()
        .map(|c| {
            let spec = &c["collection"];
            SearchCase {
                name: string(&c["name"]),
                collection: CreateCollectionRequest {
                    name: String::new(),
                    dim: number(&spec["dim"]) as u32,
                    metric: metric(&spec["metric"]),
                    source: Some(Source::Synthetic(SyntheticSource {
                        seed: u64::from_str_radix(&string(&spec["seed"]), 16).expect("hex seed"),
                        count: number(&spec["count"]),
                        clusters: number(&spec["clusters"]) as u32,
                    })),
                },
                request: SearchRequest {
                    collection: String::new(),
                    queries: c["queries"]
                        .as_array()
                        .expect("queries")
                        .iter()
                        .map(vector)
                        .collect(),
                    k: number(&c["k"]) as u32,
                    metric: Metric::Unspecified as i32,
                    filter: c.get("filter").map(|ids| IdFilter {
                        ids: ids.as_array().expect("filter").iter().map(number).collect(),
                    }),
                    allow_partial: false,
                },
                expected: hit_lists(&c["expected"]),
                shard_count: number(&spec["shard"]["count"]),
            }
        })
        .collect()
}

pub(crate) fn rerank_cases() -> Vec<RerankCase> {
    cases("rerank.json")
        .iter()
        .map(|c| {
            let expected = match c.get("expected_error") {
                Some(e) => Err(ExpectedError {
                    code: number(&e["code"]) as i32,
                    reason: string(&e["reason"]),
                    fields: e["fields"]
                        .as_array()
                        .expect("fields")
                        .iter()
                        .map(string)
                        .collect(),
                }),
                None => Ok(hit_lists(&c["expected"])),
            };
            RerankCase {
                name: string(&c["name"]),
                request: RerankRequest {
                    queries: c["queries"]
                        .as_array()
                        .expect("queries")
                        .iter()
                        .map(vector)
                        .collect(),
                    candidates: c["candidates"]
                        .as_array()
                        .expect("candidates")
                        .iter()
                        .map(vector)
                        .collect(),
                    candidate_ids: c["candidate_ids"]
                        .as_array()
                        .expect("ids")
                        .iter()
                        .map(number)
                        .collect(),
                    k: number(&c["k"]) as u32,
                    metric: metric(&c["metric"]),
                },
                expected,
            }
        })
        .collect()
}

/// `GATEWAY_VECTORS_DIR`, or the repository's `interop-tests/vectors`.
fn dir() -> PathBuf {
    env::var_os("GATEWAY_VECTORS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../interop-tests/vectors")
        })
}

fn cases(file: &str) -> Vec<Value> {
    let path = dir().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the shared vectors {}: {e}", path.display()));
    let root: Value = serde_json::from_str(&text).expect("shared vectors are JSON");
    root["data"]["cases"]
        .as_array()
        .expect("data.cases")
        .clone()
}

fn hit_lists(lists: &Value) -> Vec<Vec<Hit>> {
    lists
        .as_array()
        .expect("hit lists")
        .iter()
        .map(|list| {
            list.as_array()
                .expect("hit list")
                .iter()
                .map(|h| Hit {
                    id: number(&h["id"]),
                    score_bits: bits(&string(&h["score"])),
                })
                .collect()
        })
        .collect()
}

fn vector(hex: &Value) -> Vector {
    Vector {
        values: string(hex)
            .split(' ')
            .filter(|b| !b.is_empty())
            .map(|b| f32::from_bits(bits(b)))
            .collect(),
    }
}

fn bits(hex: &str) -> u32 {
    u32::from_str_radix(hex, 16).unwrap_or_else(|_| panic!("not a float bit pattern: {hex}"))
}

fn metric(name: &Value) -> i32 {
    let name = string(name);
    Metric::from_str_name(&name).unwrap_or_else(|| panic!("unknown metric {name}")) as i32
}

fn number(value: &Value) -> u64 {
    value
        .as_u64()
        .unwrap_or_else(|| panic!("not a number: {value}"))
}

fn string(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"))
        .to_owned()
}
