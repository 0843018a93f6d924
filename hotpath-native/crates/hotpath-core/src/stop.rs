//! [`StopSignal`]: the deadline and cancel flag that every long-running call polls.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Instant;

use crate::error::CoreError;

/// Why a call must stop: its absolute deadline passed, or its caller set the cancel flag.
///
/// The cancel flag is a plain 4-byte atomic so the FFI can hand in a pointer to native memory
/// that the JVM writes; the gRPC server owns one per call and sets it when the client goes away.
#[derive(Debug, Clone, Copy)]
pub struct StopSignal<'a> {
    deadline: Option<Instant>,
    cancel: &'a AtomicU32,
}

impl<'a> StopSignal<'a> {
    /// A signal that fires at `deadline` (never when `None`) or when `cancel` becomes nonzero.
    pub fn new(deadline: Option<Instant>, cancel: &'a AtomicU32) -> Self {
        Self { deadline, cancel }
    }

    /// `Ok(())` while the call may go on; `Err(CoreError::DeadlineExceeded)` once the deadline
    /// has passed, else `Err(CoreError::Cancelled)` once the flag is nonzero (Acquire load).
    ///
    /// A passed deadline wins over the flag: hosts also set the flag when their own deadline
    /// timer fires (the JVM does), and the caller must then see DEADLINE_EXCEEDED, not CANCELLED.
    #[inline]
    pub fn check(&self) -> Result<(), CoreError> {
        if let Some(deadline) = self.deadline
            && Instant::now() >= deadline
        {
            return Err(CoreError::DeadlineExceeded);
        }
        if self.cancel.load(Ordering::Acquire) != 0 {
            return Err(CoreError::Cancelled);
        }
        Ok(())
    }

    /// The absolute deadline, if any.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Whether the caller has set the cancel flag.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Acquire) != 0
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn no_deadline_no_cancel_goes_on() {
        let flag = AtomicU32::new(0);
        assert_eq!(StopSignal::new(None, &flag).check(), Ok(()));
    }

    #[test]
    fn passed_deadline_stops() {
        let flag = AtomicU32::new(0);
        let past = Instant::now() - Duration::from_millis(1);
        assert_eq!(
            StopSignal::new(Some(past), &flag).check(),
            Err(CoreError::DeadlineExceeded)
        );
        let future = Instant::now() + Duration::from_secs(60);
        assert_eq!(StopSignal::new(Some(future), &flag).check(), Ok(()));
    }

    #[test]
    fn cancel_flag_stops_but_a_passed_deadline_wins() {
        let flag = AtomicU32::new(0);
        let future = Instant::now() + Duration::from_secs(60);
        let stop = StopSignal::new(Some(future), &flag);
        flag.store(1, Ordering::Release);
        assert_eq!(stop.check(), Err(CoreError::Cancelled));
        assert!(stop.is_cancelled());

        let past = Instant::now() - Duration::from_millis(1);
        let expired = StopSignal::new(Some(past), &flag);
        assert_eq!(expired.check(), Err(CoreError::DeadlineExceeded));
    }
}
