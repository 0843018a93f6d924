package dev.hybridgateway.bench.report.chart;

import java.util.Locale;

/** A tiny SVG writer: the handful of elements the charts draw, with attribute escaping. */
final class Svg {
  private final StringBuilder out = new StringBuilder();

  Svg(int width, int height, String label) {
    out.append(
        String.format(
            Locale.ROOT,
            "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
            width, height, width, height, escape(label)));
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>",
            x1, y1, x2, y2, cssClass));
    return this;
  }

  Svg text(double x, double y, String anchor, String cssClass, String text) {
    out.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">%s</text>",
            x, y, anchor, cssClass, escape(text)));
    return this;
  }

  Svg rotatedText(double x, double y, double degrees, String cssClass, String text) {
    out.append(
        String.format(
            Locale.ROOT,
            "<text transform=\"translate(%.1f %.1f) rotate(%.0f)\" text-anchor=\"middle\" class=\"%s\">%s</text>",
            x, y, degrees, cssClass, escape(text)));
    return this;
  }

  /** Opens a group carrying the series' data attributes; close with {@link #end()}. */
  Svg group(String series, String run) {
    out.append("<g data-series=\"").append(escape(series)).append("\" data-run=\"")
        .append(escape(run)).append("\">");
    return this;
  }

  Svg end() {
    out.append("</g>");
    return this;
  }

  Svg polyline(String points, String color, String dash) {
    out.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color)
        .append("\" stroke-dasharray=\"").append(dash).append("\" points=\"").append(points)
        .append("\"/>");
    return this;
  }

  Svg circle(double x, double y, double r, String color, String title) {
    out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", x, y, r, color))
        .append("<title>").append(escape(title)).append("</title></circle>");
    return this;
  }

  Svg rect(double x, double y, double w, double h, String color, String title) {
    out.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                x, y, w, h, color))
        .append("<title>").append(escape(title)).append("</title></rect>");
    return this;
  }

  String close() {
    return out.append("</svg>").toString();
  }

  /** Escapes text for HTML and SVG content and attributes. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
