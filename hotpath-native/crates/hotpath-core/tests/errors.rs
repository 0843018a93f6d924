//! Every error condition: its canonical code, its ErrorInfo reason and domain, and its details
//! (BadRequest field paths, ResourceInfo, QuotaFailure, RetryInfo, DebugInfo).

mod common;

use std::sync::atomic::AtomicU32;
use std::time::{Duration, Instant};

use common::{decode_status, no_stop, search, synthetic};
use hotpath_core::proto::core_v1::create_collection_request::Source;
use hotpath_core::proto::core_v1::{
    CreateCollectionRequest, IdFilter, Metric, RerankRequest, ShardSpec, SyntheticSource,
    UpsertVectorsRequest, Vector,
};
use hotpath_core::proto::google_rpc::{DebugInfo, QuotaFailure, ResourceInfo, RetryInfo};
use hotpath_core::{CoreError, ERROR_DOMAIN, Engine, EngineConfig, Method, StopSignal};
use prost::Message;

fn engine() -> Engine {
    let engine = Engine::new(EngineConfig::default());
    engine
        .create_collection(&synthetic("c4", 4, Metric::Dot, 1, 100, None), &no_stop())
        .unwrap();
    engine
        .create_collection(
            &synthetic("cos", 4, Metric::Cosine, 1, 10, None),
            &no_stop(),
        )
        .unwrap();
    engine
        .create_collection(
            &synthetic("sharded", 4, Metric::L2, 1, 100, Some((1, 4))),
            &no_stop(),
        )
        .unwrap();
    engine
}

fn v(values: &[f32]) -> Vector {
    Vector {
        values: values.to_vec(),
    }
}

/// Asserts an INVALID_ARGUMENT with `reason` and exactly these BadRequest field paths.
#[track_caller]
fn assert_invalid(result: Result<impl std::fmt::Debug, CoreError>, reason: &str, fields: &[&str]) {
    let err = result.unwrap_err();
    let d = decode_status(&err);
    assert_eq!(d.status.code, 3, "{err:?}");
    let info = d.info.expect("ErrorInfo");
    assert_eq!(info.reason, reason, "{err:?}");
    assert_eq!(info.domain, ERROR_DOMAIN);
    assert_eq!(d.fields, fields, "{err:?}");
    assert_eq!(
        d.type_urls,
        vec![
            "type.googleapis.com/google.rpc.ErrorInfo",
            "type.googleapis.com/google.rpc.BadRequest"
        ]
    );
}

#[test]
fn search_field_violations() {
    let e = engine();
    let ok = || search("c4", vec![vec![1.0, 2.0, 3.0, 4.0]], 3);
    let s = no_stop();

    assert_invalid(
        e.search(&search("", vec![vec![1.0; 4]], 1), &s),
        "INVALID_FIELD",
        &["collection"],
    );
    assert_invalid(
        e.search(&search("a/b", vec![vec![1.0; 4]], 1), &s),
        "INVALID_FIELD",
        &["collection"],
    );
    assert_invalid(
        e.search(&search("c4", vec![], 1), &s),
        "INVALID_FIELD",
        &["queries"],
    );
    assert_invalid(
        e.search(&search("c4", vec![vec![1.0; 4]; 1025], 1), &s),
        "INVALID_FIELD",
        &["queries"],
    );
    assert_invalid(
        e.search(&search("c4", vec![vec![1.0; 4], vec![]], 1), &s),
        "INVALID_FIELD",
        &["queries[1].values"],
    );
    assert_invalid(
        e.search(
            &search("c4", vec![vec![1.0; 4], vec![1.0, 2.0, f32::NAN, 4.0]], 1),
            &s,
        ),
        "NON_FINITE_VALUE",
        &["queries[1].values[2]"],
    );
    assert_invalid(
        e.search(&search("c4", vec![vec![f32::NEG_INFINITY; 4]], 0), &s),
        "NON_FINITE_VALUE",
        &["queries[0].values[0]", "k"],
    );
    assert_invalid(
        e.search(&search("c4", vec![vec![1.0; 4]], 0), &s),
        "INVALID_FIELD",
        &["k"],
    );
    assert_invalid(
        e.search(&search("c4", vec![vec![1.0; 4]], 1001), &s),
        "INVALID_FIELD",
        &["k"],
    );
    let mut r = ok();
    r.metric = 7;
    assert_invalid(e.search(&r, &s), "INVALID_FIELD", &["metric"]);
    let mut r = ok();
    r.metric = Metric::L2 as i32;
    assert_invalid(e.search(&r, &s), "INVALID_FIELD", &["metric"]);
    let mut r = ok();
    r.filter = Some(IdFilter { ids: vec![] });
    assert_invalid(e.search(&r, &s), "INVALID_FIELD", &["filter.ids"]);
    assert_invalid(
        e.search(
            &search("c4", vec![vec![1.0; 4], vec![1.0; 3], vec![1.0; 5]], 1),
            &s,
        ),
        "DIMENSION_MISMATCH",
        &["queries[1].values", "queries[2].values"],
    );
    assert_invalid(
        e.search(&search("cos", vec![vec![0.0; 4]], 1), &s),
        "INVALID_FIELD",
        &["queries[0].values"],
    );
    assert!(e.search(&ok(), &s).is_ok());
}

#[test]
fn at_most_ten_violations_travel() {
    let e = engine();
    let err = e
        .search(&search("c4", vec![vec![f32::NAN; 4]; 30], 1), &no_stop())
        .unwrap_err();
    let d = decode_status(&err);
    assert_eq!(d.fields.len(), 10);
    assert_eq!(d.fields[9], "queries[9].values[0]");
    let details: usize = d
        .status
        .details
        .iter()
        .map(|a| a.value.len() + a.type_url.len())
        .sum();
    assert!(details < 2048, "{details}");
}

#[test]
fn rerank_field_violations() {
    let e = engine();
    let s = no_stop();
    let base = || RerankRequest {
        queries: vec![v(&[1.0, 2.0])],
        candidates: vec![v(&[1.0, 0.0]), v(&[0.0, 1.0])],
        candidate_ids: vec![],
        k: 2,
        metric: Metric::Dot as i32,
    };
    assert!(e.rerank(&base(), &s).is_ok());
    let mut r = base();
    r.queries = vec![v(&[1.0, 2.0]); 65];
    assert_invalid(e.rerank(&r, &s), "INVALID_FIELD", &["queries"]);
    let mut r = base();
    r.candidates.clear();
    assert_invalid(e.rerank(&r, &s), "INVALID_FIELD", &["candidates"]);
    let mut r = base();
    r.candidate_ids = vec![1];
    assert_invalid(e.rerank(&r, &s), "INVALID_FIELD", &["candidate_ids"]);
    let mut r = base();
    r.metric = 0;
    assert_invalid(e.rerank(&r, &s), "INVALID_FIELD", &["metric"]);
    let mut r = base();
    r.k = 0;
    assert_invalid(e.rerank(&r, &s), "INVALID_FIELD", &["k"]);
    let mut r = base();
    r.candidates[1] = v(&[0.0, 1.0, 2.0]);
    assert_invalid(
        e.rerank(&r, &s),
        "DIMENSION_MISMATCH",
        &["candidates[1].values"],
    );
    let mut r = base();
    r.candidates[0] = v(&[f32::INFINITY, 1.0]);
    assert_invalid(
        e.rerank(&r, &s),
        "NON_FINITE_VALUE",
        &["candidates[0].values[0]"],
    );
    let mut r = base();
    r.metric = Metric::Cosine as i32;
    r.candidates[1] = v(&[0.0, 0.0]);
    assert_invalid(e.rerank(&r, &s), "INVALID_FIELD", &["candidates[1].values"]);
}

#[test]
fn create_field_violations() {
    let e = engine();
    let s = no_stop();
    let base = || synthetic("new", 8, Metric::Dot, 1, 10, None);
    let mut r = base();
    r.name = "bad name".into();
    assert_invalid(e.create_collection(&r, &s), "INVALID_FIELD", &["name"]);
    for dim in [0, 4097] {
        let mut r = base();
        r.dim = dim;
        assert_invalid(e.create_collection(&r, &s), "INVALID_FIELD", &["dim"]);
    }
    for metric in [0, 4] {
        let mut r = base();
        r.metric = metric;
        assert_invalid(e.create_collection(&r, &s), "INVALID_FIELD", &["metric"]);
    }
    let mut r = base();
    r.shard = Some(ShardSpec {
        index: 0,
        count: 1025,
    });
    assert_invalid(
        e.create_collection(&r, &s),
        "INVALID_FIELD",
        &["shard.count"],
    );
    let mut r = base();
    r.shard = Some(ShardSpec { index: 3, count: 3 });
    assert_invalid(
        e.create_collection(&r, &s),
        "INVALID_FIELD",
        &["shard.index"],
    );
    let mut r = base();
    r.source = Some(Source::Synthetic(SyntheticSource {
        seed: 1,
        count: 100_000_001,
        clusters: 4097,
    }));
    assert_invalid(
        e.create_collection(&r, &s),
        "INVALID_FIELD",
        &["synthetic.count", "synthetic.clusters"],
    );
}

#[test]
fn upsert_field_violations() {
    let e = engine();
    let s = no_stop();
    let up = |collection: &str, ids: Vec<u64>, vectors: Vec<Vector>| UpsertVectorsRequest {
        collection: collection.into(),
        ids,
        vectors,
    };
    assert_invalid(
        e.upsert_vectors(&up("c4", vec![], vec![v(&[1.0; 4])]), &s),
        "INVALID_FIELD",
        &["ids"],
    );
    assert_invalid(
        e.upsert_vectors(&up("c4", vec![1, 2], vec![v(&[1.0; 4])]), &s),
        "INVALID_FIELD",
        &["vectors"],
    );
    assert_invalid(
        e.upsert_vectors(&up("c4", vec![1], vec![v(&[1.0; 3])]), &s),
        "DIMENSION_MISMATCH",
        &["vectors[0].values"],
    );
    assert_invalid(
        e.upsert_vectors(
            &up("sharded", vec![5, 6], vec![v(&[1.0; 4]), v(&[1.0; 4])]),
            &s,
        ),
        "INVALID_FIELD",
        &["ids[1]"],
    );
    assert_invalid(
        e.upsert_vectors(&up("cos", vec![1], vec![v(&[0.0; 4])]), &s),
        "INVALID_FIELD",
        &["vectors[0].values"],
    );
    assert_invalid(
        e.upsert_vectors(&up("c4", vec![1], vec![v(&[1.0, f32::NAN, 0.0, 0.0])]), &s),
        "NON_FINITE_VALUE",
        &["vectors[0].values[1]"],
    );
    // Nothing was written by the refused upserts.
    assert_eq!(
        e.get_collection(&hotpath_core::proto::core_v1::GetCollectionRequest { name: "c4".into() })
            .unwrap()
            .count,
        100
    );
}

#[test]
fn not_found_and_already_exists_carry_resource_info() {
    let e = engine();
    for (err, code, reason) in [
        (
            e.search(&search("nope", vec![vec![1.0; 4]], 1), &no_stop())
                .unwrap_err(),
            5,
            "COLLECTION_NOT_FOUND",
        ),
        (
            e.create_collection(&synthetic("c4", 4, Metric::Dot, 1, 1, None), &no_stop())
                .unwrap_err(),
            6,
            "COLLECTION_ALREADY_EXISTS",
        ),
    ] {
        let d = decode_status(&err);
        assert_eq!(d.status.code, code);
        assert_eq!(d.info.unwrap().reason, reason);
        let any = d
            .status
            .details
            .iter()
            .find(|a| a.type_url.ends_with("google.rpc.ResourceInfo"))
            .unwrap();
        let info = ResourceInfo::decode(any.value.as_slice()).unwrap();
        assert_eq!(info.resource_type, "hybrid.core.v1.Collection");
        assert!(info.resource_name == "nope" || info.resource_name == "c4");
    }
}

#[test]
fn memory_budget_is_resource_exhausted_with_quota_failure() {
    let e = Engine::new(EngineConfig {
        memory_budget_bytes: 10_000,
        ..Default::default()
    });
    let err = e
        .create_collection(
            &synthetic("big", 100, Metric::Dot, 1, 1000, None),
            &no_stop(),
        )
        .unwrap_err();
    assert_eq!(
        err,
        CoreError::MemoryBudgetExceeded {
            requested: 1000 * 408,
            available: 10_000,
            budget: 10_000
        }
    );
    let d = decode_status(&err);
    assert_eq!(d.status.code, 8);
    assert_eq!(d.info.unwrap().reason, "MEMORY_BUDGET_EXCEEDED");
    let any = d
        .status
        .details
        .iter()
        .find(|a| a.type_url.ends_with("google.rpc.QuotaFailure"))
        .unwrap();
    let quota = QuotaFailure::decode(any.value.as_slice()).unwrap();
    assert_eq!(quota.violations.len(), 1);
    assert_eq!(quota.violations[0].quota_value, 10_000);
    assert!(quota.violations[0].description.contains("408000"));

    // An upsert that grows past the budget is refused the same way and writes nothing.
    // 20 × (10 × 4 + 8) bytes, plus 16 × 10 × 4 bytes of centroids while generating.
    e.create_collection(
        &synthetic("small", 10, Metric::Dot, 1, 20, None),
        &no_stop(),
    )
    .unwrap();
    let ids: Vec<u64> = (100..400).collect();
    let err = e
        .upsert_vectors(
            &UpsertVectorsRequest {
                collection: "small".into(),
                ids: ids.clone(),
                vectors: ids.iter().map(|_| v(&[0.5; 10])).collect(),
            },
            &no_stop(),
        )
        .unwrap_err();
    assert_eq!(err.code(), 8);
    assert_eq!(
        e.get_collection(&hotpath_core::proto::core_v1::GetCollectionRequest {
            name: "small".into()
        })
        .unwrap()
        .count,
        20
    );
}

#[test]
fn overloaded_is_unavailable_with_retry_info() {
    let err = CoreError::Overloaded {
        retry_after: Duration::from_millis(250),
    };
    let d = decode_status(&err);
    assert_eq!(d.status.code, 14);
    assert_eq!(d.info.unwrap().reason, "OVERLOADED");
    let any = d
        .status
        .details
        .iter()
        .find(|a| a.type_url.ends_with("google.rpc.RetryInfo"))
        .unwrap();
    let retry = RetryInfo::decode(any.value.as_slice())
        .unwrap()
        .retry_delay
        .unwrap();
    assert_eq!((retry.seconds, retry.nanos), (0, 250_000_000));
}

#[test]
fn passed_deadline_and_cancellation() {
    let e = engine();
    let flag = AtomicU32::new(0);
    let past = StopSignal::new(Some(Instant::now() - Duration::from_millis(1)), &flag);
    let err = e
        .search(&search("c4", vec![vec![1.0; 4]], 1), &past)
        .unwrap_err();
    assert_eq!(err, CoreError::DeadlineExceeded);
    let d = decode_status(&err);
    assert_eq!(d.status.code, 4);
    let info = d.info.unwrap();
    assert_eq!(info.reason, "DEADLINE_EXCEEDED");
    assert_eq!(info.metadata["stage"], "core");

    let cancelled_flag = AtomicU32::new(1);
    let cancelled = StopSignal::new(None, &cancelled_flag);
    let err = e
        .search(&search("c4", vec![vec![1.0; 4]], 1), &cancelled)
        .unwrap_err();
    assert_eq!(err, CoreError::Cancelled);
    let d = decode_status(&err);
    assert_eq!(d.status.code, 1);
    assert!(d.status.details.is_empty());

    let stats = e.stats();
    assert_eq!(
        (stats.stopped_by_deadline, stats.stopped_by_cancellation),
        (1, 1)
    );
    assert_eq!(stats.requests_started, stats.requests_completed + 2);
}

#[test]
fn internal_has_debug_info_only_in_debug_mode() {
    let err = CoreError::Internal {
        message: "core bug".into(),
        debug_detail: Some("panicked at x.rs:1".into()),
    };
    assert_eq!(err.code(), 13);
    assert_eq!(decode_status(&err).info.unwrap().reason, "INTERNAL_ERROR");
    assert!(
        !decode_status(&err)
            .type_urls
            .iter()
            .any(|t| t.ends_with("DebugInfo"))
    );
    let status = err.to_status(true);
    let any = status
        .details
        .iter()
        .find(|a| a.type_url.ends_with("google.rpc.DebugInfo"))
        .unwrap();
    assert_eq!(
        DebugInfo::decode(any.value.as_slice()).unwrap().detail,
        "panicked at x.rs:1"
    );
}

#[test]
fn unknown_method_is_unimplemented() {
    let err = Method::try_from(99).unwrap_err();
    let d = decode_status(&err);
    assert_eq!(d.status.code, 12);
    let info = d.info.unwrap();
    assert_eq!(info.reason, "UNKNOWN_METHOD");
    assert_eq!(info.metadata["method_id"], "99");
}

#[test]
fn malformed_request_bytes() {
    let e = engine();
    let err = e
        .call_bytes(Method::Search, &[0xFF, 0xFF, 0xFF], &no_stop())
        .unwrap_err();
    assert!(matches!(err, CoreError::MalformedRequest { .. }));
    let d = decode_status(&err);
    assert_eq!(d.status.code, 3);
    assert_eq!(d.info.unwrap().reason, "MALFORMED_REQUEST");
}

#[test]
fn get_and_delete_name_rules() {
    let e = engine();
    let long = "x".repeat(129);
    assert_invalid(
        e.get_collection(&hotpath_core::proto::core_v1::GetCollectionRequest {
            name: long.clone(),
        }),
        "INVALID_FIELD",
        &["name"],
    );
    assert_invalid(
        e.delete_collection(&hotpath_core::proto::core_v1::DeleteCollectionRequest {
            name: String::new(),
        }),
        "INVALID_FIELD",
        &["name"],
    );
    let unused = CreateCollectionRequest {
        name: "x".into(),
        dim: 1,
        metric: 1,
        shard: None,
        source: None,
    };
    assert!(e.create_collection(&unused, &no_stop()).is_ok());
}
