package dev.hybridgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Authorizer;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.telemetry.GatewayMetrics;
import dev.hybridgateway.gateway.telemetry.MetricsText;
import dev.hybridgateway.gateway.telemetry.Telemetry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} scraped over HTTP: the exact metric names and labels the compose stack's
 * Prometheus, dashboards and alerts expect, in the Prometheus text format.
 */
class MetricsEndpointTest {
  @TempDir static Path keys;
  private static DevTokens tokens;

  private Telemetry telemetry;
  private Authenticator authenticator;
  private AdminServer server;
  private AdminClient client;

  @BeforeAll
  static void keys() {
    tokens = DevTokens.open(keys);
  }

  @BeforeEach
  void start() throws IOException {
    telemetry = Telemetry.builder().build();
    authenticator = Authenticator.create(tokens.authConfig().build());
    server =
        AdminServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .auth(authenticator, Authorizer.defaults())
            .metrics(telemetry.metricsExposition())
            .start();
    client = new AdminClient(server);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    authenticator.close();
    telemetry.close();
  }

  @Test
  void metrics_afterRecording_exportsExactlyTheGatewayNames() {
    record(telemetry.metrics());

    HttpResponse<String> response = client.get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    MetricsText text = MetricsText.parse(response.body());
    Set<String> families = new HashSet<>(text.types().keySet());
    families.remove("target_info");
    assertThat(families).containsExactlyInAnyOrderElementsOf(GatewayMetrics.NAMES);
    assertThat(text.types())
        .containsEntry("hybrid_gateway_requests_total", "counter")
        .containsEntry("hybrid_gateway_request_duration_seconds", "histogram")
        .containsEntry("hybrid_gateway_boundary_cost_seconds", "histogram")
        .containsEntry("hybrid_gateway_circuit_state", "gauge")
        .containsEntry("hybrid_gateway_bulkhead_saturation", "gauge");
    assertThat(text.labelNames("hybrid_gateway_requests_total"))
        .containsExactlyInAnyOrder("route", "transport", "code");
    assertThat(text.labelNames("hybrid_gateway_request_duration_seconds_bucket"))
        .containsExactlyInAnyOrder("route", "transport");
    assertThat(text.labelNames("hybrid_gateway_boundary_cost_seconds_count"))
        .containsExactly("transport");
    assertThat(text.labelNames("hybrid_gateway_circuit_state"))
        .containsExactlyInAnyOrder("backend", "state");
    assertThat(text.labelNames("hybrid_gateway_bulkhead_saturation")).containsExactly("backend");
  }

  @Test
  void metrics_afterRecording_reportsTheValues() {
    record(telemetry.metrics());

    MetricsText text = MetricsText.parse(client.get("/metrics").body());

    String route = "hybrid.gateway.v1.SearchService/Search";
    assertThat(text.value("hybrid_gateway_requests_total",
        Map.of("route", route, "transport", "ffi", "code", "OK"))).isEqualTo(2.0);
    assertThat(text.value("hybrid_gateway_request_duration_seconds_bucket",
        Map.of("route", route, "transport", "ffi", "le", "5.0E-5"))).isEqualTo(0.0);
    assertThat(text.value("hybrid_gateway_request_duration_seconds_bucket",
        Map.of("route", route, "transport", "ffi", "le", "0.001"))).isEqualTo(1.0);
    assertThat(text.value("hybrid_gateway_request_duration_seconds_bucket",
        Map.of("route", route, "transport", "ffi", "le", "10.0"))).isEqualTo(2.0);
    assertThat(text.value("hybrid_gateway_boundary_cost_seconds_count",
        Map.of("transport", "grpc"))).isEqualTo(1.0);
    assertThat(text.value("hybrid_gateway_circuit_state",
        Map.of("backend", "grpc-0", "state", "open"))).isEqualTo(1.0);
    assertThat(text.value("hybrid_gateway_circuit_state",
        Map.of("backend", "grpc-0", "state", "closed"))).isEqualTo(0.0);
    assertThat(text.value("hybrid_gateway_circuit_state",
        Map.of("backend", "ffi", "state", "closed"))).isEqualTo(1.0);
    assertThat(text.value("hybrid_gateway_bulkhead_saturation", Map.of("backend", "ffi")))
        .isEqualTo(0.25);
    assertThat(text.value("hybrid_gateway_bulkhead_saturation", Map.of("backend", "grpc-0")))
        .isEqualTo(1.0);
  }

  @Test
  void metrics_openMetricsAccept_answersOpenMetrics() {
    record(telemetry.metrics());

    HttpResponse<String> response = client.get("/metrics",
        Map.of("accept", "application/openmetrics-text; version=1.0.0; charset=utf-8"));

    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(response.body()).contains("hybrid_gateway_requests_total{").endsWith("# EOF\n");
  }

  @Test
  void metrics_defaultExposition_isAnEmptyScrape() throws IOException {
    try (AdminServer bare =
            AdminServer.builder()
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .auth(authenticator, Authorizer.defaults())
                .start();
        AdminClient bareClient = new AdminClient(bare)) {
      HttpResponse<String> response = bareClient.get("/metrics");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEmpty();
    }
  }

  private static void record(GatewayMetrics metrics) {
    String route = "hybrid.gateway.v1.SearchService/Search";
    metrics.recordRequest(route, "ffi", "OK", 800_000);
    metrics.recordRequest(route, "ffi", "OK", 3_000_000_000L);
    metrics.recordRequest(route, GatewayMetrics.NO_TRANSPORT, "UNAUTHENTICATED", 40_000);
    metrics.recordBoundary(Transport.GRPC, new CoreReply<>(EngineStats.getDefaultInstance(),
        CoreTiming.newBuilder().setComputeNs(2_000_000).build(), 2_080_000));
    metrics.registerCircuitStates(() -> Map.of("grpc-0", "OPEN", "ffi", "closed"));
    metrics.registerBulkheads(() -> Map.of("ffi", 0.25, "grpc-0", 1.7));
  }
}
