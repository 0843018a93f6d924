package dev.hybridgateway.bench.report;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.load.LatencySummary;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.load.RunTag;
import dev.hybridgateway.bench.report.chart.Axis;
import dev.hybridgateway.bench.report.chart.BarChart;
import dev.hybridgateway.bench.report.chart.LineChart;
import dev.hybridgateway.bench.report.chart.Palette;
import dev.hybridgateway.bench.report.chart.Series;
import dev.hybridgateway.bench.sample.MemoryReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four charts of one scenario: latency by percentile per transport, throughput against p99,
 * boundary cost per transport and memory. One color per transport ({@code target}) across all
 * of them.
 */
final class ScenarioCharts {
  private final List<RunResult> runs;
  private final Palette palette;

  ScenarioCharts(List<RunResult> runs, Palette palette) {
    this.runs = List.copyOf(requireNonNull(runs, "runs"));
    this.palette = requireNonNull(palette, "palette");
  }

  String render() {
    return latencyByPercentile() + throughputVsP99() + boundaryCost() + memory();
  }

  /** Plain and level runs; the ramp's steps only when there is nothing else. */
  private List<RunResult> curveRuns() {
    List<RunResult> chosen =
        runs.stream().filter(run -> !RunTag.RAMP_STEP.equals(run.tag().kind())).toList();
    return chosen.isEmpty() ? runs : chosen;
  }

  private String latencyByPercentile() {
    LineChart chart =
        new LineChart(
            "Latency by percentile (from the intended send time; log scales)",
            Axis.Kind.PERCENTILE, "percentile", Axis.Kind.LOG, "latency (ms)");
    Map<String, Integer> perTarget = new LinkedHashMap<>();
    for (RunResult run : curveRuns()) {
      LatencySummary latency = run.latency();
      if (latency == null) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      for (double[] point : latency.curve()) {
        if (point[0] < 100) {
          points.add(point);
        }
      }
      int index = perTarget.merge(run.target(), 1, Integer::sum) - 1;
      chart.add(
          new Series(run.target(), run.target() + " · " + run.tag().label(),
              palette.color(run.target()), Palette.dash(index), points, false));
    }
    return chart.render();
  }

  private String throughputVsP99() {
    LineChart chart =
        new LineChart(
            "Throughput vs p99 (one point per run)",
            Axis.Kind.LINEAR, "achieved throughput (OK answers/s)", Axis.Kind.LOG, "p99 (ms)");
    // One line per transport for its ramp's steps (dashed), one for its other runs.
    Map<String, List<RunResult>> lines = new LinkedHashMap<>();
    for (RunResult run : runs) {
      boolean step = RunTag.RAMP_STEP.equals(run.tag().kind());
      lines.computeIfAbsent(run.target() + (step ? " · ramp steps" : ""), k -> new ArrayList<>())
          .add(run);
    }
    lines.forEach(
        (name, lineRuns) -> {
          String target = lineRuns.getFirst().target();
          List<double[]> points =
              lineRuns.stream()
                  .filter(run -> run.latency() != null)
                  .sorted(Comparator.comparingDouble(run -> run.throughput().offeredRate()))
                  .map(run -> new double[] {run.throughput().achievedRate(), run.latency().p99Ms()})
                  .toList();
          chart.add(new Series(target, name, palette.color(target),
              name.equals(target) ? "" : Palette.dash(1), points, true));
        });
    return chart.render();
  }

  private String boundaryCost() {
    List<RunResult> reporting = curveRuns().stream().filter(run -> run.boundary() != null).toList();
    boolean inMs = reporting.stream().anyMatch(run -> run.boundary().p99Ms() >= 10);
    double scale = inMs ? 1 : 1000;
    BarChart chart =
        new BarChart(
            "Boundary cost: client-observed minus core-reported time",
            inMs ? "ms" : "µs", List.of("p50", "p90", "p99"));
    for (RunResult run : reporting) {
      LatencySummary boundary = run.boundary();
      chart.add(run.target(), run.target() + " · " + run.tag().label(),
          boundary.p50Ms() * scale, boundary.p90Ms() * scale, boundary.p99Ms() * scale);
    }
    return chart.render();
  }

  private String memory() {
    Set<String> processes = new LinkedHashSet<>();
    curveRuns().stream().filter(run -> run.memory() != null)
        .forEach(run -> run.memory().processes().forEach(p -> processes.add(p.name())));
    List<String> series = new ArrayList<>();
    processes.forEach(name -> series.add("RSS " + name));
    series.add("JVM heap used (peak)");
    BarChart chart = new BarChart("Memory: peak RSS per process, peak JVM heap", "MiB", series);
    for (RunResult run : curveRuns()) {
      if (run.memory() == null) {
        continue;
      }
      double[] values = new double[series.size()];
      int i = 0;
      for (String name : processes) {
        values[i++] =
            run.memory().processes().stream()
                .filter(p -> p.name().equals(name) && p.samples().length > 0)
                .mapToDouble(p -> p.maxRssBytes() / 1048576.0)
                .findFirst().orElse(Double.NaN);
      }
      MemoryReport.JvmMemory jvm = run.memory().jvm();
      values[i] = jvm == null ? Double.NaN : jvm.heapUsedMaxBytes() / 1048576.0;
      chart.add(run.target(), run.target() + " · " + run.tag().label(), values);
    }
    return chart.render();
  }
}
