package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.load.RampPlan;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code --ramp}: the step search for the maximum rate and the load levels. */
public final class RampOptions {
  @Option(names = "--ramp", description = "Find the maximum sustainable rate with a step ramp,"
      + " then run at --levels of it (instead of one run at --rate).")
  boolean enabled;

  @Option(names = "--ramp-start", defaultValue = "100", description = "First step, requests/s (default: ${DEFAULT-VALUE}).")
  double start;

  @Option(names = "--ramp-factor", defaultValue = "1.5", description = "Each step multiplies the rate by this (default: ${DEFAULT-VALUE}).")
  double factor;

  @Option(names = "--ramp-max", defaultValue = "50000", description = "Highest step, requests/s (default: ${DEFAULT-VALUE}).")
  double max;

  @Option(names = "--ramp-step", defaultValue = "5s", converter = DurationConverter.class,
      description = "Measured duration of each step (default: ${DEFAULT-VALUE}).")
  Duration step;

  @Option(names = "--ramp-step-warmup", defaultValue = "1s", converter = DurationConverter.class,
      description = "Warm-up of each step (default: ${DEFAULT-VALUE}).")
  Duration stepWarmup;

  @Option(names = "--p99-bound", defaultValue = "50ms", converter = DurationConverter.class,
      description = "A step whose p99 exceeds this is not sustainable (default: ${DEFAULT-VALUE}).")
  Duration p99Bound;

  @Option(names = "--min-achieved", defaultValue = "0.95",
      description = "Least achieved/offered throughput of a sustainable step (default: ${DEFAULT-VALUE}).")
  double minAchieved;

  @Option(names = "--max-errors", defaultValue = "0.01",
      description = "Largest error ratio of a sustainable step (default: ${DEFAULT-VALUE}).")
  double maxErrors;

  @Option(names = "--levels", split = ",", defaultValue = "0.5,0.7,0.9",
      description = "Fractions of the maximum to run at after the ramp (default: ${DEFAULT-VALUE}).")
  List<Double> levels;

  public boolean enabled() {
    return enabled;
  }

  /** The first step's rate. */
  public double start() {
    return start;
  }

  /** The plan; the levels run with the command's --warmup and --duration. */
  public RampPlan plan(Duration levelWarmup, Duration levelDuration) {
    return new RampPlan(start, factor, max, stepWarmup, step, p99Bound, minAchieved, maxErrors,
        levels, levelWarmup, levelDuration);
  }
}
