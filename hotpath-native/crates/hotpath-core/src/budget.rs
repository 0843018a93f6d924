//! [`MemoryBudget`]: bytes charged by collections and large transient buffers, reserved
//! before allocating so the core refuses work instead of running out of memory.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::CoreError;

/// The core's memory budget. Cheap to share; reservations hold an `Arc` to it.
#[derive(Debug)]
pub(crate) struct MemoryBudget {
    budget: u64,
    used: AtomicU64,
}

impl MemoryBudget {
    pub(crate) fn new(budget: u64) -> Arc<Self> {
        Arc::new(Self {
            budget,
            used: AtomicU64::new(0),
        })
    }

    pub(crate) fn budget(&self) -> u64 {
        self.budget
    }

    pub(crate) fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }

    /// Charges `bytes`, or refuses with `MemoryBudgetExceeded` leaving the budget unchanged.
    pub(crate) fn reserve(self: &Arc<Self>, bytes: u64) -> Result<Reservation, CoreError> {
        let mut used = self.used.load(Ordering::Relaxed);
        loop {
            let available = self.budget.saturating_sub(used);
            if bytes > available {
                return Err(CoreError::MemoryBudgetExceeded {
                    requested: bytes,
                    available,
                    budget: self.budget,
                });
            }
            match self.used.compare_exchange_weak(
                used,
                used + bytes,
                Ordering::AcqRel,
                Ordering::Relaxed,
            ) {
                Ok(_) => {
                    return Ok(Reservation {
                        budget: Arc::clone(self),
                        bytes,
                    });
                }
                Err(actual) => used = actual,
            }
        }
    }
}

/// Bytes charged against a [`MemoryBudget`]; released on drop.
#[derive(Debug)]
pub(crate) struct Reservation {
    budget: Arc<MemoryBudget>,
    bytes: u64,
}

impl Reservation {
    pub(crate) fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Charges `extra` more bytes to this reservation, or refuses leaving it unchanged.
    pub(crate) fn grow(&mut self, extra: u64) -> Result<(), CoreError> {
        let mut more = self.budget.reserve(extra)?;
        self.bytes += more.bytes;
        more.bytes = 0;
        Ok(())
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        self.budget.used.fetch_sub(self.bytes, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserve_release_and_refuse() {
        let budget = MemoryBudget::new(100);
        let a = budget.reserve(60).unwrap();
        assert_eq!(budget.used(), 60);
        let err = budget.reserve(50).unwrap_err();
        assert_eq!(
            err,
            CoreError::MemoryBudgetExceeded {
                requested: 50,
                available: 40,
                budget: 100
            }
        );
        assert_eq!(budget.used(), 60);
        drop(a);
        assert_eq!(budget.used(), 0);
    }

    #[test]
    fn grow_charges_more_or_nothing() {
        let budget = MemoryBudget::new(100);
        let mut r = budget.reserve(10).unwrap();
        r.grow(30).unwrap();
        assert_eq!(r.bytes(), 40);
        assert!(r.grow(61).is_err());
        assert_eq!(budget.used(), 40);
        drop(r);
        assert_eq!(budget.used(), 0);
    }
}
