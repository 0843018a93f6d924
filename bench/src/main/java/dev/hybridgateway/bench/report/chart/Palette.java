package dev.hybridgateway.bench.report.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Colors by name (one per transport, stable across the charts of a report) and dash patterns for
 * the runs of one transport. The colors are the Okabe-Ito set, readable by color-blind readers.
 */
public final class Palette {
  private static final List<String> COLORS =
      List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
          "#F0E442");
  private static final List<String> DASHES = List.of("", "8 4", "2 3", "10 3 2 3", "4 4");

  private final Map<String, String> assigned = new LinkedHashMap<>();

  /** The color of {@code name}, assigned in order of first use. */
  public String color(String name) {
    return assigned.computeIfAbsent(name, n -> COLORS.get(assigned.size() % COLORS.size()));
  }

  /** The dash pattern of the {@code index}-th run of one series group. */
  public static String dash(int index) {
    return DASHES.get(index % DASHES.size());
  }
}
