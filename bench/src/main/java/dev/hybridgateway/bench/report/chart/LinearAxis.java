package dev.hybridgateway.bench.report.chart;

import java.util.ArrayList;
import java.util.List;

/** A linear axis from a "nice" minimum to a "nice" maximum with 1-2-5 steps. */
public record LinearAxis(double min, double max, double step) implements Axis {

  /** An axis that covers {@code low..high} (and zero when the data is non-negative). */
  static LinearAxis covering(double low, double high) {
    double from = Math.min(0, low);
    double to = high > from ? high : from + 1;
    double step = niceStep((to - from) / 5);
    return new LinearAxis(Math.floor(from / step) * step, Math.ceil(to / step) * step, step);
  }

  @Override
  public double position(double value) {
    return (value - min) / (max - min);
  }

  @Override
  public List<Tick> ticks() {
    List<Tick> ticks = new ArrayList<>();
    for (double v = min; v <= max + step / 2; v += step) {
      double rounded = Math.round(v / step) * step;
      ticks.add(new Tick(rounded, Axis.format(rounded)));
    }
    return ticks;
  }

  private static double niceStep(double rough) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }
}
