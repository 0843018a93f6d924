//! Raw pointers and lengths from C turned into references and slices, or into
//! INVALID_ARGUMENT: a NULL, misaligned or overflowing argument is reported, never dereferenced.

use std::sync::atomic::AtomicU32;
use std::time::{Duration, Instant};

use hotpath_core::{CoreError, Engine};

use crate::abi::HotpathEngine;
use crate::errors::bad_argument;

/// Never set; stands in for a NULL cancel flag.
static NEVER_CANCELLED: AtomicU32 = AtomicU32::new(0);

/// A checked memory region: non-NULL (unless empty), aligned, and not wrapping the address space.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region<T> {
    ptr: *const T,
    len: usize,
}

impl<T> Region<T> {
    /// Checks `len` elements at `ptr`. NULL is accepted only when `len` is 0.
    pub(crate) fn new(ptr: *const T, len: usize, field: &str) -> Result<Self, CoreError> {
        if ptr.is_null() {
            return if len == 0 {
                Ok(Self {
                    ptr: std::ptr::NonNull::dangling().as_ptr(),
                    len: 0,
                })
            } else {
                Err(bad_argument(field, "must not be NULL"))
            };
        }
        if !ptr.is_aligned() {
            return Err(bad_argument(
                field,
                format!("must be aligned to {} bytes", align_of::<T>()),
            ));
        }
        let fits = len
            .checked_mul(size_of::<T>())
            .filter(|bytes| *bytes <= isize::MAX as usize)
            .and_then(|bytes| (ptr as usize).checked_add(bytes));
        if fits.is_none() {
            return Err(bad_argument(field, "length overflows the address space"));
        }
        Ok(Self { ptr, len })
    }

    /// Address range `[start, end)` in bytes.
    fn bytes(&self) -> (usize, usize) {
        let start = self.ptr as usize;
        (start, start + self.len * size_of::<T>())
    }

    /// Fails with INVALID_ARGUMENT naming `field` when this region shares a byte with `other`.
    pub(crate) fn disjoint_from<U>(&self, other: &Region<U>, field: &str) -> Result<(), CoreError> {
        let (a_start, a_end) = self.bytes();
        let (b_start, b_end) = other.bytes();
        let both_non_empty = a_start < a_end && b_start < b_end;
        if both_non_empty && a_start < b_end && b_start < a_end {
            Err(bad_argument(field, "overlaps another argument"))
        } else {
            Ok(())
        }
    }

    /// Borrows the region as a slice.
    ///
    /// # Safety
    ///
    /// The region must be valid for reads for `'a` and not written by anyone during `'a`.
    pub(crate) unsafe fn as_slice<'a>(&self) -> &'a [T] {
        // SAFETY: `new` checked non-NULL (or dangling for 0 elements), alignment and that the
        // byte size fits `isize`; the caller guarantees validity and no writes during `'a`.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    /// Borrows the region as a mutable slice.
    ///
    /// # Safety
    ///
    /// The region must be valid for reads and writes for `'a` and not accessed by anyone else,
    /// including through another region, during `'a`.
    pub(crate) unsafe fn as_mut_slice<'a>(&self) -> &'a mut [T] {
        // SAFETY: as for `as_slice`; the caller guarantees exclusive access during `'a`.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.cast_mut(), self.len) }
    }
}

/// `count * per_item`, or INVALID_ARGUMENT naming `field` on overflow.
pub(crate) fn element_count(
    count: usize,
    per_item: usize,
    field: &str,
) -> Result<usize, CoreError> {
    count
        .checked_mul(per_item)
        .ok_or_else(|| bad_argument(field, "element count overflows"))
}

/// The engine behind `engine`.
///
/// # Safety
///
/// `engine` must be NULL or a live engine from `hotpath_engine_new`, alive for `'a`.
pub(crate) unsafe fn engine<'a>(
    engine: *const HotpathEngine,
) -> Result<&'a HotpathEngine, CoreError> {
    if engine.is_null() {
        return Err(bad_argument("engine", "must not be NULL"));
    }
    if !engine.is_aligned() {
        return Err(bad_argument(
            "engine",
            "is not an engine from hotpath_engine_new",
        ));
    }
    // SAFETY: non-NULL and aligned; the caller guarantees it is a live engine for `'a`. Only
    // shared references are ever made from it while calls are in flight.
    Ok(unsafe { &*engine })
}

/// The cancel flag at `flag`, or a flag that is never set when `flag` is NULL.
///
/// # Safety
///
/// `flag` must be NULL or point to 4 bytes that stay valid for `'a` and that everyone accesses
/// only atomically during `'a`.
pub(crate) unsafe fn cancel_flag<'a>(flag: *const u32) -> Result<&'a AtomicU32, CoreError> {
    if flag.is_null() {
        return Ok(&NEVER_CANCELLED);
    }
    let flag = flag.cast::<AtomicU32>().cast_mut();
    if !flag.is_aligned() {
        return Err(bad_argument("cancel_flag", "must be aligned to 4 bytes"));
    }
    // SAFETY: non-NULL and aligned to `AtomicU32` (checked); the caller guarantees the memory
    // is valid for `'a` and only accessed atomically. We only ever load from it.
    Ok(unsafe { AtomicU32::from_ptr(flag.cast::<u32>()) })
}

/// The absolute deadline for a budget of `budget_ns` nanoseconds counted from `entered`:
/// `u64::MAX` means none, 0 means it has already passed. A call refused here never reaches the
/// engine, so the refusal is counted on `engine`'s counters (`stopped_by_deadline`) here.
pub(crate) fn deadline(
    engine: &Engine,
    entered: Instant,
    budget_ns: u64,
) -> Result<Option<Instant>, CoreError> {
    match budget_ns {
        0 => {
            let error = CoreError::DeadlineExceeded;
            engine.counters().record_stop(&error);
            Err(error)
        }
        u64::MAX => Ok(None),
        ns => Ok(entered.checked_add(Duration::from_nanos(ns))),
    }
}

/// A `(ptr, len)` byte string as UTF-8.
///
/// # Safety
///
/// `ptr` must be valid for reads of `len` bytes for `'a` and not written during `'a`.
pub(crate) unsafe fn utf8<'a>(
    ptr: *const u8,
    len: usize,
    field: &str,
) -> Result<&'a str, CoreError> {
    // SAFETY: the caller guarantees validity for `'a`.
    let bytes = unsafe { Region::new(ptr, len, field)?.as_slice() };
    std::str::from_utf8(bytes).map_err(|_| bad_argument(field, "must be UTF-8"))
}
