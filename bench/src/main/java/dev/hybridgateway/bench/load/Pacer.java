package dev.hybridgateway.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits for an intended send time: parks while far from it, then spins the last
 * {@value #SPIN_NANOS} ns, because a park alone wakes up tens of microseconds late on Linux and
 * that lateness would be added to every latency measured from the intended time.
 */
final class Pacer {
  static final long SPIN_NANOS = 50_000;

  private Pacer() {}

  /** Returns when {@code System.nanoTime()} reaches {@code when}; false if interrupted first. */
  static boolean waitUntil(long when) {
    while (true) {
      long remaining = when - System.nanoTime();
      if (remaining <= 0) {
        return true;
      }
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
      if (remaining > SPIN_NANOS) {
        LockSupport.parkNanos(remaining - SPIN_NANOS);
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
