package dev.hybridgateway.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.bench.support.SampleReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page has its four charts with a series per transport, and fetches nothing. */
class HtmlReportTest {
  private static String html;

  @BeforeAll
  static void render() throws Exception {
    html = HtmlReport.render(SampleReports.twoTransports());
    // Kept for a look in a browser: bench/target/sample-report.html
    Files.writeString(Path.of("target", "sample-report.html"), html, StandardCharsets.UTF_8);
  }

  private static int count(String needle) {
    Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(html);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  @Test
  void render_fourChartsAsInlineSvg() {
    assertThat(count("<svg viewBox=")).isEqualTo(4);
    assertThat(html).contains("Latency by percentile", "Throughput vs p99", "Boundary cost",
        "Memory: peak RSS");
  }

  @Test
  void render_everyTransportInTheLatencyThroughputAndMemoryCharts() {
    // grpc-core: its level run's curve, boundary and memory (ramp steps only join the
    // throughput chart), plus two throughput lines: its ramp steps and its other runs.
    assertThat(count("data-series=\"grpc-core\"")).isEqualTo(5);
    // closed-loop reports no core time, so no boundary bars: 1 curve + 1 line + 1 memory group.
    assertThat(count("data-series=\"closed-loop\"")).isEqualTo(3);
    assertThat(html).contains("<polyline", "<rect", "<circle");
  }

  @Test
  void render_tablesOfRunsRampAndMachine() {
    assertThat(html).contains("grpc-core", "closed-loop", "50% max (400/s)", "Ramp: grpc-core",
        "Machine", "p99 from send");
  }

  @Test
  void render_selfContained_noScriptNoExternalResource() {
    assertThat(html).doesNotContain("<script", "<link", "http://", "https://", "src=");
  }
}
