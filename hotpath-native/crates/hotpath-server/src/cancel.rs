//! [`CancelGuard`]: turns "the handler future was dropped" into "the compute must stop".
//!
//! When a client resets its stream (RST_STREAM) or its connection goes away, hyper drops the
//! handler's future. The guard lives in that future, so its `Drop` runs and trips the call's
//! cancel flag, which the engine polls (Acquire load) at least every ~1 ms of work.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Instant;

/// Owns one call's cancel flag on the async side; the compute job holds the other `Arc`.
///
/// Dropping the guard sets the flag to 1 (Release) unless the call's deadline has already
/// passed: then the engine's own deadline check stops the work within ~1 ms and reports it as
/// `stopped_by_deadline`, whereas a set flag would make it report a cancellation (the core lets
/// the flag win). Either way the work stops.
#[derive(Debug)]
pub struct CancelGuard {
    flag: Arc<AtomicU32>,
    deadline: Option<Instant>,
}

impl CancelGuard {
    /// A guard for a call with the given deadline; returns the guard and the flag to hand to
    /// the compute.
    pub fn new(deadline: Option<Instant>) -> (Self, Arc<AtomicU32>) {
        let flag = Arc::new(AtomicU32::new(0));
        (
            Self {
                flag: Arc::clone(&flag),
                deadline,
            },
            flag,
        )
    }

    /// Whether the flag has been set.
    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::Acquire) != 0
    }
}

impl Drop for CancelGuard {
    fn drop(&mut self) {
        let deadline_passed = self.deadline.is_some_and(|d| Instant::now() >= d);
        if !deadline_passed {
            self.flag.store(1, Ordering::Release);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn drop_trips_the_flag() {
        let (guard, flag) = CancelGuard::new(None);
        assert!(!guard.is_cancelled());
        drop(guard);
        assert_eq!(flag.load(Ordering::Acquire), 1);
    }

    #[test]
    fn drop_before_deadline_trips_the_flag() {
        let (guard, flag) = CancelGuard::new(Some(Instant::now() + Duration::from_secs(60)));
        drop(guard);
        assert_eq!(flag.load(Ordering::Acquire), 1);
    }

    #[test]
    fn drop_after_deadline_leaves_the_stop_to_the_deadline() {
        let (guard, flag) = CancelGuard::new(Some(Instant::now() - Duration::from_millis(1)));
        drop(guard);
        assert_eq!(flag.load(Ordering::Acquire), 0);
    }
}
