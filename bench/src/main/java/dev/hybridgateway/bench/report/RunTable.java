package dev.hybridgateway.bench.report;

import dev.hybridgateway.bench.load.LatencySummary;
import dev.hybridgateway.bench.load.RunResult;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The figures of every run as an HTML table: rates, counts, errors by code, deadline overruns,
 * latency percentiles from the intended send time, and beside them the closed-loop view (from
 * the actual send), the send lag, the boundary cost and the JVM's GC and heap.
 */
final class RunTable {
  private static final String HEADER =
      "<tr><th>target</th><th>run</th><th>offered/s</th><th>sent/s</th><th>achieved/s</th>"
          + "<th>sent</th><th>ok</th><th>errors</th><th>overruns</th>"
          + "<th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th>"
          + "<th title=\"from the actual send: what a closed-loop tool reports\">p99 from send</th>"
          + "<th>send lag p99</th><th>boundary p50</th><th>GC pauses (ms)</th><th>heap peak (MiB)</th></tr>";

  private RunTable() {}

  static String render(List<RunResult> runs) {
    StringBuilder html = new StringBuilder("<div class=\"scroll\"><table class=\"runs\">");
    html.append("<caption>Latencies in ms. Errors by code; overruns are answers later than their"
        + " deadline by more than the tolerance.</caption>").append(HEADER);
    for (RunResult run : runs) {
      html.append("<tr>")
          .append(Html.td(run.target(), null))
          .append(Html.td(run.tag().label(), null))
          .append(Html.td(Html.rate(run.throughput().offeredRate()), "num"))
          .append(Html.td(Html.rate(run.throughput().sendRate()), "num"))
          .append(Html.td(Html.rate(run.throughput().achievedRate()), "num"))
          .append(Html.td(Long.toString(run.counts().sent()), "num"))
          .append(Html.td(Long.toString(run.counts().ok()), "num"))
          .append(Html.td(run.errors().isEmpty() ? "0" : run.errors().toString(),
              run.errors().isEmpty() ? null : "bad"))
          .append(Html.td(Long.toString(run.deadlineOverruns().count()),
              run.deadlineOverruns().count() == 0 ? "num" : "num bad"))
          .append(cell(run.latency(), LatencySummary::p50Ms))
          .append(cell(run.latency(), LatencySummary::p90Ms))
          .append(cell(run.latency(), LatencySummary::p99Ms))
          .append(cell(run.latency(), LatencySummary::p999Ms))
          .append(cell(run.latency(), LatencySummary::maxMs))
          .append(cell(run.serviceTime(), LatencySummary::p99Ms))
          .append(cell(run.sendLag(), LatencySummary::p99Ms))
          .append(cell(run.boundary(), LatencySummary::p50Ms))
          .append(Html.td(run.memory() == null || run.memory().jvm() == null ? "–"
              : Long.toString(run.memory().jvm().gcPauseMs()), "num"))
          .append(Html.td(run.memory() == null || run.memory().jvm() == null ? "–"
              : Html.mib(run.memory().jvm().heapUsedMaxBytes()), "num"))
          .append("</tr>");
    }
    return html.append("</table></div>").toString();
  }

  private static String cell(LatencySummary summary, ToDoubleFunction<LatencySummary> figure) {
    return Html.td(summary == null ? "–" : Html.ms(figure.applyAsDouble(summary)), "num");
  }
}
