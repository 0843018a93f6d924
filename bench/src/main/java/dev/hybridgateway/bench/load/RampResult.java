package dev.hybridgateway.bench.load;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of a {@link StepRamp}: each step's verdict, the maximum sustainable rate (0 when
 * even the first step failed) and the ids of the runs at fractions of it. The runs themselves are
 * in the report's list of runs.
 */
public record RampResult(
    String target,
    String scenario,
    RampPlan plan,
    List<Step> steps,
    double maxSustainableRate,
    List<String> levelRunIds) {

  public RampResult {
    requireNonNull(target, "target");
    requireNonNull(scenario, "scenario");
    requireNonNull(plan, "plan");
    steps = List.copyOf(requireNonNull(steps, "steps"));
    levelRunIds = List.copyOf(requireNonNull(levelRunIds, "levelRunIds"));
  }

  /** One step: its rate, whether it was sustainable and, if not, why. */
  public record Step(double rate, boolean sustainable, String reason, String runId) {}
}
