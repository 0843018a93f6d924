package dev.hybridgateway.bench.load;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the requests awaiting an answer. The scheduler never waits on it: a request due while
 * the gate is full is refused (and counted as {@link ErrorCodes#CLIENT_SATURATED}), so a slow
 * target cannot push the schedule back.
 */
final class InFlightGate {
  private final int max;
  private int inFlight;

  InFlightGate(int max) {
    this.max = max;
  }

  synchronized boolean tryAcquire() {
    if (inFlight >= max) {
      return false;
    }
    inFlight++;
    return true;
  }

  synchronized void release() {
    inFlight--;
    if (inFlight == 0) {
      notifyAll();
    }
  }

  /** Waits until nothing is in flight; false when {@code timeout} passed first. */
  synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (inFlight > 0) {
      long remaining = end - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
    }
    return true;
  }
}
