package dev.hybridgateway.bench.report.chart;

/** One legend entry: a short SVG stroke in the series' color and dash, then its name. */
final class LegendItem {
  private LegendItem() {}

  static String html(String color, String dash, String name) {
    return "<li><svg width=\"28\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\""
        + " stroke-width=\"3\" stroke=\"" + color + "\" stroke-dasharray=\"" + dash + "\"/></svg>"
        + Svg.escape(name) + "</li>";
  }
}
