package dev.hybridgateway.bench.load;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How {@link StepRamp} searches for the maximum sustainable rate and what it runs afterwards.
 * Steps go {@code startRate, startRate × factor, ...} up to {@code maxRate}; a step is
 * sustainable when its p99 stays within {@code p99Bound}, it achieves at least
 * {@code minAchievedRatio} of the offered rate and fewer than {@code maxErrorRatio} of its
 * requests fail. The last sustainable step is the maximum; then one run per entry of
 * {@code levels} (fractions of the maximum, e.g. 0.5, 0.7, 0.9).
 */
public record RampPlan(
    double startRate,
    double factor,
    double maxRate,
    Duration stepWarmup,
    Duration stepDuration,
    Duration p99Bound,
    double minAchievedRatio,
    double maxErrorRatio,
    List<Double> levels,
    Duration levelWarmup,
    Duration levelDuration) {

  /** The criteria the issue names: p99 bound, 95 % of offered, 1 % errors; levels 50/70/90 %. */
  public static final List<Double> DEFAULT_LEVELS = List.of(0.5, 0.7, 0.9);

  public RampPlan {
    requireNonNull(stepWarmup, "stepWarmup");
    requireNonNull(stepDuration, "stepDuration");
    requireNonNull(p99Bound, "p99Bound");
    requireNonNull(levelWarmup, "levelWarmup");
    requireNonNull(levelDuration, "levelDuration");
    levels = List.copyOf(requireNonNull(levels, "levels"));
    if (!(startRate > 0) || !(factor > 1) || !(maxRate >= startRate)) {
      throw new IllegalArgumentException(
          "need startRate > 0, factor > 1 and maxRate >= startRate");
    }
    if (levels.stream().anyMatch(level -> !(level > 0 && level <= 1))) {
      throw new IllegalArgumentException("levels are fractions in (0, 1]: " + levels);
    }
  }

  /** Why {@code run} is not sustainable under this plan, or null when it is. */
  public String verdict(RunResult run) {
    double p99 = run.latency() == null ? Double.POSITIVE_INFINITY : run.latency().p99Ms();
    double boundMs = p99Bound.toNanos() / 1e6;
    if (p99 > boundMs) {
      return String.format(java.util.Locale.ROOT, "p99 %.2f ms > bound %.2f ms", p99, boundMs);
    }
    double achieved = run.throughput().achievedRate();
    if (achieved < minAchievedRatio * run.throughput().offeredRate()) {
      return String.format(
          java.util.Locale.ROOT,
          "achieved %.1f/s < %.0f%% of offered %.1f/s",
          achieved, minAchievedRatio * 100, run.throughput().offeredRate());
    }
    if (run.errorRatio() > maxErrorRatio) {
      return String.format(
          java.util.Locale.ROOT,
          "errors %.2f%% > %.2f%% %s",
          run.errorRatio() * 100, maxErrorRatio * 100, run.errors());
    }
    return null;
  }
}
