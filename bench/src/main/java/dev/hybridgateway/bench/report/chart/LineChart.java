package dev.hybridgateway.bench.report.chart;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as an HTML {@code <figure>}: the inline SVG plot and an HTML legend. The axes
 * are sized to the data at render time.
 *
 * <pre>{@code
 * String html = new LineChart("Latency by percentile", Axis.Kind.PERCENTILE, "percentile",
 *     Axis.Kind.LOG, "latency (ms)").add(series).render();
 * }</pre>
 */
public final class LineChart {
  private final String title;
  private final Axis.Kind xKind;
  private final String xTitle;
  private final Axis.Kind yKind;
  private final String yTitle;
  private final List<Series> series = new ArrayList<>();

  public LineChart(String title, Axis.Kind xKind, String xTitle, Axis.Kind yKind, String yTitle) {
    this.title = requireNonNull(title, "title");
    this.xKind = requireNonNull(xKind, "xKind");
    this.xTitle = requireNonNull(xTitle, "xTitle");
    this.yKind = requireNonNull(yKind, "yKind");
    this.yTitle = requireNonNull(yTitle, "yTitle");
  }

  public LineChart add(Series line) {
    series.add(requireNonNull(line, "line"));
    return this;
  }

  public boolean isEmpty() {
    return series.stream().allMatch(s -> s.points().isEmpty());
  }

  /** The figure, or a short note when there is nothing to plot. */
  public String render() {
    if (isEmpty()) {
      return "<p class=\"empty\">" + Svg.escape(title) + ": no data.</p>";
    }
    double[] x = range(0);
    double[] y = range(1);
    Axis xAxis = Axis.of(xKind, x[0], x[1]);
    Axis yAxis = Axis.of(yKind, y[0], y[1]);
    Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT, title);
    Frame.drawY(svg, yAxis, yTitle);
    Frame.drawX(svg, xAxis, xTitle);
    StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
    for (Series line : series) {
      svg.group(line.group(), line.name());
      StringBuilder points = new StringBuilder();
      for (double[] point : line.points()) {
        double px = Frame.x(xAxis.position(point[0]));
        double py = Frame.y(Math.max(0, Math.min(1, yAxis.position(point[1]))));
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        if (line.markers()) {
          svg.circle(px, py, 3.5, line.color(),
              line.name() + ": " + Axis.format(point[0]) + ", " + Axis.format(point[1]));
        }
      }
      svg.polyline(points.toString().trim(), line.color(), line.dash()).end();
      legend.append(LegendItem.html(line.color(), line.dash(), line.name()));
    }
    return "<figure><figcaption>" + Svg.escape(title) + "</figcaption>" + svg.close()
        + legend.append("</ul>") + "</figure>";
  }

  private double[] range(int coordinate) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series line : series) {
      for (double[] point : line.points()) {
        min = Math.min(min, point[coordinate]);
        max = Math.max(max, point[coordinate]);
      }
    }
    return new double[] {min, max};
  }
}
