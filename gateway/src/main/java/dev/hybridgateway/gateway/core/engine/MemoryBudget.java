package dev.hybridgateway.gateway.core.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's memory budget (hotpath-core's {@code budget.rs}): bytes charged by collections and
 * large transient buffers, reserved before allocating so the engine refuses work (
 * RESOURCE_EXHAUSTED + QuotaFailure) instead of running the JVM out of heap.
 */
final class MemoryBudget {
  private final long budget;
  private final AtomicLong used = new AtomicLong();

  MemoryBudget(long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("memory budget must be >= 0 bytes, is " + budget);
    }
    this.budget = budget;
  }

  long budget() {
    return budget;
  }

  long used() {
    return used.get();
  }

  /** Charges {@code bytes}, or throws MEMORY_BUDGET_EXCEEDED leaving the budget unchanged. */
  Reservation reserve(long bytes) {
    charge(bytes);
    return new Reservation(this, bytes);
  }

  private void charge(long bytes) {
    long now = used.get();
    while (true) {
      long available = Math.max(0, budget - now);
      if (Long.compareUnsigned(bytes, available) > 0) {
        throw new CoreException(new CoreError.MemoryBudgetExceeded(bytes, available, budget));
      }
      long witness = used.compareAndExchange(now, now + bytes);
      if (witness == now) {
        return;
      }
      now = witness;
    }
  }

  /** Bytes charged against a budget; {@link #close()} releases them (once). */
  static final class Reservation implements AutoCloseable {
    private final MemoryBudget budget;
    private long bytes;
    private boolean closed;

    private Reservation(MemoryBudget budget, long bytes) {
      this.budget = budget;
      this.bytes = bytes;
    }

    synchronized long bytes() {
      return bytes;
    }

    /** Charges {@code extra} more bytes, or throws leaving this reservation unchanged. */
    synchronized void grow(long extra) {
      budget.charge(extra);
      bytes += extra;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        budget.used.addAndGet(-bytes);
      }
    }
  }
}
