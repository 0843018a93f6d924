package dev.hybridgateway.interop;

import java.io.PrintStream;
import java.util.List;

/** Prints results as a fixed-width table: case, transport, result, time, reason; then a summary. */
final class ReportTable {
  private static final int REASON_WIDTH = 110;

  private ReportTable() {}

  static void print(List<CaseResult> results, PrintStream out) {
    int caseWidth = results.stream().mapToInt(r -> r.testCase().caseName().length()).max().orElse(4);
    String format = "%-" + Math.max(caseWidth, 4) + "s  %-9s  %-6s  %8s  %s%n";
    out.printf(format, "CASE", "TRANSPORT", "RESULT", "TIME", "REASON");
    for (CaseResult r : results) {
      out.printf(format, r.testCase().caseName(), r.target().kind().id(), r.outcome(),
          r.time().toMillis() + " ms", oneLine(r.reason()));
    }
    long passed = count(results, CaseResult.Outcome.PASS);
    long failed = count(results, CaseResult.Outcome.FAIL);
    long skipped = count(results, CaseResult.Outcome.SKIP);
    out.printf("%n%d cases: %d passed, %d failed, %d skipped%n", results.size(), passed, failed,
        skipped);
  }

  private static long count(List<CaseResult> results, CaseResult.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  private static String oneLine(String reason) {
    String text = reason.replaceAll("\\s+", " ").strip();
    return text.length() > REASON_WIDTH ? text.substring(0, REASON_WIDTH - 1) + "…" : text;
  }
}
