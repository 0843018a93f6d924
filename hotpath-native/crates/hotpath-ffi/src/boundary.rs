//! The panic boundary: no panic ever unwinds out of an `extern "C"` function.
//!
//! Strategy: the library is built with `panic = "unwind"` (checked at compile time in `lib.rs`)
//! and every entry point runs its body under `catch_unwind`. Work on an engine is caught by
//! [`catch_panic`], which turns the panic into `CoreError::Internal` so the caller gets
//! INTERNAL (13) with an encoded `google.rpc.Status`; [`entry`] is the last line of defence
//! around each whole function body and returns a fixed value.
//!
//! We deliberately keep Rust's default panic hook: it prints the message and location to
//! stderr, which is what an operator needs to find the bug, and it does not abort. We install
//! no hook of our own because the hook is process-global (it would also change panics of other
//! Rust code loaded into the JVM) and because the only alternative worth having, aborting,
//! would kill the JVM and every request in it for one bad call.
//!
//! `AssertUnwindSafe` is sound here: unwind safety is about observing broken invariants, not
//! memory safety. The engine keeps its shared state behind locks and atomics and copes with
//! poisoned locks itself; the FFI glue holds no state across the unwind.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};

use hotpath_core::{CoreError, Engine};

/// INTERNAL, the canonical gRPC code of a caught panic.
pub(crate) const INTERNAL: i32 = 13;

/// Panics caught at this boundary since the library was loaded (`hotpath_panics_caught`).
static PANICS_CAUGHT: AtomicU64 = AtomicU64::new(0);

/// Panics caught so far, process-wide.
pub(crate) fn panics_caught() -> u64 {
    PANICS_CAUGHT.load(Ordering::Relaxed)
}

/// Runs `work` for `engine`; a panic becomes `CoreError::Internal` carrying the panic message
/// as debug detail, and is counted process-wide and on the engine's counters.
pub(crate) fn catch_panic<T>(
    engine: &Engine,
    work: impl FnOnce() -> Result<T, CoreError>,
) -> Result<T, CoreError> {
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(result) => result,
        Err(payload) => {
            let detail = panic_message(payload.as_ref());
            drop_payload(payload);
            PANICS_CAUGHT.fetch_add(1, Ordering::Relaxed);
            engine.counters().record_panic_caught();
            Err(CoreError::Internal {
                message: "the core panicked; the call was abandoned".to_owned(),
                debug_detail: Some(format!("panic: {detail}")),
            })
        }
    }
}

/// Runs a whole entry-point body; should anything in it panic after all (the glue itself),
/// the panic is counted and `on_panic` is returned instead of unwinding into C.
pub(crate) fn entry<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value,
        Err(payload) => {
            drop_payload(payload);
            PANICS_CAUGHT.fetch_add(1, Ordering::Relaxed);
            on_panic
        }
    }
}

/// The message of a panic payload (`panic!` produces `&str` or `String`).
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "non-string panic payload".to_owned()
    }
}

/// Drops a panic payload. A payload whose `Drop` panics in turn would unwind out of the
/// boundary, so that second panic is caught and its payload leaked.
fn drop_payload(payload: Box<dyn Any + Send>) {
    if let Err(second) = catch_unwind(AssertUnwindSafe(move || drop(payload))) {
        std::mem::forget(second);
    }
}
