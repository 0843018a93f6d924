//! [`WorkCounters`]: monotonic work counters and the in-flight gauge of one engine.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::CoreError;

/// Atomic counters that tests read to prove work started and stopped, and that metrics export
/// (see `EngineStats` in `collections.proto`). The engine updates them; the FFI and the server
/// increment `panics_caught` and `rejected_overloaded`, which happen at their boundaries.
///
/// All updates are `Relaxed` except `vectors_scanned`, which is published with `Release` after
/// each scan block so a reader that sees it move knows the scan is under way.
#[derive(Debug, Default)]
pub struct WorkCounters {
    /// Vectors scored since start, summed over queries (updated at least every ~1 ms of scan).
    pub vectors_scanned: AtomicU64,
    /// Search and Rerank calls started.
    pub requests_started: AtomicU64,
    /// Search and Rerank calls that finished with OK.
    pub requests_completed: AtomicU64,
    /// Calls stopped because their deadline passed (before or during the work).
    pub stopped_by_deadline: AtomicU64,
    /// Calls stopped because the caller cancelled.
    pub stopped_by_cancellation: AtomicU64,
    /// Calls refused because the compute-pool queue was full (incremented by the callers of
    /// [`crate::ComputePool::try_execute`]).
    pub rejected_overloaded: AtomicU64,
    /// Panics caught at the FFI or server boundary since start.
    pub panics_caught: AtomicU64,
    /// Calls currently computing.
    pub in_flight: AtomicU64,
}

impl WorkCounters {
    /// New counters, all zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a panic caught at a boundary.
    pub fn record_panic_caught(&self) {
        self.panics_caught.fetch_add(1, Ordering::Relaxed);
    }

    /// Records a call refused because the compute queue was full.
    pub fn record_rejected_overloaded(&self) {
        self.rejected_overloaded.fetch_add(1, Ordering::Relaxed);
    }

    /// Records a call stopped by its deadline or its caller's cancellation; other errors are
    /// ignored. Boundaries that refuse a call before it reaches the engine (deadline already
    /// passed in the queue) call this too.
    pub fn record_stop(&self, error: &CoreError) {
        match error {
            CoreError::DeadlineExceeded => {
                self.stopped_by_deadline.fetch_add(1, Ordering::Relaxed);
            }
            CoreError::Cancelled => {
                self.stopped_by_cancellation.fetch_add(1, Ordering::Relaxed);
            }
            _ => {}
        }
    }

    /// Adds `n` scored vectors.
    #[inline]
    pub(crate) fn add_scanned(&self, n: u64) {
        if n > 0 {
            self.vectors_scanned.fetch_add(n, Ordering::Release);
        }
    }

    /// Marks a call as computing until the guard is dropped.
    pub(crate) fn enter(&self) -> InFlight<'_> {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight { counters: self }
    }
}

/// Decrements `in_flight` on drop (also on unwinding).
pub(crate) struct InFlight<'a> {
    counters: &'a WorkCounters,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.counters.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_flight_guard_counts_and_releases() {
        let c = WorkCounters::new();
        {
            let _a = c.enter();
            let _b = c.enter();
            assert_eq!(c.in_flight.load(Ordering::Relaxed), 2);
        }
        assert_eq!(c.in_flight.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn stops_are_counted_by_kind() {
        let c = WorkCounters::new();
        c.record_stop(&CoreError::DeadlineExceeded);
        c.record_stop(&CoreError::Cancelled);
        c.record_stop(&CoreError::Cancelled);
        c.record_stop(&CoreError::UnknownMethod { id: 1 });
        assert_eq!(c.stopped_by_deadline.load(Ordering::Relaxed), 1);
        assert_eq!(c.stopped_by_cancellation.load(Ordering::Relaxed), 2);
    }
}
