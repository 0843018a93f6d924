package dev.hybridgateway.bench.report;

import java.util.Locale;

/** Escaping and number formats of the HTML report. */
final class Html {
  private Html() {}

  static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\"", "&quot;");
  }

  /** Milliseconds with three significant digits, e.g. {@code 0.312}, {@code 41.2}, {@code 503}. */
  static String ms(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, value >= 1 ? "%.2f" : "%.3f", value);
  }

  static String rate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String mib(long bytes) {
    return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }

  /** A table cell; {@code cls} may be null. */
  static String td(String text, String cls) {
    return (cls == null ? "<td>" : "<td class=\"" + cls + "\">") + escape(text) + "</td>";
  }
}
