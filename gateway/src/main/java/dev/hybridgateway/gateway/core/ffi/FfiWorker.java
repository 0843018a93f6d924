package dev.hybridgateway.gateway.core.ffi;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A platform thread of the FFI bulkhead. FFM downcalls pin virtual threads to their carrier,
 * so native calls run here and never on the caller's (possibly virtual) thread.
 *
 * <p>Each worker owns the native memory its calls need: a 4-byte cancel flag and a {@link
 * Scratch} for arguments. The flag lives in a shared arena because other threads raise it
 * (under the lock of the {@link FfiCall} bound to it, and only while bound); it is freed when the
 * thread ends, when no call can be bound any more. The scratch is confined to this thread.
 */
final class FfiWorker extends Thread {
  private final Arena flagArena = Arena.ofShared();
  private final MemorySegment cancelFlag = flagArena.allocate(JAVA_INT);
  private final Scratch scratch = new Scratch();
  private volatile FfiCall<?> current;

  FfiWorker(Runnable pool, String name) {
    super(pool, name);
    setDaemon(true);
  }

  /** The worker running the caller; calls run only on workers. */
  static FfiWorker current() {
    if (Thread.currentThread() instanceof FfiWorker worker) {
      return worker;
    }
    throw new IllegalStateException("FFI calls run on FfiWorker threads only");
  }

  /** This thread's cancel flag (valid while the thread runs). */
  MemorySegment cancelFlag() {
    return cancelFlag;
  }

  /** This thread's scratch memory (this thread only). */
  Scratch scratch() {
    return scratch;
  }

  /** The call this worker is running, or null (read by close() to cancel it). */
  FfiCall<?> currentCall() {
    return current;
  }

  void begin(FfiCall<?> call) {
    current = call;
  }

  void end() {
    current = null;
    scratch.trim();
  }

  @Override
  public void run() {
    try {
      super.run();
    } finally {
      // No call is bound any more: nobody can raise the flag or use the scratch after this.
      scratch.close();
      flagArena.close();
    }
  }
}
