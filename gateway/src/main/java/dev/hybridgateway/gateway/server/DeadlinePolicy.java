package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.Deadline;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The edge's deadline rule for one route: the core is never called without a deadline, never
 * with more time than the route allows, and never so late that the edge cannot answer in time.
 *
 * <pre>
 * effective = min(client deadline, now + maximum)   or now + default when the client sent none
 * core deadline = effective - reserve               (time kept for the edge to merge and answer)
 * core deadline - now &lt; minimum budget  →  DEADLINE_EXCEEDED (stage "edge"), the core is not called
 * </pre>
 *
 * <pre>{@code
 * DeadlinePolicy policy = DeadlinePolicy.builder().defaultTimeout(Duration.ofSeconds(2)).build();
 * Deadline core = policy.coreDeadline(Context.current().getDeadline());
 * }</pre>
 *
 * @param defaultTimeout the deadline of a call whose client sent none
 * @param maxTimeout the longest deadline a call gets, whatever the client asked
 * @param reserve subtracted from the effective deadline, for the edge's own work after the core
 * @param minBudget the least time worth calling the core with
 * @param ticker the clock (the system's; tests use a fake one)
 */
public record DeadlinePolicy(
    Duration defaultTimeout,
    Duration maxTimeout,
    Duration reserve,
    Duration minBudget,
    Deadline.Ticker ticker) {

  public DeadlinePolicy {
    requireNonNull(defaultTimeout, "defaultTimeout");
    requireNonNull(maxTimeout, "maxTimeout");
    requireNonNull(reserve, "reserve");
    requireNonNull(minBudget, "minBudget");
    requireNonNull(ticker, "ticker");
    if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
      throw new IllegalArgumentException("defaultTimeout must be > 0, got " + defaultTimeout);
    }
    if (maxTimeout.compareTo(defaultTimeout) < 0) {
      throw new IllegalArgumentException(
          "maxTimeout (" + maxTimeout + ") must be >= defaultTimeout (" + defaultTimeout + ")");
    }
    if (reserve.isNegative() || minBudget.isNegative()) {
      throw new IllegalArgumentException("reserve and minBudget must be >= 0");
    }
    if (defaultTimeout.compareTo(reserve.plus(minBudget)) < 0) {
      throw new IllegalArgumentException(
          "defaultTimeout (" + defaultTimeout + ") leaves less than the minimum budget ("
              + minBudget + ") after the reserve (" + reserve + ")");
    }
  }

  /** A builder with the gateway's defaults (see {@link DeadlinePolicyBuilder}). */
  public static DeadlinePolicyBuilder builder() {
    return new DeadlinePolicyBuilder();
  }

  /** The gateway's defaults. */
  public static DeadlinePolicy defaults() {
    return builder().build();
  }

  /**
   * The deadline to call the core with, for a call whose client set {@code clientDeadline}
   * (null when it set none). The client deadline must come from this policy's ticker (the
   * system ticker for gRPC deadlines).
   *
   * @throws StatusRuntimeException DEADLINE_EXCEEDED with {@code ErrorInfo{stage: edge}} when
   *     less than {@link #minBudget()} would be left for the core
   */
  public Deadline coreDeadline(Deadline clientDeadline) {
    Deadline routeMax = Deadline.after(maxTimeout.toNanos(), TimeUnit.NANOSECONDS, ticker);
    Deadline effective =
        clientDeadline == null
            ? Deadline.after(defaultTimeout.toNanos(), TimeUnit.NANOSECONDS, ticker)
            : clientDeadline.minimum(routeMax);
    Deadline core = effective.offset(-reserve.toNanos(), TimeUnit.NANOSECONDS);
    long left = core.timeRemaining(TimeUnit.NANOSECONDS);
    if (left < minBudget.toNanos()) {
      throw CoreErrors.toException(
          CoreErrors.deadlineExceeded(
              "edge",
              String.format(
                  "%.1f ms left for the core after the edge reserve of %d ms; a core call needs"
                      + " at least %d ms",
                  Math.max(0, left) / 1e6, reserve.toMillis(), minBudget.toMillis())));
    }
    return core;
  }
}
