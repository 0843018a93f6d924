package dev.hybridgateway.gateway.core.ffi;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * The two structs of hotpath.h and the cancel flag, as memory layouts. {@code size_t} and
 * {@code uint64_t} are both {@code JAVA_LONG}: the library is built for 64-bit targets only
 * ({@link HotpathBindings} checks {@code size_t} once at load).
 */
final class HotpathLayouts {
  /** {@code struct HotpathBuffer { uint8_t *ptr; size_t len; size_t cap; }}: Rust-owned bytes. */
  static final StructLayout BUFFER =
      MemoryLayout.structLayout(
              ADDRESS.withName("ptr"), JAVA_LONG.withName("len"), JAVA_LONG.withName("cap"))
          .withName("HotpathBuffer");

  /** {@code struct HotpathTiming}: the core's own timing of a fast-path call, in ns. */
  static final StructLayout TIMING =
      MemoryLayout.structLayout(
              JAVA_LONG.withName("queue_ns"),
              JAVA_LONG.withName("decode_ns"),
              JAVA_LONG.withName("compute_ns"),
              JAVA_LONG.withName("encode_ns"))
          .withName("HotpathTiming");

  private static final VarHandle BUFFER_PTR = BUFFER.varHandle(groupElement("ptr"));
  private static final VarHandle BUFFER_LEN = BUFFER.varHandle(groupElement("len"));
  private static final VarHandle TIMING_QUEUE = TIMING.varHandle(groupElement("queue_ns"));
  private static final VarHandle TIMING_DECODE = TIMING.varHandle(groupElement("decode_ns"));
  private static final VarHandle TIMING_COMPUTE = TIMING.varHandle(groupElement("compute_ns"));
  private static final VarHandle TIMING_ENCODE = TIMING.varHandle(groupElement("encode_ns"));

  /**
   * The 4-byte cancel flag, accessed only atomically (hotpath.h requires it): Java stores with
   * release semantics, Rust loads with Acquire.
   */
  private static final VarHandle FLAG = JAVA_INT.varHandle();

  private HotpathLayouts() {}

  /**
   * The bytes a filled {@code HotpathBuffer} lends, as a segment of exactly {@code len} bytes
   * ({@link MemorySegment#NULL} when empty). The segment is valid only until the buffer is
   * given back with {@code hotpath_buffer_free}: read or copy it before that, never after.
   */
  @SuppressWarnings("restricted") // reinterpret: native access is enabled for the gateway
  static MemorySegment contents(MemorySegment buffer) {
    MemorySegment ptr = (MemorySegment) BUFFER_PTR.get(buffer, 0L);
    long len = (long) BUFFER_LEN.get(buffer, 0L);
    // ptr is a zero-length address from Rust; reinterpret gives it the length Rust reported.
    return ptr.address() == 0 ? MemorySegment.NULL : ptr.reinterpret(len);
  }

  /** Timing field readers for {@link FastResults}. */
  static long queueNs(MemorySegment timing) {
    return (long) TIMING_QUEUE.get(timing, 0L);
  }

  static long decodeNs(MemorySegment timing) {
    return (long) TIMING_DECODE.get(timing, 0L);
  }

  static long computeNs(MemorySegment timing) {
    return (long) TIMING_COMPUTE.get(timing, 0L);
  }

  static long encodeNs(MemorySegment timing) {
    return (long) TIMING_ENCODE.get(timing, 0L);
  }

  /** Clears the flag before a call, on the thread that makes the call. */
  static void clearFlag(MemorySegment flag) {
    FLAG.setVolatile(flag, 0L, 0);
  }

  /** Raises the flag from any thread; the release store pairs with Rust's Acquire load. */
  static void raiseFlag(MemorySegment flag) {
    FLAG.setRelease(flag, 0L, 1);
  }
}
