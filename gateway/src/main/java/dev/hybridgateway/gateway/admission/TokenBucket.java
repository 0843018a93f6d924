package dev.hybridgateway.gateway.admission;

/**
 * A token bucket of {@code capacity} tokens refilled at {@code nanosPerToken}, on a caller-given
 * clock (nanoseconds, monotonic), so it is exact and testable without waiting. Starts full.
 */
final class TokenBucket {
  private final long capacity;
  private final long nanosPerToken;
  private long tokens;
  private long refilledAt;

  TokenBucket(long capacity, long nanosPerToken, long now) {
    this.capacity = capacity;
    this.nanosPerToken = nanosPerToken;
    this.tokens = capacity;
    this.refilledAt = now;
  }

  /** Takes one token: 0 when granted, else the nanoseconds until the next token is available. */
  synchronized long tryTake(long now) {
    long elapsed = now - refilledAt;
    if (elapsed >= nanosPerToken) {
      long earned = elapsed / nanosPerToken;
      if (tokens + earned >= capacity) {
        tokens = capacity;
        refilledAt = now;
      } else {
        tokens += earned;
        refilledAt += earned * nanosPerToken;
      }
    }
    if (tokens > 0) {
      tokens--;
      return 0;
    }
    return Math.max(1, nanosPerToken - (now - refilledAt));
  }
}
