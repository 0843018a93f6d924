package dev.hybridgateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The SDK that {@link Telemetry} boots: exporters on and off, and the no-op variant. */
class TelemetryTest {
  @Test
  void build_noOtlpSettingsInTheEnvironment_configuresNoSpanExporter() {
    assumeTrue(noTraceSettings(), "the environment configures trace export");

    try (Telemetry telemetry = Telemetry.builder().build()) {
      assertThat(telemetry.exportsSpans()).isFalse();
      assertThat(telemetry.spanExporters()).isEmpty();
      assertThat(telemetry.describe()).contains("traces: not exported");
    }
  }

  @Test
  void build_otlpEndpoint_configuresOtlpSpanExporter() {
    try (Telemetry telemetry =
        Telemetry.builder()
            .property("otel.exporter.otlp.endpoint", "http://127.0.0.1:9")
            .property("otel.traces.exporter", "")
            .build()) {
      assertThat(telemetry.spanExporters()).containsExactly("OtlpGrpcSpanExporter");
    }
  }

  @Test
  void build_explicitNoneWithEndpoint_configuresNoSpanExporter() {
    try (Telemetry telemetry =
        Telemetry.builder()
            .property("otel.exporter.otlp.endpoint", "http://127.0.0.1:9")
            .property("otel.traces.exporter", "none")
            .build()) {
      assertThat(telemetry.exportsSpans()).isFalse();
    }
  }

  @Test
  void metricsExposition_afterRecording_rendersPrometheusText() {
    try (Telemetry telemetry = Telemetry.builder().build()) {
      telemetry.metrics().recordRequest("r", "ffi", "OK", 1_000_000);

      MetricsExposition.Page page = telemetry.metricsExposition().render(null);

      assertThat(page.contentType()).startsWith("text/plain; version=0.0.4");
      assertThat(new String(page.body(), StandardCharsets.UTF_8))
          .contains("hybrid_gateway_requests_total{");
    }
  }

  @Test
  void noop_recordsNothingAndClosesTwice() {
    Telemetry telemetry = Telemetry.noop();
    telemetry.metrics().recordRequest("r", "ffi", "OK", 1);

    assertThat(telemetry.metricsExposition().render(null).body()).isEmpty();
    assertThat(telemetry.exportsSpans()).isFalse();
    telemetry.close();
    telemetry.close();
  }

  private static boolean noTraceSettings() {
    for (String name :
        List.of("otel.traces.exporter", "otel.exporter.otlp.endpoint",
            "otel.exporter.otlp.traces.endpoint")) {
      String env = name.toUpperCase(Locale.ROOT).replace('.', '_');
      if (System.getenv(env) != null || System.getProperty(name) != null) {
        return false;
      }
    }
    return true;
  }
}
