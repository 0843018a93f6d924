package dev.hybridgateway.gateway.core.ffi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.util.Objects.requireNonNull;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns one {@code HotpathEngine *}: created by {@link #open}, freed exactly once after {@link
 * #close()} and the last call that uses it.
 *
 * <p>hotpath.h forbids freeing an engine while a call on it is in flight. Calls therefore
 * {@link #acquire()} the engine before a downcall and {@link #release()} it afterwards; {@code
 * close()} only marks the engine closed, and whoever brings the count of users to zero after
 * that (close itself, or the last call) frees it. A closed engine refuses new users, so there is
 * no use after free and no double free, whatever the order of close and calls.
 *
 * <pre>{@code
 * try (NativeEngine engine = NativeEngine.open(NativeLibrary.load(), EngineOptions.defaults())) {
 *   ...
 * }
 * }</pre>
 */
public final class NativeEngine implements AutoCloseable {
  /** State bit set by close(); the low bits count the calls using the engine. */
  private static final int CLOSED = 1 << 30;

  private final HotpathBindings bindings;
  private final MemorySegment pointer;
  private final EngineOptions options;
  private final AtomicInteger state = new AtomicInteger();

  private NativeEngine(HotpathBindings bindings, MemorySegment pointer, EngineOptions options) {
    this.bindings = bindings;
    this.pointer = pointer;
    this.options = options;
  }

  /** Creates an engine; IllegalArgumentException when the library refuses the options. */
  public static NativeEngine open(NativeLibrary library, EngineOptions options) {
    requireNonNull(library, "library");
    requireNonNull(options, "options");
    HotpathBindings bindings = library.bindings();
    MemorySegment pointer;
    try (Arena arena = Arena.ofConfined()) {
      // data_dir is borrowed for the call only; the confined arena frees it right after.
      MemorySegment dir = MemorySegment.NULL;
      long dirLen = 0;
      if (options.dataDir() != null) {
        byte[] bytes = options.dataDir().toString().getBytes(StandardCharsets.UTF_8);
        dir = arena.allocateFrom(JAVA_BYTE, bytes);
        dirLen = bytes.length;
      }
      pointer = bindings.engineNew(options.memoryBudgetBytes(), dir, dirLen, options.flags());
    }
    if (pointer.address() == 0) {
      throw new IllegalArgumentException(
          "hotpath_engine_new refused " + options + " (unknown flag or invalid data directory)");
    }
    return new NativeEngine(bindings, pointer, options);
  }

  /** The options the engine was created with. */
  public EngineOptions options() {
    return options;
  }

  /** Whether {@link #close()} was called (the engine may still serve calls already running). */
  public boolean isClosed() {
    return (state.get() & CLOSED) != 0;
  }

  /**
   * Marks the engine as used by one more call; false once closed. Every true must be paired
   * with one {@link #release()} after the downcall returned.
   */
  boolean acquire() {
    int current;
    do {
      current = state.get();
      if ((current & CLOSED) != 0) {
        return false;
      }
    } while (!state.compareAndSet(current, current + 1));
    return true;
  }

  /** Ends one use; the last use after close frees the engine. */
  void release() {
    if (state.decrementAndGet() == CLOSED) {
      free();
    }
  }

  /** The downcall handles of the library the engine belongs to. */
  HotpathBindings bindings() {
    return bindings;
  }

  /** The engine pointer; only valid between {@link #acquire()} and {@link #release()}. */
  MemorySegment pointer() {
    return pointer;
  }

  /** Closes the engine; it is freed now, or when the last call in flight returns. Idempotent. */
  @Override
  public void close() {
    int before = state.getAndUpdate(s -> s | CLOSED);
    if (before == 0) {
      free();
    }
  }

  private void free() {
    // Reached exactly once: the state became CLOSED with no user, and no user can start again.
    bindings.engineFree(pointer);
  }

  @Override
  public String toString() {
    return "NativeEngine[" + (isClosed() ? "closed" : "open") + ", " + options + "]";
  }
}
