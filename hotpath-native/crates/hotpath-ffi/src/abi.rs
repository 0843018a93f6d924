//! The C surface: every exported type, constant and function, in the order of the header.
//!
//! Each function is a thin shell: it captures the entry time, runs the real work from `call`,
//! `fast` or `buffer` inside `boundary::entry` (the last-resort `catch_unwind`), and returns.
//! Pointer rules shared by every function:
//!
//! * a `(pointer, length)` pair may have a NULL pointer only when its length is 0;
//! * every pointer must be aligned for its element type; a misaligned or NULL pointer where one
//!   is required, or a length whose byte size overflows, is answered with `INVALID_ARGUMENT`;
//! * the memory a pointer designates must stay valid, and must not be written by anyone else,
//!   for the duration of the call (the cancel flag excepted: it is read atomically).

use std::time::Instant;

use hotpath_core::Engine;

use crate::{boundary, buffer, call, fast};

/// Version of this C ABI. Bumped on any incompatible change to a signature, a struct layout or
/// the meaning of an argument; callers compare it with `hotpath_abi_version()` once at load.
pub const HOTPATH_ABI_VERSION: u32 = 1;

/// `hotpath_engine_new` flag: put `google.rpc.DebugInfo` (the panic message) into INTERNAL errors.
pub const HOTPATH_FLAG_DEBUG: u32 = 1;

/// `hotpath_engine_new` flag: enable test hooks, i.e. method 1000 panics on purpose so tests can
/// prove the panic boundary. Never set in production.
pub const HOTPATH_FLAG_TEST_HOOKS: u32 = 2;

/// An engine: collections, memory budget and work counters. Opaque to C.
///
/// Created by `hotpath_engine_new`, destroyed by `hotpath_engine_free`. Thread-safe: any number
/// of threads may call into one engine at the same time.
pub struct HotpathEngine {
    pub(crate) engine: Engine,
}

/// Bytes owned by Rust and lent to the caller: a response, or an encoded `google.rpc.Status`.
///
/// The caller reads `len` bytes at `ptr` and gives the buffer back exactly once with
/// `hotpath_buffer_free`, which frees it and zeroes the struct. An empty buffer is all zeros
/// (`ptr` NULL, `len` 0, `cap` 0) and needs no freeing (freeing it is a no-op). `cap` is for the
/// allocator only: never change any field.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HotpathBuffer {
    /// First byte, or NULL for an empty buffer.
    pub ptr: *mut u8,
    /// Number of bytes to read at `ptr`.
    pub len: usize,
    /// Size of the allocation; needed to free it.
    pub cap: usize,
}

/// The core's own timing of one fast-path call, in nanoseconds (`hybrid.core.v1.CoreTiming`).
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HotpathTiming {
    /// Waiting for a compute thread: always 0 over FFI (the caller's thread runs the call).
    pub queue_ns: u64,
    /// Decoding the request: 0 on the fast paths (there is nothing to decode).
    pub decode_ns: u64,
    /// Validation plus the scan.
    pub compute_ns: u64,
    /// Encoding the response: 0 on the fast paths (results are written in place).
    pub encode_ns: u64,
}

/// Returns `HOTPATH_ABI_VERSION` of the loaded library. Never fails.
#[unsafe(no_mangle)]
pub extern "C" fn hotpath_abi_version() -> u32 {
    boundary::entry(0, || HOTPATH_ABI_VERSION)
}

/// Creates an engine.
///
/// `memory_budget_bytes`: bytes that collections may hold; 0 selects the engine default.
/// `data_dir`/`data_dir_len`: directory (bytes of a path, not NUL-terminated) under which
/// `FileSource` paths are resolved; NULL/0 disables file loading. `flags`: a bitwise OR of
/// `HOTPATH_FLAG_DEBUG` and `HOTPATH_FLAG_TEST_HOOKS`.
///
/// Returns NULL on failure (unknown flag bits, a NULL `data_dir` with a non-zero length, a
/// `data_dir` that is not a valid path, or a panic); it never unwinds. Free the engine with
/// `hotpath_engine_free`.
///
/// # Safety
///
/// `data_dir` must be NULL (with `data_dir_len` 0) or valid for reads of `data_dir_len` bytes
/// for the duration of the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hotpath_engine_new(
    memory_budget_bytes: u64,
    data_dir: *const u8,
    data_dir_len: usize,
    flags: u32,
) -> *mut HotpathEngine {
    boundary::entry(std::ptr::null_mut(), || {
        // SAFETY: the caller upholds the contract of `data_dir`, which `new_engine` requires.
        unsafe { call::new_engine(memory_budget_bytes, data_dir, data_dir_len, flags) }
    })
}

/// Destroys an engine and every collection it holds. NULL is a no-op.
///
/// # Safety
///
/// `engine` must be NULL or a pointer returned by `hotpath_engine_new` that was not freed yet,
/// and no other thread may be using it (no call in flight, none started afterwards).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hotpath_engine_free(engine: *mut HotpathEngine) {
    boundary::entry((), || {
        // SAFETY: the caller guarantees `engine` is NULL or an unaliased pointer from
        // `hotpath_engine_new`, which is what `free_engine` requires.
        unsafe { call::free_engine(engine) }
    });
}

/// The generic call: one `hybrid.core.v1.HotPath` method, protobuf bytes in and out.
///
/// `method`: the id documented in hotpath.proto (1 Search, 2 Rerank, 3 CreateCollection,
/// 4 UpsertVectors, 5 GetCollection, 6 DeleteCollection, 7 ListCollections, 8 GetStats; 1000
/// panics on purpose when the engine was created with `HOTPATH_FLAG_TEST_HOOKS`, and is an
/// unknown method otherwise). `request`/`request_len`: the encoded request message (an empty
/// message may be NULL/0). `budget_ns`: the remaining deadline budget; `UINT64_MAX` means no
/// deadline and 0 means it has already passed (the call answers DEADLINE_EXCEEDED without doing
/// any work). `cancel_flag`: NULL, or a 4-byte flag the caller may set to non-zero at any time,
/// from any thread, to cancel the call (read with Acquire loads at least every ~1 ms of work).
/// `traceparent`/`traceparent_len`: the W3C traceparent of the caller's span (may be NULL/0);
/// recorded on a tracing span when a tracing subscriber is installed, otherwise ignored.
///
/// Returns the canonical gRPC status code (0 = OK). On OK `*out` receives the encoded response
/// message; otherwise it receives an encoded `google.rpc.Status` (with `ErrorInfo` and the
/// other standard details). Either way the caller frees `*out` with `hotpath_buffer_free`.
/// The previous contents of `*out` are overwritten without being read or freed.
/// When `out` itself is NULL or misaligned nothing can be reported: the call returns
/// INVALID_ARGUMENT (3) and does nothing else.
///
/// # Safety
///
/// * `engine` must be NULL or a live engine from `hotpath_engine_new`.
/// * `request` must be valid for reads of `request_len` bytes, `traceparent` for reads of
///   `traceparent_len` bytes; neither may be written during the call.
/// * `cancel_flag` must be NULL or point to 4 bytes, aligned to 4, that stay valid for the whole
///   call and that every party reads and writes only with atomic operations.
/// * `out` must be valid for writes of one `HotpathBuffer`.
#[unsafe(no_mangle)]
#[allow(
    clippy::too_many_arguments,
    reason = "the C ABI passes every input as its own argument"
)]
pub unsafe extern "C" fn hotpath_call(
    engine: *const HotpathEngine,
    method: u32,
    request: *const u8,
    request_len: usize,
    budget_ns: u64,
    cancel_flag: *const u32,
    traceparent: *const u8,
    traceparent_len: usize,
    out: *mut HotpathBuffer,
) -> i32 {
    let entered = Instant::now();
    boundary::entry(boundary::INTERNAL, || {
        let args = call::CallArgs {
            engine,
            method,
            request,
            request_len,
            budget_ns,
            cancel_flag,
            traceparent,
            traceparent_len,
        };
        // SAFETY: the caller upholds this function's contract, which is `call::call`'s.
        unsafe { call::call(entered, &args, out) }
    })
}

/// Zero-copy Search: `n_queries` queries of `dim` floats (row-major at `queries`) against the
/// collection named by the UTF-8 bytes `collection`/`collection_len`, `k` hits each.
///
/// Results go to caller-allocated arrays of `n_queries * k` slots, query-major and best first:
/// `out_ids[q * k + i]`, `out_scores[q * k + i]`. Slots beyond the hits found get id
/// `UINT64_MAX` and score NaN. Scores are bit-identical to those of the generic Search.
/// `budget_ns` and `cancel_flag` work as for `hotpath_call`. `out_timing` may be NULL; when not,
/// it always receives the core's timing (zeros on error).
///
/// Returns the canonical gRPC status code. On error `*out_status` receives an encoded
/// `google.rpc.Status` (free it with `hotpath_buffer_free`) and the contents of `out_ids` and
/// `out_scores` are unspecified; on OK `*out_status` is set to the empty buffer. A NULL pointer
/// (other than the nullable ones) or an overflowing `n_queries * dim` or `n_queries * k` gives
/// INVALID_ARGUMENT; so do outputs that overlap each other or an input. When `out_status`
/// itself is NULL or misaligned the call returns INVALID_ARGUMENT (3) and writes nothing.
///
/// # Safety
///
/// * `engine` must be NULL or a live engine from `hotpath_engine_new`.
/// * `collection` must be valid for reads of `collection_len` bytes; `queries` for reads of
///   `n_queries * dim` floats; neither may be written during the call.
/// * `out_ids` and `out_scores` must be valid for writes of `n_queries * k` elements each and
///   must not be read or written by anyone else during the call.
/// * `cancel_flag`: as for `hotpath_call`.
/// * `out_timing` must be NULL or valid for writes of one `HotpathTiming`; `out_status` must be
///   valid for writes of one `HotpathBuffer`.
#[unsafe(no_mangle)]
#[allow(
    clippy::too_many_arguments,
    reason = "the C ABI passes every input as its own argument"
)]
pub unsafe extern "C" fn hotpath_search_f32(
    engine: *const HotpathEngine,
    collection: *const u8,
    collection_len: usize,
    queries: *const f32,
    n_queries: usize,
    dim: usize,
    k: u32,
    budget_ns: u64,
    cancel_flag: *const u32,
    out_ids: *mut u64,
    out_scores: *mut f32,
    out_timing: *mut HotpathTiming,
    out_status: *mut HotpathBuffer,
) -> i32 {
    let entered = Instant::now();
    boundary::entry(boundary::INTERNAL, || {
        let args = fast::SearchArgs {
            engine,
            collection,
            collection_len,
            queries,
            n_queries,
            dim,
            k,
            budget_ns,
            cancel_flag,
            out_ids,
            out_scores,
        };
        // SAFETY: the caller upholds this function's contract, which is `fast::search`'s.
        unsafe { fast::search(entered, &args, out_timing, out_status) }
    })
}

/// Zero-copy Rerank: `n_queries` queries against `n_candidates` inline candidates, all of `dim`
/// floats (row-major), under `metric` (a `hybrid.core.v1.Metric` value: 1 dot, 2 l2, 3 cosine).
///
/// `candidate_ids` may be NULL, in which case a candidate's id is its position; otherwise it
/// holds `n_candidates` ids. Outputs, timing, errors and `*out_status` work exactly as for
/// `hotpath_search_f32`. Scores are bit-identical to those of the generic Rerank.
///
/// # Safety
///
/// * `engine` must be NULL or a live engine from `hotpath_engine_new`.
/// * `queries` must be valid for reads of `n_queries * dim` floats, `candidates` for reads of
///   `n_candidates * dim` floats, `candidate_ids` (unless NULL) for reads of `n_candidates`
///   ids; none of them may be written during the call.
/// * `out_ids` and `out_scores` must be valid for writes of `n_queries * k` elements each and
///   must not be read or written by anyone else during the call.
/// * `cancel_flag`: as for `hotpath_call`.
/// * `out_timing` must be NULL or valid for writes of one `HotpathTiming`; `out_status` must be
///   valid for writes of one `HotpathBuffer`.
#[unsafe(no_mangle)]
#[allow(
    clippy::too_many_arguments,
    reason = "the C ABI passes every input as its own argument"
)]
pub unsafe extern "C" fn hotpath_rerank_f32(
    engine: *const HotpathEngine,
    metric: u32,
    queries: *const f32,
    n_queries: usize,
    candidates: *const f32,
    n_candidates: usize,
    candidate_ids: *const u64,
    dim: usize,
    k: u32,
    budget_ns: u64,
    cancel_flag: *const u32,
    out_ids: *mut u64,
    out_scores: *mut f32,
    out_timing: *mut HotpathTiming,
    out_status: *mut HotpathBuffer,
) -> i32 {
    let entered = Instant::now();
    boundary::entry(boundary::INTERNAL, || {
        let args = fast::RerankArgs {
            engine,
            metric,
            queries,
            n_queries,
            candidates,
            n_candidates,
            candidate_ids,
            dim,
            k,
            budget_ns,
            cancel_flag,
            out_ids,
            out_scores,
        };
        // SAFETY: the caller upholds this function's contract, which is `fast::rerank`'s.
        unsafe { fast::rerank(entered, &args, out_timing, out_status) }
    })
}

/// Frees a buffer returned through `hotpath_call`, `hotpath_search_f32` or `hotpath_rerank_f32`
/// and zeroes it. NULL and an already zeroed (empty or freed) buffer are no-ops, so freeing the
/// same struct twice is harmless.
///
/// # Safety
///
/// `buffer` must be NULL or point to a `HotpathBuffer` that is either zeroed or exactly as this
/// library filled it (a copy of the struct must not be freed as well), and no other thread may
/// use it during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hotpath_buffer_free(buffer: *mut HotpathBuffer) {
    boundary::entry((), || {
        // SAFETY: the caller upholds this function's contract, which is `buffer::free`'s.
        unsafe { buffer::free(buffer) }
    });
}

/// Number of buffers this library has handed out and that were not freed yet, process-wide.
/// Leak tests compare it with a baseline.
#[unsafe(no_mangle)]
pub extern "C" fn hotpath_live_buffers() -> u64 {
    boundary::entry(0, buffer::live_buffers)
}

/// Number of panics caught at this boundary since the library was loaded, process-wide (each
/// engine also counts its own in `EngineStats.panics_caught`).
#[unsafe(no_mangle)]
pub extern "C" fn hotpath_panics_caught() -> u64 {
    boundary::entry(0, boundary::panics_caught)
}

/// Does nothing and returns 0: measures the bare cost of a downcall.
#[unsafe(no_mangle)]
pub extern "C" fn hotpath_noop() -> i32 {
    // Guarded like every entry point; a closure that cannot unwind compiles to a plain `0`.
    boundary::entry(0, || 0)
}
