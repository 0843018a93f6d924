//! Engine lifetime and the generic protobuf call.

use std::path::PathBuf;
use std::time::Instant;

use hotpath_core::{CoreError, Engine, EngineConfig, Method, StopSignal};

use crate::abi::{HOTPATH_FLAG_DEBUG, HOTPATH_FLAG_TEST_HOOKS, HotpathBuffer, HotpathEngine};
use crate::args::{self, Region};
use crate::boundary;
use crate::buffer;
use crate::errors;

/// Creates an engine; NULL on invalid arguments.
///
/// # Safety
///
/// `data_dir` must be NULL or valid for reads of `data_dir_len` bytes during the call.
pub(crate) unsafe fn new_engine(
    memory_budget_bytes: u64,
    data_dir: *const u8,
    data_dir_len: usize,
    flags: u32,
) -> *mut HotpathEngine {
    if flags & !(HOTPATH_FLAG_DEBUG | HOTPATH_FLAG_TEST_HOOKS) != 0 {
        // A flag this build does not know: refuse rather than silently run without it.
        return std::ptr::null_mut();
    }
    let data_dir = if data_dir.is_null() && data_dir_len == 0 {
        None
    } else {
        let Ok(region) = Region::new(data_dir, data_dir_len, "data_dir") else {
            return std::ptr::null_mut();
        };
        // SAFETY: checked region; the caller guarantees it is readable during the call.
        let bytes = unsafe { region.as_slice() };
        let Some(path) = path_from_bytes(bytes) else {
            return std::ptr::null_mut();
        };
        Some(path)
    };
    let defaults = EngineConfig::default();
    let config = EngineConfig {
        memory_budget_bytes: if memory_budget_bytes == 0 {
            defaults.memory_budget_bytes
        } else {
            memory_budget_bytes
        },
        data_dir,
        debug: flags & HOTPATH_FLAG_DEBUG != 0,
        enable_test_hooks: flags & HOTPATH_FLAG_TEST_HOOKS != 0,
    };
    Box::into_raw(Box::new(HotpathEngine {
        engine: Engine::new(config),
    }))
}

/// A path from the bytes C passed: any non-empty byte string without NUL on Unix, UTF-8 elsewhere.
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    if bytes.is_empty() || bytes.contains(&0) {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
    }
    #[cfg(not(unix))]
    {
        std::str::from_utf8(bytes).ok().map(PathBuf::from)
    }
}

/// Destroys an engine; NULL is a no-op.
///
/// # Safety
///
/// `engine` must be NULL or an engine from `new_engine`, not freed yet and used by no one else.
pub(crate) unsafe fn free_engine(engine: *mut HotpathEngine) {
    if engine.is_null() {
        return;
    }
    // SAFETY: the caller guarantees this pointer came from `Box::into_raw` in `new_engine`, was
    // not freed, and is not used concurrently; ownership returns to the box and is dropped.
    drop(unsafe { Box::from_raw(engine) });
}

/// The arguments of `hotpath_call` other than `out`.
pub(crate) struct CallArgs {
    pub(crate) engine: *const HotpathEngine,
    pub(crate) method: u32,
    pub(crate) request: *const u8,
    pub(crate) request_len: usize,
    pub(crate) budget_ns: u64,
    pub(crate) cancel_flag: *const u32,
    pub(crate) traceparent: *const u8,
    pub(crate) traceparent_len: usize,
}

/// `hotpath_call`: writes the response or the encoded Status to `*out`, returns the gRPC code.
///
/// # Safety
///
/// The contract of `hotpath_call` for every pointer in `call` and for `out`.
pub(crate) unsafe fn call(entered: Instant, call: &CallArgs, out: *mut HotpathBuffer) -> i32 {
    if out.is_null() || !out.is_aligned() {
        return errors::INVALID_ARGUMENT; // There is nowhere to put a Status.
    }
    // SAFETY: non-NULL and aligned (checked); the caller guarantees it is writable. We write
    // without reading: the previous contents are documented as overwritten.
    unsafe { out.write(HotpathBuffer::EMPTY) };
    // SAFETY: as above; from here on `out` is the only access path to that struct.
    let out = unsafe { &mut *out };
    // SAFETY: the caller guarantees `engine` is NULL or live for the call.
    let handle = match unsafe { args::engine(call.engine) } {
        Ok(handle) => handle,
        Err(error) => return errors::report(&error, false, out),
    };
    let engine = &handle.engine;
    let debug = engine.config().debug;
    let span = tracing::info_span!(
        "hotpath.call",
        method = call.method,
        traceparent = tracing::field::Empty
    );
    let _entered_span = span.enter();
    let result = boundary::catch_panic(engine, || {
        // SAFETY: the caller guarantees `traceparent` is readable for `traceparent_len` bytes
        // and not written during the call.
        let traceparent = unsafe {
            Region::new(call.traceparent, call.traceparent_len, "traceparent")?.as_slice()
        };
        if !span.is_disabled() {
            // Tracing only: a traceparent that is not text is not worth failing the call for.
            if let Ok(traceparent) = std::str::from_utf8(traceparent) {
                span.record("traceparent", traceparent);
            }
        }
        // SAFETY: the caller guarantees `request` is readable for `request_len` bytes and not
        // written during the call.
        let request = unsafe { Region::new(call.request, call.request_len, "request")?.as_slice() };
        // SAFETY: the caller guarantees the flag is NULL or valid and atomically accessed.
        let cancel = unsafe { args::cancel_flag(call.cancel_flag)? };
        let stop = StopSignal::new(args::deadline(engine, entered, call.budget_ns)?, cancel);
        let method =
            Method::from_id(call.method).ok_or(CoreError::UnknownMethod { id: call.method })?;
        engine.call_bytes(method, request, &stop)
    });
    match result {
        Ok(response) => {
            *out = buffer::hand_out(response);
            0
        }
        Err(error) => errors::report(&error, debug, out),
    }
}
