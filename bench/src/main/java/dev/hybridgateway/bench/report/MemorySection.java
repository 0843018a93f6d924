package dev.hybridgateway.bench.report;

import java.util.List;

/**
 * The HTML section of P6: every {@link MemoryProbe} (RSS, heap after GC) and the two verdicts
 * of {@link MemoryFigures}. Empty when the report holds no probe.
 */
final class MemorySection {
  private MemorySection() {}

  static String render(List<MemoryProbe> probes, MemoryFigures figures) {
    if (probes.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<section data-figure=\"p6\"><h2>P6 — memory with a"
        + " resident collection</h2><table><tr><th>process</th><th>role</th><th>vectors</th>"
        + "<th>dim</th><th>vector MiB</th><th>RSS MiB</th><th>heap after GC MiB</th></tr>");
    for (MemoryProbe p : probes) {
      html.append("<tr>").append(Html.td(p.name(), null)).append(Html.td(p.role(), null))
          .append(Html.td(Long.toString(p.vectors()), "num"))
          .append(Html.td(Integer.toString(p.dim()), "num"))
          .append(Html.td(Html.mib(p.vectorBytes()), "num"))
          .append(Html.td(Html.mib(p.rssBytes()), "num"))
          .append(Html.td(Html.mib(p.heapAfterGcBytes()), "num")).append("</tr>");
    }
    html.append("</table><ul>");
    if (figures.core() != null) {
      MemoryFigures.CoreRss core = figures.core();
      html.append("<li>Core RSS ").append(Html.mib(core.rssBytes())).append(" MiB with ")
          .append(core.vectors()).append(" vectors resident; target ≤ 1.1 × vector bytes + 64 MiB = ")
          .append(Html.mib(core.boundBytes())).append(" MiB: ").append(verdict(core.meetsTarget()))
          .append("</li>");
    }
    if (figures.gateway() != null) {
      MemoryFigures.GatewayHeap heap = figures.gateway();
      html.append("<li>Gateway heap after GC, core in-process over FFI: ")
          .append(Html.mib(heap.largeHeapBytes())).append(" MiB with ").append(heap.largeVectors())
          .append(" vectors, ").append(Html.mib(heap.smallHeapBytes())).append(" MiB with ")
          .append(heap.smallVectors()).append(" (difference ").append(Html.mib(heap.differenceBytes()))
          .append(" MiB; independent of collection size when ≤ ")
          .append(Html.mib(MemoryFigures.HEAP_SLACK_BYTES)).append(" MiB): ")
          .append(verdict(heap.meetsTarget())).append("</li>");
    }
    return html.append("</ul></section>").toString();
  }

  private static String verdict(boolean met) {
    return met ? "met" : "<span class=\"bad\">not met</span>";
  }
}
