package dev.hybridgateway.gateway.config;

import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.gateway.core.CoreClient;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a core answers, so the gateway reports SERVING only in front of a working core. An
 * in-process core answers at once; a gRPC core may still be starting (both processes launched
 * together), so UNAVAILABLE is retried with a capped exponential backoff until the start-up
 * deadline. Any other failure is final.
 */
public final class CoreReadiness {
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  private CoreReadiness() {}

  /** The core's counters once it answers; throws the last failure when {@code timeout} passes. */
  public static EngineStats await(CoreClient core, Duration timeout) throws InterruptedException {
    Deadline deadline = Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      try {
        return StartupCalls.within(PROBE_TIMEOUT, () -> core.getStats().join().response());
      } catch (StatusRuntimeException failure) {
        boolean retryable = failure.getStatus().getCode() == Status.Code.UNAVAILABLE;
        if (!retryable || deadline.timeRemaining(TimeUnit.NANOSECONDS) < backoff.toNanos()) {
          throw failure;
        }
      }
      Thread.sleep(backoff);
      backoff = backoff.multipliedBy(2);
      if (backoff.compareTo(MAX_BACKOFF) > 0) {
        backoff = MAX_BACKOFF;
      }
    }
  }
}
