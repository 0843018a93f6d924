package dev.hybridgateway.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading JMH's JSON rows and turning them into the P1–P3 figures. */
class JmhSummaryTest {
  private static final String JSON =
      """
      [
        { "benchmark": "dev.hybridgateway.bench.jmh.CopyBandwidthBenchmark.copy", "mode": "thrpt",
          "params": { "bufferBytes": "268435456" },
          "primaryMetric": { "score": 40.0, "scoreError": "NaN", "scoreUnit": "ops/s" },
          "secondaryMetrics": { "bytes": { "score": 2.0E10, "scoreUnit": "ops/s" } } },
        { "benchmark": "dev.hybridgateway.bench.jmh.ScanBenchmark.scan", "mode": "thrpt",
          "params": { "engine": "ffi-fast", "vectors": "270000" },
          "primaryMetric": { "score": 40.0, "scoreError": 1.5, "scoreUnit": "ops/s" },
          "secondaryMetrics": { "bytes": { "score": 1.6E10, "scoreUnit": "ops/s" } } },
        { "benchmark": "dev.hybridgateway.bench.jmh.ScanBenchmark.scan", "mode": "thrpt",
          "params": { "engine": "java-scalar", "vectors": "270000" },
          "primaryMetric": { "score": 10.0, "scoreError": 1.0, "scoreUnit": "ops/s" },
          "secondaryMetrics": { "bytes": { "score": 4.0E9, "scoreUnit": "ops/s" } } },
        { "benchmark": "dev.hybridgateway.bench.jmh.ScanBenchmark.scan", "mode": "thrpt",
          "params": { "engine": "java-vector", "vectors": "270000" },
          "primaryMetric": { "score": 20.0, "scoreError": 1.0, "scoreUnit": "ops/s" },
          "secondaryMetrics": { "bytes": { "score": 8.0E9, "scoreUnit": "ops/s" } } },
        { "benchmark": "dev.hybridgateway.bench.jmh.NoopBenchmark.noop", "mode": "avgt",
          "primaryMetric": { "score": 7.25, "scoreError": "NaN", "scoreUnit": "ns/op" },
          "secondaryMetrics": {} },
        { "benchmark": "dev.hybridgateway.bench.jmh.BoundaryBenchmark.rerank", "mode": "avgt",
          "params": { "path": "ffi-fast", "payloadBytes": "4096" },
          "primaryMetric": { "score": 11.0, "scoreError": 0.1, "scoreUnit": "us/op" },
          "secondaryMetrics": {} },
        { "benchmark": "dev.hybridgateway.bench.jmh.BoundaryBenchmark.rerank", "mode": "avgt",
          "params": { "path": "java-vector", "payloadBytes": "4096" },
          "primaryMetric": { "score": 10.0, "scoreError": 0.1, "scoreUnit": "us/op" },
          "secondaryMetrics": {} },
        { "benchmark": "dev.hybridgateway.bench.jmh.GrpcLoopbackBenchmark.rerank", "mode": "avgt",
          "params": { "server": "rust", "payloadBytes": "100" },
          "primaryMetric": { "score": 90.0, "scoreError": 2.0, "scoreUnit": "us/op" },
          "secondaryMetrics": {} },
        { "benchmark": "dev.hybridgateway.bench.jmh.GrpcLoopbackBenchmark.rerank", "mode": "avgt",
          "params": { "server": "grpc-java-bare", "payloadBytes": "100" },
          "primaryMetric": { "score": 60.0, "scoreError": 2.0, "scoreUnit": "us/op" },
          "secondaryMetrics": {} }
      ]
      """;

  @Test
  void parse_jmhJson_readsNamesParamsScoresAndByteCounter() {
    List<JmhResult> rows = JmhResults.parse(JSON);

    assertThat(rows).hasSize(9);
    JmhResult copy = rows.getFirst();
    assertThat(copy.benchmark()).isEqualTo("CopyBandwidthBenchmark.copy");
    assertThat(copy.param("bufferBytes")).isEqualTo("268435456");
    assertThat(copy.gigabytesPerSecond()).isCloseTo(20.0, within(1e-9));
    JmhResult noop = rows.get(4);
    assertThat(noop.params()).isEmpty();
    assertThat(noop.bytesPerSecond()).isNaN();
    assertThat(noop.unit()).isEqualTo("ns/op");
  }

  @Test
  void render_fullRun_givesGigabytesPerSecondShareOfCopyAndRatios() {
    JmhSummary summary = new JmhSummary(JmhResults.parse(JSON));

    assertThat(summary.scanGigabytesPerSecond("ffi-fast")).hasValue(16.0);
    assertThat(summary.copyGigabytesPerSecond()).hasValue(20.0);
    assertThat(summary.render())
        .contains("ffi-fast                  16.00 GB/s   80.0 %")
        .contains("java-scalar                4.00 GB/s   20.0 %")
        .contains("Rust / best Java engine: 2.00x")
        .contains("P2 FFI no-op (critical downcall): 7.3 ns/op")
        .containsPattern("4096 +NaN +11\\.00 +10\\.00 +1\\.10")
        .containsPattern("100 +90\\.00 +60\\.00 +30\\.00");
  }

  @Test
  void render_onlyNoop_leavesOtherSectionsOut() {
    String noopOnly =
        """
        [ { "benchmark": "a.b.NoopBenchmark.noop", "primaryMetric":
            { "score": 5.0, "scoreUnit": "ns/op" } } ]
        """;

    assertThat(new JmhSummary(JmhResults.parse(noopOnly)).render())
        .isEqualTo("P2 FFI no-op (critical downcall): 5.0 ns/op\n");
  }
}
