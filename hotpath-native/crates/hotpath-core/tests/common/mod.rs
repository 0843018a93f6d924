//! Helpers shared by the integration tests: a naive reference implementation of the canonical
//! arithmetic, written independently of the crate, and small request builders.
#![allow(dead_code, unreachable_pub)]

use std::sync::atomic::AtomicU32;

use hotpath_core::proto::core_v1::create_collection_request::Source;
use hotpath_core::proto::core_v1::{
    CreateCollectionRequest, Metric, SearchRequest, ShardSpec, SyntheticSource, Vector,
};
use hotpath_core::proto::google_rpc::{BadRequest, ErrorInfo, Status};
use hotpath_core::{CoreError, Engine, EngineConfig, Kernel, StopSignal};
use prost::Message;

/// A cancel flag that is never set.
pub static NEVER: AtomicU32 = AtomicU32::new(0);

/// A stop signal without deadline that is never cancelled.
pub fn no_stop() -> StopSignal<'static> {
    StopSignal::new(None, &NEVER)
}

/// The canonical reduction, written out long-hand.
fn reduce(acc: [f32; 16]) -> f32 {
    let s8: Vec<f32> = (0..8).map(|j| acc[j] + acc[j + 8]).collect();
    let s4: Vec<f32> = (0..4).map(|j| s8[j] + s8[j + 4]).collect();
    let s2: Vec<f32> = (0..2).map(|j| s4[j] + s4[j + 2]).collect();
    s2[0] + s2[1]
}

/// Reference dot product (DESIGN.md "Canonical arithmetic").
pub fn ref_dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 16];
    for i in 0..a.len() {
        acc[i % 16] += a[i] * b[i];
    }
    reduce(acc)
}

/// Reference squared L2 distance.
pub fn ref_l2(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 16];
    for i in 0..a.len() {
        let d = a[i] - b[i];
        acc[i % 16] += d * d;
    }
    reduce(acc)
}

/// Reference cosine preparation.
pub fn ref_normalize(v: &[f32]) -> Vec<f32> {
    let norm = ref_dot(v, v).sqrt();
    v.iter().map(|x| x / norm).collect()
}

/// Reference exact top-k: `(id, score)` best first, ties by smaller id, NaN last as 0x7FC00000.
pub fn ref_topk(
    metric: Metric,
    query: &[f32],
    rows: &[(u64, Vec<f32>)],
    k: usize,
) -> Vec<(u64, u32)> {
    let (query, higher_better) = match metric {
        Metric::Cosine => (ref_normalize(query), true),
        Metric::Dot => (query.to_vec(), true),
        _ => (query.to_vec(), false),
    };
    let mut scored: Vec<(u64, f32)> = rows
        .iter()
        .map(|(id, v)| {
            let s = match metric {
                Metric::L2 => ref_l2(&query, v),
                Metric::Cosine => ref_dot(&query, &ref_normalize(v)),
                _ => ref_dot(&query, v),
            };
            (
                *id,
                if s.is_nan() {
                    f32::from_bits(0x7FC0_0000)
                } else {
                    s
                },
            )
        })
        .collect();
    scored.sort_by(|a, b| {
        let by_score = match (a.1.is_nan(), b.1.is_nan()) {
            (true, true) => std::cmp::Ordering::Equal,
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            _ if higher_better => b.1.total_cmp(&a.1),
            _ => a.1.total_cmp(&b.1),
        };
        by_score.then(a.0.cmp(&b.0))
    });
    scored.truncate(k);
    scored
        .into_iter()
        .map(|(id, s)| (id, s.to_bits()))
        .collect()
}

/// One engine per available kernel (scalar first).
pub fn engines(config: impl Fn() -> EngineConfig) -> Vec<Engine> {
    Kernel::available()
        .into_iter()
        .map(|k| Engine::with_kernel(config(), k))
        .collect()
}

/// A synthetic collection request.
pub fn synthetic(
    name: &str,
    dim: u32,
    metric: Metric,
    seed: u64,
    count: u64,
    shard: Option<(u32, u32)>,
) -> CreateCollectionRequest {
    CreateCollectionRequest {
        name: name.into(),
        dim,
        metric: metric as i32,
        shard: shard.map(|(index, count)| ShardSpec { index, count }),
        source: Some(Source::Synthetic(SyntheticSource {
            seed,
            count,
            clusters: 0,
        })),
    }
}

/// A Search request without filter.
pub fn search(collection: &str, queries: Vec<Vec<f32>>, k: u32) -> SearchRequest {
    SearchRequest {
        collection: collection.into(),
        queries: queries
            .into_iter()
            .map(|values| Vector { values })
            .collect(),
        k,
        metric: 0,
        filter: None,
    }
}

/// Decoded view of an error's status: (code, ErrorInfo, BadRequest field paths).
pub struct Decoded {
    pub status: Status,
    pub info: Option<ErrorInfo>,
    pub fields: Vec<String>,
    pub type_urls: Vec<String>,
}

/// Decodes the encoded Status of `error` (debug off).
pub fn decode_status(error: &CoreError) -> Decoded {
    let status = Status::decode(error.encode_status(false).as_slice()).unwrap();
    let mut info = None;
    let mut fields = Vec::new();
    let mut type_urls = Vec::new();
    for any in &status.details {
        type_urls.push(any.type_url.clone());
        match any.type_url.as_str() {
            "type.googleapis.com/google.rpc.ErrorInfo" => {
                info = Some(ErrorInfo::decode(any.value.as_slice()).unwrap());
            }
            "type.googleapis.com/google.rpc.BadRequest" => {
                let bad = BadRequest::decode(any.value.as_slice()).unwrap();
                fields = bad.field_violations.into_iter().map(|v| v.field).collect();
            }
            _ => {}
        }
    }
    Decoded {
        status,
        info,
        fields,
        type_urls,
    }
}
