package dev.hybridgateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision function under the SDK configuration: what the gateway sets when left unset. */
class TelemetryDefaultsTest {
  @Test
  void defaults_emptyConfig_exportsNoSpansMetricsOrLogsAndNamesTheService() {
    Map<String, String> defaults = TelemetryDefaults.defaults(Map.<String, String>of()::get);

    assertThat(defaults)
        .containsEntry("otel.traces.exporter", "none")
        .containsEntry("otel.metrics.exporter", "none")
        .containsEntry("otel.logs.exporter", "none")
        .containsEntry("otel.service.name", "hybrid-gateway");
  }

  @Test
  void tracesExporter_otlpEndpointSet_isOtlp() {
    Map<String, String> config = Map.of("otel.exporter.otlp.endpoint", "http://collector:4317");

    assertThat(TelemetryDefaults.tracesExporter(config::get)).isEqualTo("otlp");
    assertThat(TelemetryDefaults.defaults(config::get))
        .containsEntry("otel.traces.exporter", "otlp");
  }

  @Test
  void tracesExporter_tracesEndpointSet_isOtlp() {
    Map<String, String> config =
        Map.of("otel.exporter.otlp.traces.endpoint", "http://collector:4318/v1/traces");

    assertThat(TelemetryDefaults.tracesExporter(config::get)).isEqualTo("otlp");
  }

  @Test
  void tracesExporter_blankEndpoint_isNone() {
    Map<String, String> config = Map.of("otel.exporter.otlp.endpoint", "  ");

    assertThat(TelemetryDefaults.tracesExporter(config::get)).isEqualTo("none");
  }

  @Test
  void defaults_explicitSettings_leavesThemAlone() {
    Map<String, String> config =
        Map.of(
            "otel.traces.exporter", "console",
            "otel.metrics.exporter", "otlp",
            "otel.logs.exporter", "otlp",
            "otel.service.name", "edge-eu-1",
            "otel.exporter.otlp.endpoint", "http://collector:4317");

    assertThat(TelemetryDefaults.defaults(config::get)).isEmpty();
    assertThat(TelemetryDefaults.tracesExporter(config::get)).isEqualTo("console");
  }

  @Test
  void defaults_explicitNoneWithEndpoint_staysNone() {
    Map<String, String> config =
        Map.of("otel.traces.exporter", "none", "otel.exporter.otlp.endpoint", "http://c:4317");

    assertThat(TelemetryDefaults.tracesExporter(config::get)).isEqualTo("none");
  }

  @Test
  void defaults_serviceNameInResourceAttributes_keepsIt() {
    Map<String, String> config =
        Map.of("otel.resource.attributes", "deployment.environment=prod, service.name=edge");

    assertThat(TelemetryDefaults.defaults(config::get)).doesNotContainKey("otel.service.name");
  }
}
