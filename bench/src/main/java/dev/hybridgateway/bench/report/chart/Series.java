package dev.hybridgateway.bench.report.chart;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One line of a {@link LineChart}.
 *
 * @param group what the series belongs to (the transport); written as {@code data-series}
 * @param name the legend text; written as {@code data-run}
 * @param points {@code [x, y]} pairs in data units
 * @param markers whether to draw a dot at each point (for sparse data such as one point per run)
 */
public record Series(
    String group, String name, String color, String dash, List<double[]> points, boolean markers) {
  public Series {
    requireNonNull(group, "group");
    requireNonNull(name, "name");
    requireNonNull(color, "color");
    requireNonNull(dash, "dash");
    points = List.copyOf(requireNonNull(points, "points"));
  }
}
