package dev.hybridgateway.bench.load;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The shape of one constant-rate run. A run is bounded twice: it stops when the schedule passes
 * {@code warmup + duration} or when {@code maxRequests} measured requests were scheduled,
 * whichever comes first, then waits at most {@code deadline + drainTimeout} for answers still in
 * flight (those that never come count as {@link ErrorCodes#CLIENT_NO_ANSWER}).
 *
 * @param rate requests per second, the arrival rate of the schedule
 * @param warmup leading part of the schedule that is sent but not recorded
 * @param duration measured part of the schedule
 * @param maxRequests most measured requests to schedule
 * @param maxInFlight most requests awaiting an answer; a request due beyond it is not sent and
 *     counts as {@link ErrorCodes#CLIENT_SATURATED}
 * @param deadline the deadline every request carries
 * @param overrunTolerance an answer later than its deadline by more than this is an overrun
 * @param drainTimeout how long the run waits for answers past the last request's deadline
 */
public record RunConfig(
    double rate,
    Duration warmup,
    Duration duration,
    long maxRequests,
    int maxInFlight,
    Duration deadline,
    Duration overrunTolerance,
    Duration drainTimeout) {

  public RunConfig {
    requireNonNull(warmup, "warmup");
    requireNonNull(duration, "duration");
    requireNonNull(deadline, "deadline");
    requireNonNull(overrunTolerance, "overrunTolerance");
    requireNonNull(drainTimeout, "drainTimeout");
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a positive number of requests/s: " + rate);
    }
    if (warmup.isNegative() || !duration.isPositive()) {
      throw new IllegalArgumentException("warmup must be >= 0 and duration > 0");
    }
    if (maxRequests < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("maxRequests and maxInFlight must be >= 1");
    }
    if (!deadline.isPositive() || overrunTolerance.isNegative() || drainTimeout.isNegative()) {
      throw new IllegalArgumentException("deadline must be > 0; tolerance and drain >= 0");
    }
  }

  /** A builder with the defaults of the CLI. */
  public static RunConfigBuilder builder() {
    return new RunConfigBuilder();
  }

  /** The same run at another rate (the ramp's steps and load levels). */
  public RunConfig withRate(double newRate) {
    return new RunConfig(
        newRate, warmup, duration, maxRequests, maxInFlight, deadline, overrunTolerance,
        drainTimeout);
  }

  /** The same run with another warm-up and duration. */
  public RunConfig withTiming(Duration newWarmup, Duration newDuration) {
    return new RunConfig(
        rate, newWarmup, newDuration, maxRequests, maxInFlight, deadline, overrunTolerance,
        drainTimeout);
  }

  /** Offset of request {@code index} from the start of the schedule, in ns. */
  public long offsetNanos(long index) {
    return Math.round(index * (1e9 / rate));
  }
}
