package dev.hybridgateway.gateway.resilience;

/**
 * Caps retries to a fraction of a backend's traffic, so retries cannot multiply the load on a
 * backend that is already struggling (a retry storm). Every first attempt deposits
 * {@code ratio} of a token; every retry withdraws a whole token; the balance is capped at
 * {@code maxTokens}. Over any long stretch at most {@code ratio} extra calls per call are made
 * (e.g. 0.1 = at most 10 % more), with a burst of at most {@code maxTokens} retries after a quiet
 * period. The window is therefore counted in calls, not wall time: no clock is involved.
 */
public final class RetryBudget {
  private final double ratio;
  private final double maxTokens;
  private double tokens;

  private RetryBudget(double ratio, double maxTokens) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("ratio must be in [0, 1], is " + ratio);
    }
    if (!(maxTokens >= 1)) {
      throw new IllegalArgumentException("maxTokens must be >= 1, is " + maxTokens);
    }
    this.ratio = ratio;
    this.maxTokens = maxTokens;
    this.tokens = maxTokens;
  }

  /** A budget of {@code ratio} retries per call with bursts of up to {@code maxTokens}. */
  public static RetryBudget of(double ratio, double maxTokens) {
    return new RetryBudget(ratio, maxTokens);
  }

  /** Records a first attempt. */
  public synchronized void onCall() {
    tokens = Math.min(maxTokens, tokens + ratio);
  }

  /** Takes one retry from the budget; false when the budget is spent. */
  public synchronized boolean tryRetry() {
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** Retries currently affordable (for tests and diagnostics). */
  public synchronized double tokens() {
    return tokens;
  }
}
