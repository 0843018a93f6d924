package dev.hybridgateway.gateway.core.ffi;

import dev.hybridgateway.gateway.core.CallScope;
import java.lang.foreign.MemorySegment;

/**
 * What one downcall needs besides its request, handed to a {@link NativeTask} on a pool thread.
 *
 * @param bindings the library's downcall handles
 * @param engine the engine pointer, acquired for the duration of the task
 * @param cancelFlag the 4-byte flag Java raises to cancel the call (owned by the pool thread)
 * @param scope the caller's deadline and cancellation
 * @param scratch the pool thread's reusable native memory for arguments and outputs
 */
record NativeCallContext(
    HotpathBindings bindings,
    MemorySegment engine,
    MemorySegment cancelFlag,
    CallScope scope,
    Scratch scratch) {

  /**
   * The remaining budget in ns for the {@code budget_ns} argument, 0 once the deadline passed.
   * Read it in the argument list of the downcall itself, so that the time spent encoding the
   * request is not granted to Rust a second time.
   */
  long budgetNanos() {
    return Math.max(0, scope.remainingNanos());
  }
}
