package dev.hybridgateway.gateway.resilience;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When and after how long a failed call is tried again. Backoff is exponential with "equal
 * jitter": attempt n (1-based retry count) waits a uniform random time in
 * {@code [d/2, d]} where {@code d = min(maxBackoff, initialBackoff * 2^(n-1))}, so concurrent
 * callers do not retry in lockstep. A retry is made only if the caller's remaining deadline
 * covers the backoff plus {@code minBudget} (time for the retried call to do useful work):
 * retries never extend a deadline.
 *
 * @param maxAttempts total attempts including the first (1 disables retries)
 * @param initialBackoff backoff before the first retry (upper bound before jitter)
 * @param maxBackoff cap of the exponential backoff
 * @param minBudget time that must remain after the backoff for a retry to be worth making
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration minBudget) {

  /** Three attempts, 10 ms doubling to at most 200 ms, 20 ms of budget left for the retry. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(200), Duration.ofMillis(20));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, is " + maxAttempts);
    }
    requireNonNull(initialBackoff, "initialBackoff");
    requireNonNull(maxBackoff, "maxBackoff");
    requireNonNull(minBudget, "minBudget");
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || minBudget.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** The jittered backoff before retry number {@code retry} (1 for the first retry), in ns. */
  public long backoffNanos(int retry, RandomGenerator random) {
    long base = initialBackoff.toNanos();
    long capped = maxBackoff.toNanos();
    long d = retry >= 62 ? capped : Math.min(capped, base << Math.min(retry - 1, 40));
    if (d < 0) {
      d = capped;
    }
    long half = d / 2;
    return half + (d - half == 0 ? 0 : random.nextLong(d - half + 1));
  }

  /** Whether a retry after {@code backoffNanos} fits in {@code remainingNanos}. */
  public boolean fits(long backoffNanos, long remainingNanos) {
    return remainingNanos - backoffNanos >= minBudget.toNanos();
  }
}
