package dev.hybridgateway.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.support.SampleReports;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportsTest {
  private static BenchReport report;

  @BeforeAll
  static void measure() throws Exception {
    report = SampleReports.twoTransports();
  }

  @Test
  void toJson_fromJson_roundTripsEveryField() {
    String json = JsonReports.toJson(report);
    BenchReport back = JsonReports.fromJson(json);

    assertThat(JsonReports.toJson(back)).isEqualTo(json);
    RunResult run = back.runs().getFirst();
    RunResult original = report.runs().getFirst();
    assertThat(run.config()).isEqualTo(original.config());
    assertThat(run.counts()).isEqualTo(original.counts());
    assertThat(run.tag()).isEqualTo(original.tag());
    assertThat(run.latency().p99Ms()).isEqualTo(original.latency().p99Ms());
    assertThat(back.ramps()).hasSize(1);
    assertThat(back.ramps().getFirst().plan()).isEqualTo(report.ramps().getFirst().plan());
    assertThat(back.machine().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void hdr_decodes_toTheRecordedHistogram() {
    RunResult run = JsonReports.fromJson(JsonReports.toJson(report)).runs().getFirst();
    Histogram histogram = run.latency().decode();

    assertThat(histogram.getTotalCount()).isEqualTo(run.latency().count()).isEqualTo(80);
    assertThat(histogram.getValueAtPercentile(99) / 1e6).isEqualTo(run.latency().p99Ms());
  }

  @Test
  void json_namesTheSchemaAndUsesReadableUnits() {
    String json = JsonReports.toJson(report);

    assertThat(json).contains("\"schema\": \"" + BenchReport.SCHEMA + "\"")
        .contains("\"deadline\": \"PT1S\"")
        .contains("\"p99Ms\":")
        .contains("\"maxRssBytes\":");
  }

  @Test
  void write_read_file_roundTrips(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("report.json");
    JsonReports.write(report, file);

    assertThat(JsonReports.toJson(JsonReports.read(file))).isEqualTo(JsonReports.toJson(report));
  }

  @Test
  void fromJson_otherSchema_refused() {
    assertThatThrownBy(() -> JsonReports.fromJson("{\"schema\":\"something-else\"}"))
        .hasMessageContaining("something-else");
  }
}
