package dev.hybridgateway.bench.report;

import dev.hybridgateway.bench.load.RampResult;

/** One ramp as HTML: its criteria, each step's verdict and the maximum sustainable rate. */
final class RampTable {
  private RampTable() {}

  static String render(RampResult ramp) {
    StringBuilder html = new StringBuilder();
    html.append("<h3>Ramp: ").append(Html.escape(ramp.target())).append(" · ")
        .append(Html.escape(ramp.scenario())).append("</h3>")
        .append("<p>A step is sustainable while p99 ≤ ")
        .append(Html.ms(ramp.plan().p99Bound().toNanos() / 1e6)).append(" ms, achieved ≥ ")
        .append(Math.round(ramp.plan().minAchievedRatio() * 100)).append(" % of offered and errors ≤ ")
        .append(Html.rate(ramp.plan().maxErrorRatio() * 100)).append(" %. Maximum sustainable rate: <b>")
        .append(Html.rate(ramp.maxSustainableRate())).append("/s</b>.</p>")
        .append("<table><tr><th>rate/s</th><th>verdict</th></tr>");
    for (RampResult.Step step : ramp.steps()) {
      html.append("<tr>").append(Html.td(Html.rate(step.rate()), "num"))
          .append(Html.td(step.sustainable() ? "sustainable" : step.reason(),
              step.sustainable() ? null : "bad"))
          .append("</tr>");
    }
    return html.append("</table>").toString();
  }
}
