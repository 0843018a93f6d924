package dev.hybridgateway.bench.report;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.report.chart.Palette;
import dev.hybridgateway.bench.sample.MachineInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link BenchReport} as one self-contained HTML page: inline CSS and inline SVG, no
 * script and no external resource, so it opens from a file, a CI artifact or an e-mail. Per
 * scenario: the charts of {@link ScenarioCharts} and the table of {@link RunTable}; then P4
 * ({@link EdgeSection}) and P6 ({@link MemorySection}) when the report holds their runs, the
 * ramps and the machine.
 */
public final class HtmlReport {
  private static final String CSS =
      "body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1180px}"
          + "h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ccc;margin-top:32px}"
          + "figure{display:inline-block;margin:8px 16px 16px 0;vertical-align:top}"
          + "figcaption{font-weight:600;margin-bottom:4px}"
          + ".grid{stroke:#e5e5e5}.axis{stroke:#555}.tick{font-size:11px;fill:#444}"
          + ".title{font-size:12px;fill:#222}"
          + ".legend{list-style:none;padding:0;margin:4px 0;columns:2;font-size:12px}"
          + ".legend svg{margin-right:6px;vertical-align:middle}"
          + "table{border-collapse:collapse;font-size:12px;margin:8px 0}"
          + "td,th{border:1px solid #ddd;padding:3px 6px}th{background:#f4f4f4}"
          + ".num{text-align:right;font-variant-numeric:tabular-nums}.bad{color:#b00020}"
          + ".scroll{overflow-x:auto}.empty{color:#777}code{background:#f4f4f4;padding:1px 3px}";

  private HtmlReport() {}

  public static String render(BenchReport report) {
    requireNonNull(report, "report");
    Palette palette = new Palette();
    report.runs().forEach(run -> palette.color(run.target()));
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head>")
        .append("<meta charset=\"utf-8\"><title>hybrid-gateway load report</title><style>")
        .append(CSS).append("</style></head><body><h1>hybrid-gateway load report</h1>")
        .append("<p>Open-loop, constant arrival rate; latency from the <em>intended</em> send time"
            + " into HdrHistogram (no coordinated omission). Created ")
        .append(Html.escape(report.createdAt())).append(" by <code>")
        .append(Html.escape(String.join(" ", report.command()))).append("</code>.</p>");
    byScenario(report.runs()).forEach(
        (scenario, runs) -> html.append("<section data-scenario=\"").append(Html.escape(scenario))
            .append("\"><h2>Scenario ").append(Html.escape(scenario)).append("</h2>")
            .append(new ScenarioCharts(runs, palette).render())
            .append(RunTable.render(runs)).append("</section>"));
    html.append(EdgeSection.render(report.edge()))
        .append(MemorySection.render(report.memory(), report.memoryFigures()));
    if (!report.ramps().isEmpty()) {
      html.append("<section><h2>Ramps</h2>");
      report.ramps().forEach(ramp -> html.append(RampTable.render(ramp)));
      html.append("</section>");
    }
    return html.append(machine(report.machine())).append("</body></html>\n").toString();
  }

  private static Map<String, List<RunResult>> byScenario(List<RunResult> runs) {
    Map<String, List<RunResult>> groups = new LinkedHashMap<>();
    runs.forEach(run -> groups.computeIfAbsent(run.tag().scenario(), s -> new ArrayList<>()).add(run));
    return groups;
  }

  private static String machine(MachineInfo machine) {
    return "<section><h2>Machine</h2><table>"
        + row("cores", Integer.toString(machine.cores()))
        + row("memory", Html.mib(machine.memoryBytes()) + " MiB")
        + row("CPU", machine.cpuModel())
        + row("OS", machine.os() + " " + machine.arch())
        + row("JDK", machine.jdk() + " (" + machine.jvm() + ")")
        + row("JVM arguments", String.join(" ", machine.jvmArguments()))
        + row("GC", String.join(", ", machine.garbageCollectors()))
        + row("rustc", machine.rustc())
        + "</table></section>";
  }

  private static String row(String name, String value) {
    return "<tr><th>" + Html.escape(name) + "</th>" + Html.td(value, null) + "</tr>";
  }
}
