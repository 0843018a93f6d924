package dev.hybridgateway.bench.report.chart;

import java.util.List;

/**
 * Maps data values to a position in [0, 1] along one axis and names its ticks. Created by the
 * charts from the range of their data.
 */
public sealed interface Axis permits LinearAxis, LogAxis, PercentileAxis {

  /** Where {@code value} falls, 0 at the axis origin and 1 at its end (may exceed on clamps). */
  double position(double value);

  /** The labelled ticks. */
  List<Tick> ticks();

  /** A labelled value on an axis. */
  record Tick(double value, String label) {}

  /** The kinds of axis a chart can ask for. */
  enum Kind {
    LINEAR,
    LOG,
    PERCENTILE
  }

  /** An axis of {@code kind} covering {@code min..max} of the data. */
  static Axis of(Kind kind, double min, double max) {
    return switch (kind) {
      case LINEAR -> LinearAxis.covering(min, max);
      case LOG -> LogAxis.covering(min, max);
      case PERCENTILE -> PercentileAxis.upTo(max);
    };
  }

  /** A short label: no trailing zeros, at most 3 significant decimals. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String text = new java.math.BigDecimal(value).round(new java.math.MathContext(3)).toPlainString();
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }
}
