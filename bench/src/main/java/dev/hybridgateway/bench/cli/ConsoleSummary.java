package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.load.LatencySummary;
import dev.hybridgateway.bench.load.RampResult;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.sample.MachineInfo;
import java.util.Locale;

/** One-line summaries of runs for the terminal; the full figures are in the JSON and HTML. */
public final class ConsoleSummary {
  private ConsoleSummary() {}

  public static String machine(MachineInfo machine) {
    return String.format(
        Locale.ROOT, "machine: %d cores, %.1f GiB, %s | %s | %s",
        machine.cores(), machine.memoryBytes() / 1073741824.0, machine.cpuModel(), machine.jdk(),
        machine.rustc());
  }

  public static String run(RunResult run) {
    LatencySummary l = run.latency();
    String latency =
        l == null
            ? "no answers"
            : String.format(
                Locale.ROOT, "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s ms",
                ms(l.p50Ms()), ms(l.p90Ms()), ms(l.p99Ms()), ms(l.p999Ms()), ms(l.maxMs()));
    return String.format(
        Locale.ROOT,
        "%-10s %-13s %-22s sent %6d ok %6d err %s overruns %d | %s | achieved %.1f/s",
        run.target(), run.tag().scenario(), run.tag().label(), run.counts().sent(),
        run.counts().ok(), run.errors().isEmpty() ? "0" : run.errors().toString(),
        run.deadlineOverruns().count(), latency, run.throughput().achievedRate());
  }

  public static String ramp(RampResult ramp) {
    return String.format(
        Locale.ROOT, "%s %s: maximum sustainable rate %.1f/s (%d steps)",
        ramp.target(), ramp.scenario(), ramp.maxSustainableRate(), ramp.steps().size());
  }

  private static String ms(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : value >= 1 ? String.format(Locale.ROOT, "%.2f", value)
        : String.format(Locale.ROOT, "%.3f", value);
  }
}
