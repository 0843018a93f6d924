//! Rust-owned byte buffers lent to the caller: a `Vec<u8>` taken apart into `(ptr, len, cap)`
//! when handed out and rebuilt from them when the caller frees it.

use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::abi::HotpathBuffer;

/// Buffers handed out and not freed yet, process-wide (`hotpath_live_buffers`).
static LIVE_BUFFERS: AtomicU64 = AtomicU64::new(0);

impl HotpathBuffer {
    /// The empty buffer: nothing to read, nothing to free.
    pub(crate) const EMPTY: HotpathBuffer = HotpathBuffer {
        ptr: std::ptr::null_mut(),
        len: 0,
        cap: 0,
    };
}

/// Hands `bytes` to the caller. A vector without an allocation becomes the empty buffer, so
/// every non-NULL `ptr` the caller sees is a real allocation counted in `LIVE_BUFFERS`.
pub(crate) fn hand_out(bytes: Vec<u8>) -> HotpathBuffer {
    if bytes.capacity() == 0 {
        return HotpathBuffer::EMPTY;
    }
    // Ownership moves to the caller; `free` rebuilds the vector from these three fields.
    let mut bytes = ManuallyDrop::new(bytes);
    LIVE_BUFFERS.fetch_add(1, Ordering::Relaxed);
    HotpathBuffer {
        ptr: bytes.as_mut_ptr(),
        len: bytes.len(),
        cap: bytes.capacity(),
    }
}

/// Frees the buffer `buffer` points to and zeroes it; NULL and zeroed buffers are no-ops.
///
/// # Safety
///
/// `buffer` must be NULL or valid for reads and writes of one `HotpathBuffer` that is either
/// zeroed or exactly as `hand_out` returned it and not freed since (through any copy).
pub(crate) unsafe fn free(buffer: *mut HotpathBuffer) {
    if buffer.is_null() || !buffer.is_aligned() {
        return;
    }
    // SAFETY: non-NULL and aligned (checked above); the caller guarantees it is valid for reads
    // and writes and not used by anyone else during this call.
    let buffer = unsafe { &mut *buffer };
    let taken = std::mem::replace(buffer, HotpathBuffer::EMPTY);
    if taken.ptr.is_null() {
        return;
    }
    // SAFETY: a non-NULL `ptr` comes from `hand_out` (caller's guarantee), i.e. from a
    // `Vec<u8>` with exactly this pointer, length and capacity that nobody has freed since.
    drop(unsafe { Vec::from_raw_parts(taken.ptr, taken.len, taken.cap) });
    LIVE_BUFFERS.fetch_sub(1, Ordering::Relaxed);
}

/// Buffers handed out and not freed yet.
pub(crate) fn live_buffers() -> u64 {
    LIVE_BUFFERS.load(Ordering::Relaxed)
}
