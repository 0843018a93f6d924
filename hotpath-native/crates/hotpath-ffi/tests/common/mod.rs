//! Helpers shared by the integration tests. They call the `extern "C"` functions through the
//! rlib with raw pointers, exactly as C (or Panama FFM) would, and copy results out of the
//! Rust-owned buffers before freeing them.

// Each test binary compiles this module and uses a different subset of it.
#![allow(dead_code)]

use std::ptr;
use std::sync::atomic::AtomicU32;

use hotpath_core::proto::core_v1::create_collection_request::Source;
use hotpath_core::proto::core_v1::{
    CreateCollectionRequest, EngineStats, GetStatsRequest, Metric, SearchRequest, SyntheticSource,
    Vector,
};
use hotpath_core::proto::google_rpc::{BadRequest, DebugInfo, ErrorInfo, Status};
use hotpath_ffi::{
    HotpathBuffer, HotpathEngine, HotpathTiming, hotpath_buffer_free, hotpath_call,
    hotpath_engine_free, hotpath_engine_new, hotpath_rerank_f32, hotpath_search_f32,
};
use prost::Message;

/// Canonical gRPC codes used by the tests.
pub(crate) mod code {
    pub(crate) const OK: i32 = 0;
    pub(crate) const CANCELLED: i32 = 1;
    pub(crate) const INVALID_ARGUMENT: i32 = 3;
    pub(crate) const DEADLINE_EXCEEDED: i32 = 4;
    pub(crate) const NOT_FOUND: i32 = 5;
    pub(crate) const UNIMPLEMENTED: i32 = 12;
    pub(crate) const INTERNAL: i32 = 13;
}

/// Method ids of hotpath.proto.
pub(crate) mod method {
    pub(crate) const SEARCH: u32 = 1;
    pub(crate) const RERANK: u32 = 2;
    pub(crate) const CREATE_COLLECTION: u32 = 3;
    pub(crate) const GET_COLLECTION: u32 = 5;
    pub(crate) const LIST_COLLECTIONS: u32 = 7;
    pub(crate) const GET_STATS: u32 = 8;
    pub(crate) const DEBUG_PANIC: u32 = 1000;
}

/// "No deadline" for `budget_ns`.
pub(crate) const NO_DEADLINE: u64 = u64::MAX;

/// An engine created through `hotpath_engine_new` and freed on drop.
pub(crate) struct TestEngine {
    raw: *mut HotpathEngine,
}

// SAFETY: the engine behind the pointer is `Send + Sync` (the ABI allows calls from any number
// of threads at once); the wrapper only hands out the pointer and frees it once, on drop.
unsafe impl Send for TestEngine {}
// SAFETY: as above.
unsafe impl Sync for TestEngine {}

impl TestEngine {
    /// A new engine with the default memory budget, no data directory and `flags`.
    pub(crate) fn new(flags: u32) -> Self {
        // SAFETY: NULL/0 data_dir is allowed.
        let raw = unsafe { hotpath_engine_new(0, ptr::null(), 0, flags) };
        assert!(!raw.is_null(), "hotpath_engine_new failed");
        Self { raw }
    }

    /// The raw pointer, for calls the helpers below do not cover.
    pub(crate) fn raw(&self) -> *const HotpathEngine {
        self.raw
    }

    /// `hotpath_call` without deadline or cancel flag.
    pub(crate) fn call(&self, method: u32, request: &[u8]) -> (i32, Vec<u8>) {
        self.call_with(method, request, NO_DEADLINE, None)
    }

    /// `hotpath_call` with a budget and an optional cancel flag.
    pub(crate) fn call_with(
        &self,
        method: u32,
        request: &[u8],
        budget_ns: u64,
        cancel: Option<&AtomicU32>,
    ) -> (i32, Vec<u8>) {
        let mut out = HotpathBuffer {
            ptr: ptr::null_mut(),
            len: 0,
            cap: 0,
        };
        let cancel = cancel.map_or(ptr::null(), |flag| flag.as_ptr().cast_const());
        let traceparent = b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        // SAFETY: every pointer is valid for the stated length for the whole call; the cancel
        // flag is an atomic that outlives the call.
        let code = unsafe {
            hotpath_call(
                self.raw,
                method,
                request.as_ptr(),
                request.len(),
                budget_ns,
                cancel,
                traceparent.as_ptr(),
                traceparent.len(),
                &mut out,
            )
        };
        (code, take(&mut out))
    }

    /// Creates a synthetic collection and panics unless that succeeds.
    pub(crate) fn create_synthetic(&self, name: &str, dim: u32, metric: Metric, count: u64) {
        let request = CreateCollectionRequest {
            name: name.to_owned(),
            dim,
            metric: metric as i32,
            shard: None,
            source: Some(Source::Synthetic(SyntheticSource {
                seed: 42,
                count,
                clusters: 0,
            })),
        };
        let (code, body) = self.call(method::CREATE_COLLECTION, &request.encode_to_vec());
        assert_eq!(
            code,
            code::OK,
            "create {name}: {:?}",
            Status::decode(body.as_slice())
        );
    }

    /// The engine's counters (GetStats over the generic call).
    pub(crate) fn stats(&self) -> EngineStats {
        let (code, body) = self.call(method::GET_STATS, &GetStatsRequest {}.encode_to_vec());
        assert_eq!(code, code::OK);
        EngineStats::decode(body.as_slice()).expect("EngineStats")
    }

    /// `hotpath_search_f32` into freshly allocated outputs.
    pub(crate) fn search_f32(
        &self,
        collection: &str,
        queries: &[f32],
        dim: usize,
        k: u32,
        budget_ns: u64,
        cancel: Option<&AtomicU32>,
    ) -> FastResult {
        let n_queries = queries.len() / dim;
        let mut result = FastResult::with_slots(n_queries * k as usize);
        let cancel = cancel.map_or(ptr::null(), |flag| flag.as_ptr().cast_const());
        let mut status = HotpathBuffer {
            ptr: ptr::null_mut(),
            len: 0,
            cap: 0,
        };
        // SAFETY: inputs are valid slices of the stated lengths, outputs hold n_queries * k
        // slots each, the cancel flag outlives the call.
        result.code = unsafe {
            hotpath_search_f32(
                self.raw,
                collection.as_ptr(),
                collection.len(),
                queries.as_ptr(),
                n_queries,
                dim,
                k,
                budget_ns,
                cancel,
                result.ids.as_mut_ptr(),
                result.scores.as_mut_ptr(),
                &mut result.timing,
                &mut status,
            )
        };
        result.status = take(&mut status);
        result
    }

    /// `hotpath_rerank_f32` into freshly allocated outputs.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn rerank_f32(
        &self,
        metric: Metric,
        queries: &[f32],
        candidates: &[f32],
        candidate_ids: Option<&[u64]>,
        dim: usize,
        k: u32,
        budget_ns: u64,
    ) -> FastResult {
        let n_queries = queries.len() / dim;
        let mut result = FastResult::with_slots(n_queries * k as usize);
        let mut status = HotpathBuffer {
            ptr: ptr::null_mut(),
            len: 0,
            cap: 0,
        };
        // SAFETY: inputs are valid slices of the stated lengths, outputs hold n_queries * k
        // slots each.
        result.code = unsafe {
            hotpath_rerank_f32(
                self.raw,
                metric as u32,
                queries.as_ptr(),
                n_queries,
                candidates.as_ptr(),
                candidates.len() / dim,
                candidate_ids.map_or(ptr::null(), <[u64]>::as_ptr),
                dim,
                k,
                budget_ns,
                ptr::null(),
                result.ids.as_mut_ptr(),
                result.scores.as_mut_ptr(),
                &mut result.timing,
                &mut status,
            )
        };
        result.status = take(&mut status);
        result
    }
}

impl Drop for TestEngine {
    fn drop(&mut self) {
        // SAFETY: created by hotpath_engine_new, freed exactly once, no call in flight (we own it).
        unsafe { hotpath_engine_free(self.raw) };
    }
}

/// What a fast-path call returned.
#[derive(Debug)]
pub(crate) struct FastResult {
    pub(crate) code: i32,
    pub(crate) ids: Vec<u64>,
    pub(crate) scores: Vec<f32>,
    pub(crate) timing: HotpathTiming,
    /// Encoded Status on error, empty on OK.
    pub(crate) status: Vec<u8>,
}

impl FastResult {
    fn with_slots(slots: usize) -> Self {
        Self {
            code: -1,
            ids: vec![0; slots],
            scores: vec![0.0; slots],
            timing: HotpathTiming {
                queue_ns: 1,
                decode_ns: 1,
                compute_ns: 1,
                encode_ns: 1,
            },
            status: Vec::new(),
        }
    }
}

/// Copies the bytes out of a Rust-owned buffer and frees it (as the Java side does).
pub(crate) fn take(buffer: &mut HotpathBuffer) -> Vec<u8> {
    let bytes = if buffer.ptr.is_null() {
        Vec::new()
    } else {
        // SAFETY: a buffer filled by the library: `len` readable bytes at `ptr`.
        unsafe { std::slice::from_raw_parts(buffer.ptr, buffer.len) }.to_vec()
    };
    // SAFETY: the buffer is exactly as the library filled it (or zeroed), freed once.
    unsafe { hotpath_buffer_free(buffer) };
    assert!(
        buffer.ptr.is_null() && buffer.len == 0 && buffer.cap == 0,
        "free zeroes"
    );
    bytes
}

/// Decodes an encoded `google.rpc.Status`.
pub(crate) fn status(bytes: &[u8]) -> Status {
    Status::decode(bytes).expect("a decodable google.rpc.Status")
}

/// The detail of type `google.rpc.<name>` in `status`, decoded.
pub(crate) fn detail<M: Message + Default>(status: &Status, name: &str) -> Option<M> {
    let type_url = format!("type.googleapis.com/google.rpc.{name}");
    status
        .details
        .iter()
        .find(|any| any.type_url == type_url)
        .map(|any| M::decode(any.value.as_slice()).expect("decodable detail"))
}

/// The `ErrorInfo` of an encoded Status; panics when there is none.
pub(crate) fn error_info(status_bytes: &[u8]) -> ErrorInfo {
    detail(&status(status_bytes), "ErrorInfo").expect("Status carries ErrorInfo")
}

/// The `BadRequest` of an encoded Status, if any.
pub(crate) fn bad_request(status_bytes: &[u8]) -> Option<BadRequest> {
    detail(&status(status_bytes), "BadRequest")
}

/// The `DebugInfo` of an encoded Status, if any.
pub(crate) fn debug_info(status_bytes: &[u8]) -> Option<DebugInfo> {
    detail(&status(status_bytes), "DebugInfo")
}

/// `n` deterministic query vectors of `dim` values in [-1, 1), row-major.
pub(crate) fn queries(n: usize, dim: usize, seed: u64) -> Vec<f32> {
    let mut rng = hotpath_core::SplitMix64::new(seed);
    (0..n * dim).map(|_| rng.sym()).collect()
}

/// The same queries as protobuf `Vector`s.
pub(crate) fn vectors(flat: &[f32], dim: usize) -> Vec<Vector> {
    flat.chunks(dim)
        .map(|row| Vector {
            values: row.to_vec(),
        })
        .collect()
}

/// An encoded SearchRequest.
pub(crate) fn search_request(collection: &str, flat: &[f32], dim: usize, k: u32) -> Vec<u8> {
    SearchRequest {
        collection: collection.to_owned(),
        queries: vectors(flat, dim),
        k,
        metric: 0,
        filter: None,
    }
    .encode_to_vec()
}
