package dev.hybridgateway.bench.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The preflight call of a gateway target, retried while the gateway answers UNAVAILABLE: after
 * an overloaded run (e.g. the last step of the previous target's ramp) the backend's circuit
 * stays open for a few seconds, and the next target must wait for it to close rather than fail.
 * Other codes, and an UNAVAILABLE raised by the client itself (no connection: it carries the
 * I/O exception as its cause), fail at once.
 */
final class Preflight {
  /** Longest wait: the gateway's circuit stays open 5 s, then lets probes through. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private static final long BACKOFF_MILLIS = 250;

  private Preflight() {}

  static <T> T retryWhileUnavailable(Supplier<T> call) {
    long end = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        return call.get();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || e.getStatus().getCause() != null
            || System.nanoTime() > end) {
          throw e;
        }
      }
      try {
        Thread.sleep(BACKOFF_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
