//! `hotpath-core`: the compute core of hybrid-gateway — exact top-k similarity search over
//! float32 vectors, in safe, synchronous Rust.
//!
//! The crate has no I/O surface of its own: `hotpath-ffi` (the C ABI loaded by the JVM) and
//! `hotpath-server` (the tonic gRPC server) both drive one [`Engine`], either through the typed
//! calls ([`Engine::search`], [`Engine::rerank`], ...), the byte-level [`Engine::call_bytes`]
//! (protobuf in, protobuf out), or the zero-copy fast paths ([`Engine::search_raw`],
//! [`Engine::rerank_raw`]). Every call takes a [`StopSignal`] (deadline + cancel flag) that the
//! scan polls at least every ~1 ms, and every failure is a [`CoreError`] that maps onto
//! `google.rpc.Status` ([`CoreError::to_status`]).
//!
//! ```
//! use std::sync::atomic::AtomicU32;
//! use hotpath_core::proto::core_v1::{CreateCollectionRequest, Metric, SearchRequest, SyntheticSource, Vector};
//! use hotpath_core::proto::core_v1::create_collection_request::Source;
//! use hotpath_core::{Engine, EngineConfig, StopSignal};
//!
//! let engine = Engine::new(EngineConfig::default());
//! let cancel = AtomicU32::new(0);
//! let stop = StopSignal::new(None, &cancel);
//! engine.create_collection(&CreateCollectionRequest {
//!     name: "demo".into(),
//!     dim: 4,
//!     metric: Metric::Dot as i32,
//!     shard: None,
//!     source: Some(Source::Synthetic(SyntheticSource { seed: 7, count: 1000, clusters: 0 })),
//! }, &stop).unwrap();
//! let response = engine.search(&SearchRequest {
//!     collection: "demo".into(),
//!     queries: vec![Vector { values: vec![0.5, -0.25, 1.0, 0.0] }],
//!     k: 3,
//!     metric: 0,
//!     filter: None,
//! }, &stop).unwrap();
//! assert_eq!(response.results[0].hits.len(), 3);
//! ```
#![deny(unsafe_code)]

mod budget;
mod call;
mod collection;
mod counters;
mod create;
mod engine;
mod error;
mod fvecs;
pub mod kernels;
mod method;
mod pool;
mod prng;
mod rerank;
mod scan;
mod search;
mod status;
mod stop;
pub mod synthetic;
mod topk;
mod upsert;
mod validate;

pub mod proto;

pub use counters::WorkCounters;
pub use engine::{Engine, EngineConfig, FALLBACK_MEMORY_BUDGET, default_memory_budget};
pub use error::{CoreError, FieldViolation};
pub use fvecs::write_fvecs;
pub use kernels::Kernel;
pub use method::Method;
pub use pool::{ComputePool, PoolFull};
pub use prng::SplitMix64;
pub use stop::StopSignal;

/// The `google.rpc.ErrorInfo.domain` of every error this core returns.
pub const ERROR_DOMAIN: &str = "core.hybridgateway.dev";
