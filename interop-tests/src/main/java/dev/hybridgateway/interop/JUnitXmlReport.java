package dev.hybridgateway.interop;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes results in the JUnit XML format CI systems read (one testsuite, one testcase per case
 * and target, named {@code case[transport]}; failures carry the reason and the stack trace).
 */
final class JUnitXmlReport {
  private JUnitXmlReport() {}

  static void write(List<CaseResult> results, Path file) throws IOException {
    long failures = results.stream().filter(r -> r.outcome() == CaseResult.Outcome.FAIL).count();
    long skipped = results.stream().filter(r -> r.outcome() == CaseResult.Outcome.SKIP).count();
    double total = results.stream().mapToLong(r -> r.time().toNanos()).sum() / 1e9;
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append(String.format(Locale.ROOT,
        "<testsuite name=\"hybrid-gateway-interop\" tests=\"%d\" failures=\"%d\" errors=\"0\""
            + " skipped=\"%d\" time=\"%.3f\">%n", results.size(), failures, skipped, total));
    for (CaseResult r : results) {
      xml.append(String.format(Locale.ROOT,
          "  <testcase classname=\"interop.%s\" name=\"%s[%s]\" time=\"%.3f\">",
          r.testCase().group().name().toLowerCase(Locale.ROOT), r.testCase().caseName(),
          escape(r.target().toString()), r.time().toNanos() / 1e9));
      switch (r.outcome()) {
        case FAIL -> xml.append("\n    <failure message=\"").append(escape(r.reason()))
            .append("\">").append(escape(stackTrace(r.failure()))).append("</failure>\n  ");
        case SKIP -> xml.append("\n    <skipped message=\"").append(escape(r.reason()))
            .append("\"/>\n  ");
        case PASS -> { }
      }
      xml.append("</testcase>\n");
    }
    xml.append("</testsuite>\n");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, xml, StandardCharsets.UTF_8);
  }

  private static String stackTrace(Throwable t) {
    if (t == null) {
      return "";
    }
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
  }
}
