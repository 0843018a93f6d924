package dev.hybridgateway.bench.load;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.sample.MemoryMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the maximum sustainable rate of a target with open-loop steps of increasing rate, then
 * runs at fractions of it (by default 50 %, 70 % and 90 %), which is where tails are compared:
 * at the maximum itself every system queues.
 *
 * <pre>{@code
 * RampResult ramp = new StepRamp(plan, baseConfig, monitor).run(target, "search-small", runs::add);
 * }</pre>
 */
public final class StepRamp {
  private final RampPlan plan;
  private final RunConfig base;
  private final MemoryMonitor monitor;

  /** {@code base} gives everything but the rate and the timing, which come from {@code plan}. */
  public StepRamp(RampPlan plan, RunConfig base, MemoryMonitor monitor) {
    this.plan = requireNonNull(plan, "plan");
    this.base = requireNonNull(base, "base");
    this.monitor = requireNonNull(monitor, "monitor");
  }

  /** Runs the steps and the levels against {@code target}, handing every run to {@code sink}. */
  public RampResult run(LoadTarget target, String scenario, Consumer<RunResult> sink) {
    requireNonNull(target, "target");
    requireNonNull(scenario, "scenario");
    requireNonNull(sink, "sink");
    RunConfig stepConfig = base.withTiming(plan.stepWarmup(), plan.stepDuration());
    List<RampResult.Step> steps = new ArrayList<>();
    double best = 0;
    for (double rate = plan.startRate(); rate <= plan.maxRate(); rate = next(rate)) {
      RunResult run =
          new OpenLoopRunner(target, stepConfig.withRate(rate), monitor)
              .run(RunTag.rampStep(scenario, rate));
      sink.accept(run);
      String reason = plan.verdict(run);
      steps.add(new RampResult.Step(rate, reason == null, reason, run.id()));
      if (reason != null) {
        break;
      }
      best = rate;
    }
    List<String> levelIds = new ArrayList<>();
    RunConfig levelConfig = base.withTiming(plan.levelWarmup(), plan.levelDuration());
    for (double fraction : best > 0 ? plan.levels() : List.<Double>of()) {
      double rate = round(best * fraction);
      RunResult run =
          new OpenLoopRunner(target, levelConfig.withRate(rate), monitor)
              .run(RunTag.level(scenario, fraction, rate));
      sink.accept(run);
      levelIds.add(run.id());
    }
    return new RampResult(target.name(), scenario, plan, steps, best, levelIds);
  }

  private double next(double rate) {
    return Math.max(rate + 1, round(rate * plan.factor()));
  }

  /** Whole requests per second above 10/s, one decimal below. */
  static double round(double rate) {
    return rate >= 10 ? Math.round(rate) : Math.max(0.1, Math.round(rate * 10) / 10.0);
  }
}
