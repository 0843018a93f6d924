package dev.hybridgateway.gateway.core.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Native memory one pool thread reuses from call to call for the arguments it passes to Rust
 * (request bytes, float rows, output arrays, the buffer and timing structs), so a call costs no
 * {@code malloc}/{@code free} and no page faults once the thread has warmed up.
 *
 * <p>Ownership: the memory belongs to a confined arena of the owning thread; only that thread
 * allocates from it, passes it to Rust and closes it. Rust borrows it for the duration of one
 * downcall only (hotpath.h), so after the call returns the same bytes can be handed out again.
 * A call that needed more than {@link #RETAIN_BYTES} gives the memory back afterwards ({@link
 * #trim()}), so one large request does not pin its size on the thread forever.
 */
final class Scratch implements AutoCloseable {
  /** Largest scratch size kept between calls. */
  static final long RETAIN_BYTES = 8L << 20;

  /** Alignment of the scratch start: enough for every element type of hotpath.h. */
  private static final long ALIGNMENT = 16;

  private Arena arena;
  private MemorySegment memory = MemorySegment.NULL;

  /**
   * An allocator over at least {@code bytes} bytes of scratch, valid until the next call of any
   * method of this object. Its slices are not zeroed: write every byte before passing it on.
   * Callers size {@code bytes} as the sum of their allocations, allocating the most aligned
   * elements first so that no padding is needed.
   */
  SegmentAllocator reserve(long bytes) {
    if (memory.byteSize() < bytes) {
      close();
      long size = Math.max(bytes, Math.min(2 * memory.byteSize(), RETAIN_BYTES));
      arena = Arena.ofConfined();
      memory = arena.allocate(Math.max(size, ALIGNMENT), ALIGNMENT);
    }
    return SegmentAllocator.slicingAllocator(memory);
  }

  /** Frees the scratch when a call grew it beyond {@link #RETAIN_BYTES}. */
  void trim() {
    if (memory.byteSize() > RETAIN_BYTES) {
      close();
    }
  }

  /** Frees the scratch (owning thread only); the next reserve allocates again. */
  @Override
  public void close() {
    if (arena != null) {
      arena.close();
      arena = null;
      memory = MemorySegment.NULL;
    }
  }
}
