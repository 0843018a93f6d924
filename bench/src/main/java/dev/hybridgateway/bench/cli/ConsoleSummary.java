package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.load.LatencySummary;
import dev.hybridgateway.bench.load.RampResult;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.load.RunTag;
import dev.hybridgateway.bench.report.EdgeFigures;
import dev.hybridgateway.bench.report.MemoryFigures;
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

  /** P4 lines: the p50 each pinned gateway adds, its maximum rate against bare-grpc's. */
  public static String edge(EdgeFigures edge) {
    StringBuilder out = new StringBuilder();
    for (EdgeFigures.Overhead o : edge.overheads()) {
      out.append(String.format(Locale.ROOT,
          "P4 %s %s at %s: p50 %s ms vs %s %s ms, gateway adds %s ms (target <= %s: %s)%n",
          o.scenario(), o.gateway(), RunTag.rateLabel(o.rate()), ms(o.gatewayP50Ms()), o.direct(),
          ms(o.directP50Ms()), ms(o.addedP50Ms()), ms(EdgeFigures.MAX_ADDED_P50_MS),
          o.meetsTarget() ? "met" : "NOT met"));
    }
    for (EdgeFigures.Throughput t : edge.throughputs()) {
      out.append(String.format(Locale.ROOT,
          "P4 %s %s max %.1f/s vs %s max %.1f/s: %.0f %% (target >= %.0f %%: %s)%n",
          t.scenario(), t.target(), t.maxRate(), EdgeFigures.BARE_TARGET, t.bareMaxRate(),
          t.ratio() * 100, EdgeFigures.MIN_THROUGHPUT_RATIO * 100,
          t.meetsTarget() ? "met" : "NOT met"));
    }
    return out.toString();
  }

  /** P6 lines: the core's RSS against its bound, the gateway's heap large vs small. */
  public static String memory(MemoryFigures figures) {
    StringBuilder out = new StringBuilder();
    if (figures.core() != null) {
      MemoryFigures.CoreRss c = figures.core();
      out.append(String.format(Locale.ROOT,
          "P6 core RSS %.1f MiB with %d vectors (%.1f MiB of vectors); bound 1.1 x vectors +"
              + " 64 MiB = %.1f MiB: %s%n",
          mib(c.rssBytes()), c.vectors(), mib(c.vectorBytes()), mib(c.boundBytes()),
          c.meetsTarget() ? "met" : "NOT met"));
    }
    if (figures.gateway() != null) {
      MemoryFigures.GatewayHeap g = figures.gateway();
      out.append(String.format(Locale.ROOT,
          "P6 gateway heap after GC (FFI core): %.1f MiB with %d vectors, %.1f MiB with %d;"
              + " difference %.1f MiB (independent when <= %.0f MiB: %s)%n",
          mib(g.largeHeapBytes()), g.largeVectors(), mib(g.smallHeapBytes()), g.smallVectors(),
          mib(g.differenceBytes()), mib(MemoryFigures.HEAP_SLACK_BYTES),
          g.meetsTarget() ? "met" : "NOT met"));
    }
    return out.toString();
  }

  private static double mib(long bytes) {
    return bytes / 1048576.0;
  }

  private static String ms(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : value >= 1 ? String.format(Locale.ROOT, "%.2f", value)
        : String.format(Locale.ROOT, "%.3f", value);
  }
}
