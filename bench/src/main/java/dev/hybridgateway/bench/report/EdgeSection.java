package dev.hybridgateway.bench.report;

import java.util.Locale;

/**
 * The HTML section of P4 ({@link EdgeFigures}): the p50 each pinned gateway target adds over
 * the core client of its transport, and each gateway target's maximum rate beside the bare
 * grpc-java server's. Empty when the report holds neither pair.
 */
final class EdgeSection {
  private EdgeSection() {}

  static String render(EdgeFigures edge) {
    if (edge.overheads().isEmpty() && edge.throughputs().isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<section data-figure=\"p4\"><h2>P4 — edge overhead</h2>");
    if (!edge.overheads().isEmpty()) {
      html.append("<p>The p50 the gateway adds over the core client of the same transport, same"
              + " scenario and offered rate (target ≤ ")
          .append(Html.ms(EdgeFigures.MAX_ADDED_P50_MS)).append(" ms).</p><table><tr>")
          .append("<th>scenario</th><th>rate</th><th>run</th><th>gateway</th><th>p50 ms</th>"
              + "<th>direct</th><th>p50 ms</th><th>added p50 ms</th><th>≤ target</th></tr>");
      for (EdgeFigures.Overhead o : edge.overheads()) {
        html.append("<tr data-run=\"").append(Html.escape(o.gateway())).append("\">")
            .append(Html.td(o.scenario(), null))
            .append(Html.td(Html.rate(o.rate()) + "/s", "num"))
            .append(Html.td(o.kind(), null))
            .append(Html.td(o.gateway(), null))
            .append(Html.td(Html.ms(o.gatewayP50Ms()), "num"))
            .append(Html.td(o.direct(), null))
            .append(Html.td(Html.ms(o.directP50Ms()), "num"))
            .append(Html.td(Html.ms(o.addedP50Ms()), o.meetsTarget() ? "num" : "num bad"))
            .append(Html.td(o.meetsTarget() ? "yes" : "no", o.meetsTarget() ? null : "bad"))
            .append("</tr>");
      }
      html.append("</table>");
    }
    if (!edge.throughputs().isEmpty()) {
      html.append("<p>Maximum sustainable rate of the gateway beside a bare grpc-java server"
              + " answering the same method with a fixed reply, same run (target ≥ ")
          .append(Math.round(EdgeFigures.MIN_THROUGHPUT_RATIO * 100)).append(" %).</p><table><tr>")
          .append("<th>scenario</th><th>gateway</th><th>max /s</th><th>")
          .append(EdgeFigures.BARE_TARGET).append(" max /s</th><th>ratio</th><th>≥ target</th></tr>");
      for (EdgeFigures.Throughput t : edge.throughputs()) {
        html.append("<tr data-run=\"").append(Html.escape(t.target())).append("\">")
            .append(Html.td(t.scenario(), null))
            .append(Html.td(t.target(), null))
            .append(Html.td(Html.rate(t.maxRate()), "num"))
            .append(Html.td(Html.rate(t.bareMaxRate()), "num"))
            .append(Html.td(String.format(Locale.ROOT, "%.0f %%", t.ratio() * 100),
                t.meetsTarget() ? "num" : "num bad"))
            .append(Html.td(t.meetsTarget() ? "yes" : "no", t.meetsTarget() ? null : "bad"))
            .append("</tr>");
      }
      html.append("</table>");
    }
    return html.append("</section>").toString();
  }
}
