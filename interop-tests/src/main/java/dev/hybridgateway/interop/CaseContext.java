package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a case runs with: the target under test, the pure-Java reference engine as the oracle
 * (always in this JVM, so expectations never depend on the deployment), a timer for Context
 * deadlines, and the tolerance of the timing assertions.
 */
public record CaseContext(
    InteropTarget target, CoreClient oracle, ScheduledExecutorService timer, Duration tolerance) {

  /** Far below the ~1 s of a complete long scan; generous for a shared, noisy 2-core machine. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMillis(250);

  public CaseContext {
    requireNonNull(target, "target");
    requireNonNull(oracle, "oracle");
    requireNonNull(timer, "timer");
    requireNonNull(tolerance, "tolerance");
  }

  /** The client under test. */
  public CoreClient core() {
    return target.core();
  }
}
