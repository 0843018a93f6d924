package dev.hybridgateway.gateway.resilience;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * Configures {@link BackendResilience}. Defaults: a count-based window of the last 20 calls,
 * opened at 50 % failures once 10 calls were seen, open for 5 s, 3 probe calls when half-open;
 * {@link RetryPolicy#DEFAULT}; a retry budget of 10 % of calls with bursts of 10; the system
 * clock; a seeded-by-time random for jitter; a shared daemon scheduler for backoffs.
 */
public final class BackendResilienceBuilder {
  int windowSize = 20;
  int minimumCalls = 10;
  float failureRatePercent = 50;
  Duration openWait = Duration.ofSeconds(5);
  int halfOpenCalls = 3;
  RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  double retryRatio = 0.1;
  double retryBurst = 10;
  Clock clock = Clock.systemUTC();
  RandomGenerator random = RandomGenerator.getDefault();
  ScheduledExecutorService scheduler;

  BackendResilienceBuilder() {}

  /** Calls in the sliding window and how many must be seen before the failure rate counts. */
  public BackendResilienceBuilder window(int windowSize, int minimumCalls) {
    this.windowSize = windowSize;
    this.minimumCalls = minimumCalls;
    return this;
  }

  /** Failure rate (percent) at or above which the circuit opens. */
  public BackendResilienceBuilder failureRatePercent(float failureRatePercent) {
    this.failureRatePercent = failureRatePercent;
    return this;
  }

  /** How long an open circuit refuses calls before letting probes through. */
  public BackendResilienceBuilder openWait(Duration openWait) {
    this.openWait = requireNonNull(openWait, "openWait");
    return this;
  }

  /** Probe calls allowed while half-open. */
  public BackendResilienceBuilder halfOpenCalls(int halfOpenCalls) {
    this.halfOpenCalls = halfOpenCalls;
    return this;
  }

  /** When and how failed calls are retried. */
  public BackendResilienceBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy");
    return this;
  }

  /** Retries per call allowed per backend (0.1 = 10 % extra calls) and the burst cap. */
  public BackendResilienceBuilder retryBudget(double ratio, double burst) {
    this.retryRatio = ratio;
    this.retryBurst = burst;
    return this;
  }

  /** The clock of the circuits' open wait (tests inject one they can advance). */
  public BackendResilienceBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /** The source of backoff jitter (tests pass a seeded one). */
  public BackendResilienceBuilder random(RandomGenerator random) {
    this.random = requireNonNull(random, "random");
    return this;
  }

  /** Where backoffs wait; the caller owns it. Default: a daemon thread owned by the instance. */
  public BackendResilienceBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = requireNonNull(scheduler, "scheduler");
    return this;
  }

  public BackendResilience build() {
    return new BackendResilience(this);
  }

  CircuitBreakerConfig circuitConfig() {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(windowSize)
        .minimumNumberOfCalls(minimumCalls)
        .failureRateThreshold(failureRatePercent)
        .waitDurationInOpenState(openWait)
        .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
        .clock(clock)
        .build();
  }
}
