package dev.hybridgateway.bench.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a report as a pair of files in an output folder: {@code PREFIX-yyyyMMdd-HHmmss.json}
 * and the {@code .html} beside it.
 */
public final class ReportFiles {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** The two files written. */
  public record Written(Path json, Path html) {}

  private ReportFiles() {}

  public static Written write(BenchReport report, Path folder, String prefix) throws IOException {
    requireNonNull(report, "report");
    requireNonNull(folder, "folder");
    requireNonNull(prefix, "prefix");
    Files.createDirectories(folder);
    String base = prefix + "-" + LocalDateTime.now().format(STAMP);
    Path json = folder.resolve(base + ".json");
    Path html = folder.resolve(base + ".html");
    JsonReports.write(report, json);
    Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
    return new Written(json, html);
  }
}
