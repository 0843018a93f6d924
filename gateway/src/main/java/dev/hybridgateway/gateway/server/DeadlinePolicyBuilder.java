package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import io.grpc.Deadline;
import java.time.Duration;

/**
 * Builds a {@link DeadlinePolicy}. The defaults suit the example core (a search of the demo
 * collection takes a few ms, a large Rerank tens of ms): a call without a deadline gets 2 s, no
 * call gets more than 30 s, the edge keeps 2 ms for itself and does not call the core with less
 * than 5 ms.
 */
public final class DeadlinePolicyBuilder {
  /** Deadline of calls whose client sets none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  /** Longest deadline any call gets. */
  public static final Duration DEFAULT_MAX_TIMEOUT = Duration.ofSeconds(30);
  /** Time kept for the edge after the core answers. */
  public static final Duration DEFAULT_RESERVE = Duration.ofMillis(2);
  /** Least time worth calling the core with. */
  public static final Duration DEFAULT_MIN_BUDGET = Duration.ofMillis(5);

  private Duration defaultTimeout = DEFAULT_TIMEOUT;
  private Duration maxTimeout = DEFAULT_MAX_TIMEOUT;
  private Duration reserve = DEFAULT_RESERVE;
  private Duration minBudget = DEFAULT_MIN_BUDGET;
  private Deadline.Ticker ticker = Deadline.getSystemTicker();

  DeadlinePolicyBuilder() {}

  /** The deadline of a call whose client sent none. */
  public DeadlinePolicyBuilder defaultTimeout(Duration defaultTimeout) {
    this.defaultTimeout = requireNonNull(defaultTimeout, "defaultTimeout");
    return this;
  }

  /** The longest deadline a call gets. */
  public DeadlinePolicyBuilder maxTimeout(Duration maxTimeout) {
    this.maxTimeout = requireNonNull(maxTimeout, "maxTimeout");
    return this;
  }

  /** The time the edge keeps for itself after the core call. */
  public DeadlinePolicyBuilder reserve(Duration reserve) {
    this.reserve = requireNonNull(reserve, "reserve");
    return this;
  }

  /** The least time worth calling the core with. */
  public DeadlinePolicyBuilder minBudget(Duration minBudget) {
    this.minBudget = requireNonNull(minBudget, "minBudget");
    return this;
  }

  /** The clock; tests pass a fake ticker. */
  public DeadlinePolicyBuilder ticker(Deadline.Ticker ticker) {
    this.ticker = requireNonNull(ticker, "ticker");
    return this;
  }

  /** The policy; throws IllegalArgumentException when the durations contradict each other. */
  public DeadlinePolicy build() {
    return new DeadlinePolicy(defaultTimeout, maxTimeout, reserve, minBudget, ticker);
  }
}
