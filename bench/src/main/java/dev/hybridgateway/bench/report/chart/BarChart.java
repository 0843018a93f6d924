package dev.hybridgateway.bench.report.chart;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A grouped bar chart as an HTML {@code <figure>}: one group per category (a run), one bar per
 * series (a percentile, a process). Missing values ({@code NaN}) leave a gap. The {@code group} of
 * each category (its transport) is written as {@code data-series} and labels the category's
 * first line; the rest of the category name (after {@code "group · "}) its second.
 */
public final class BarChart {
  private final String title;
  private final String yTitle;
  private final List<String> seriesNames;
  private final List<String> categories = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private final List<double[]> values = new ArrayList<>();

  public BarChart(String title, String yTitle, List<String> seriesNames) {
    this.title = requireNonNull(title, "title");
    this.yTitle = requireNonNull(yTitle, "yTitle");
    this.seriesNames = List.copyOf(requireNonNull(seriesNames, "seriesNames"));
  }

  /** Adds a category (e.g. {@code grpc-core · 500/s}) of {@code group} with one value per series. */
  public BarChart add(String group, String category, double... categoryValues) {
    if (categoryValues.length != seriesNames.size()) {
      throw new IllegalArgumentException("need one value per series: " + seriesNames);
    }
    groups.add(requireNonNull(group, "group"));
    categories.add(requireNonNull(category, "category"));
    values.add(categoryValues.clone());
    return this;
  }

  /** The figure, or a short note when there is nothing to plot. */
  public String render() {
    double max = values.stream().flatMapToDouble(java.util.Arrays::stream)
        .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    if (categories.isEmpty() || Double.isNaN(max)) {
      return "<p class=\"empty\">" + Svg.escape(title) + ": no data.</p>";
    }
    Axis yAxis = Axis.of(Axis.Kind.LINEAR, 0, max);
    Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT, title);
    Frame.drawY(svg, yAxis, yTitle);
    Palette palette = new Palette();
    double slot = Frame.plotWidth() / categories.size();
    double bar = Math.min(28, slot * 0.8 / seriesNames.size());
    for (int c = 0; c < categories.size(); c++) {
      double start = Frame.LEFT + c * slot + (slot - bar * seriesNames.size()) / 2;
      svg.group(groups.get(c), categories.get(c));
      for (int s = 0; s < seriesNames.size(); s++) {
        double v = values.get(c)[s];
        if (!Double.isNaN(v)) {
          double top = Frame.y(yAxis.position(v));
          svg.rect(start + s * bar, top, bar - 1, Frame.y(0) - top, palette.color(seriesNames.get(s)),
              categories.get(c) + " " + seriesNames.get(s) + ": " + Axis.format(v));
        }
      }
      svg.end();
      double center = Frame.LEFT + (c + 0.5) * slot;
      String prefix = groups.get(c) + " · ";
      String label = categories.get(c);
      svg.text(center, Frame.HEIGHT - Frame.BOTTOM + 15, "middle", "tick", groups.get(c));
      svg.text(center, Frame.HEIGHT - Frame.BOTTOM + 29, "middle", "tick",
          label.startsWith(prefix) ? label.substring(prefix.length()) : label);
    }
    StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
    seriesNames.forEach(name -> legend.append(LegendItem.html(palette.color(name), "", name)));
    return "<figure><figcaption>" + Svg.escape(title) + "</figcaption>" + svg.close()
        + legend.append("</ul>") + "</figure>";
  }
}
