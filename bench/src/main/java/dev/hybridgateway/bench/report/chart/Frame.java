package dev.hybridgateway.bench.report.chart;

/**
 * The plot area of a chart and the drawing of its axes, grid and axis titles, shared by the
 * line and bar charts.
 */
final class Frame {
  static final int WIDTH = 760;
  static final int HEIGHT = 380;
  static final int LEFT = 72;
  static final int RIGHT = 24;
  static final int TOP = 16;
  static final int BOTTOM = 56;

  private Frame() {}

  static double plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  static double plotHeight() {
    return HEIGHT - TOP - BOTTOM;
  }

  static double x(double position) {
    return LEFT + position * plotWidth();
  }

  static double y(double position) {
    return TOP + (1 - position) * plotHeight();
  }

  /** Draws the y grid and labels of {@code yAxis}, the plot border and the axis titles. */
  static void drawY(Svg svg, Axis yAxis, String yTitle) {
    for (Axis.Tick tick : yAxis.ticks()) {
      double y = y(yAxis.position(tick.value()));
      svg.line(LEFT, y, WIDTH - RIGHT, y, "grid");
      svg.text(LEFT - 6, y + 4, "end", "tick", tick.label());
    }
    svg.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "axis");
    svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "axis");
    svg.rotatedText(16, TOP + plotHeight() / 2, -90, "title", yTitle);
  }

  /** Draws the x grid and labels of {@code xAxis} and its title. */
  static void drawX(Svg svg, Axis xAxis, String xTitle) {
    for (Axis.Tick tick : xAxis.ticks()) {
      double x = x(xAxis.position(tick.value()));
      svg.line(x, TOP, x, HEIGHT - BOTTOM, "grid");
      svg.text(x, HEIGHT - BOTTOM + 16, "middle", "tick", tick.label());
    }
    svg.text(LEFT + plotWidth() / 2, HEIGHT - 12, "middle", "title", xTitle);
  }
}
