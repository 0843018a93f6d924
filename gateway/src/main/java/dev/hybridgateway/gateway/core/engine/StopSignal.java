package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Why a call must stop, as hotpath-core's {@code stop.rs}: its absolute deadline (a {@link
 * System#nanoTime()} instant) passed, or its caller set the cancel flag. Every long-running engine
 * step polls {@link #check()} at least every ~1 ms of work.
 *
 * <p>A passed deadline wins over the flag: the client also sets the flag when the caller's Context
 * is cancelled, and a caller whose deadline passed must see DEADLINE_EXCEEDED, not CANCELLED.
 */
final class StopSignal {
  private static final AtomicBoolean NEVER_CANCELLED = new AtomicBoolean();

  private final boolean hasDeadline;
  private final long deadlineNanos;
  private final AtomicBoolean cancel;

  private StopSignal(boolean hasDeadline, long deadlineNanos, AtomicBoolean cancel) {
    this.hasDeadline = hasDeadline;
    this.deadlineNanos = deadlineNanos;
    this.cancel = requireNonNull(cancel, "cancel");
  }

  /**
   * Fires at {@code deadlineNanos} (a {@code System.nanoTime()} instant) or when the flag is set.
   */
  static StopSignal of(long deadlineNanos, AtomicBoolean cancel) {
    return new StopSignal(true, deadlineNanos, cancel);
  }

  /** Fires only when the flag is set. */
  static StopSignal withoutDeadline(AtomicBoolean cancel) {
    return new StopSignal(false, 0, cancel);
  }

  /** Never fires. */
  static StopSignal never() {
    return withoutDeadline(NEVER_CANCELLED);
  }

  /** Throws DEADLINE_EXCEEDED once the deadline has passed, else CANCELLED once the flag is set. */
  void check() {
    if (deadlinePassed()) {
      throw new CoreException(new CoreError.DeadlineExceeded());
    }
    if (cancel.get()) {
      throw new CoreException(new CoreError.Cancelled());
    }
  }

  /** Whether the deadline (if any) has passed. */
  boolean deadlinePassed() {
    return hasDeadline && System.nanoTime() - deadlineNanos >= 0;
  }

  /** Whether the caller has set the cancel flag. */
  boolean isCancelled() {
    return cancel.get();
  }
}
