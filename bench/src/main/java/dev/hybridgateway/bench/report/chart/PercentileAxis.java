package dev.hybridgateway.bench.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The percentile axis of HdrHistogram's plots: position grows with {@code log10(1 / (1 - p))}, so
 * 90 %, 99 %, 99.9 % ... are evenly spaced and the tail, where coordinated omission hides, gets
 * as much room as the median.
 */
public record PercentileAxis(int nines) implements Axis {

  /** Enough nines to show {@code maxPercentile} (capped at 99.9999 %, never fewer than 2). */
  static PercentileAxis upTo(double maxPercentile) {
    double capped = Math.min(maxPercentile, 99.9999);
    int nines = (int) Math.ceil(Math.log10(100 / (100 - capped)) - 1e-9);
    return new PercentileAxis(Math.max(2, Math.min(6, nines)));
  }

  /** The plotted x of a percentile, clamped just below 100 %. */
  static double transform(double percentile) {
    double p = Math.min(percentile, 100 - 1e-7);
    return Math.log10(100 / (100 - p));
  }

  @Override
  public double position(double percentile) {
    return Math.min(1.0, transform(percentile) / nines);
  }

  @Override
  public List<Tick> ticks() {
    List<Tick> ticks = new ArrayList<>();
    ticks.add(new Tick(0, "0%"));
    for (int n = 1; n <= nines; n++) {
      java.math.BigDecimal p =
          java.math.BigDecimal.valueOf(100).subtract(java.math.BigDecimal.ONE.movePointLeft(n - 2));
      ticks.add(new Tick(p.doubleValue(), p.stripTrailingZeros().toPlainString() + "%"));
    }
    return ticks;
  }
}
