package dev.hybridgateway.bench.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 logarithmic axis over whole decades. Latencies span from microseconds (a healthy
 * loopback call) to seconds (a stall), which only a log axis shows on one chart.
 */
public record LogAxis(double minDecade, double maxDecade) implements Axis {

  /** The decades that cover {@code low..high}; non-positive values are clamped to {@code high/1000}. */
  static LogAxis covering(double low, double high) {
    double top = high > 0 ? high : 1;
    double bottom = low > 0 ? Math.min(low, top) : top / 1000;
    double minDecade = Math.floor(Math.log10(bottom));
    double maxDecade = Math.ceil(Math.log10(top));
    return new LogAxis(minDecade, maxDecade > minDecade ? maxDecade : minDecade + 1);
  }

  @Override
  public double position(double value) {
    double safe = value > 0 ? value : Math.pow(10, minDecade);
    return (Math.log10(safe) - minDecade) / (maxDecade - minDecade);
  }

  @Override
  public List<Tick> ticks() {
    List<Tick> ticks = new ArrayList<>();
    boolean fine = maxDecade - minDecade <= 2;
    for (double d = minDecade; d <= maxDecade; d++) {
      double base = Math.pow(10, d);
      ticks.add(new Tick(base, Axis.format(base)));
      if (fine && d < maxDecade) {
        ticks.add(new Tick(2 * base, Axis.format(2 * base)));
        ticks.add(new Tick(5 * base, Axis.format(5 * base)));
      }
    }
    return ticks;
  }
}
