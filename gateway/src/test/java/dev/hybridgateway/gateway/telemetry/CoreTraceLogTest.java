package dev.hybridgateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.server.EdgePipeline;
import dev.hybridgateway.gateway.server.GatewayServer;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.GetCollectionRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One trace id from the edge into the Rust core: a call to the gateway (GrpcCoreClient backend
 * against the real hotpath-server) gets a server span at the edge, and the core's {@code
 * grpc.server} span continues the propagated {@code traceparent}, so the core's log line for
 * that call (its "call failed" event at debug level, printed with the span's {@code trace_id}
 * field; hotpath-server/src/telemetry.rs) carries the edge span's trace id.
 */
class CoreTraceLogTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private RustCoreServer core;
  private Telemetry telemetry;
  private GrpcCoreClient client;
  private BackendResilience resilience;
  private GatewayServer gateway;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    core = RustCoreServer.start("--log-level", "hotpath_server=debug");
    telemetry = Telemetry.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    String target = "127.0.0.1:" + core.port();
    client =
        GrpcCoreClient.builder().target(target).openTelemetry(telemetry.openTelemetry()).build();
    resilience = BackendResilience.builder().build();
    String routing =
        "backends:\n  rust:\n    type: grpc\n    targets: [\"" + target + "\"]\n"
            + "routes: []\ndefault_route:\n  name: default\n  backends:\n"
            + "    - backend: rust\n      weight: 100\n";
    EdgePipeline pipeline =
        EdgePipeline.builder()
            .routing(RoutingConfig.parse(routing, "core-trace-log"))
            .clients(Map.of("rust", List.of(client)))
            .resilience(resilience)
            .telemetry(telemetry)
            .build();
    gateway =
        GatewayServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .pipeline(pipeline)
            .telemetry(telemetry)
            .unauthenticated()
            .start();
    gateway.markServing();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
  }

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (gateway != null) {
      gateway.close();
    }
    if (resilience != null) {
      resilience.close();
    }
    if (client != null) {
      client.close();
    }
    if (telemetry != null) {
      telemetry.close();
    }
    if (core != null) {
      core.close();
    }
  }

  @Test
  void getCollection_coreLogsTheTraceIdOfTheGatewayServerSpan() {
    assertThatThrownBy(
            () ->
                CollectionServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getCollection(
                        GetCollectionRequest.newBuilder().setName("no-such-collection").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

    await("the gateway's server span")
        .atMost(Duration.ofSeconds(5))
        .until(() -> serverSpans().size() == 1);
    String traceId = serverSpans().getFirst().getTraceId();
    assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    await("the core's log line with trace_id=" + traceId)
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(core.output().lines())
                    .as(core.output())
                    .anySatisfy(
                        line ->
                            assertThat(line)
                                .contains("trace_id=" + traceId)
                                .contains("call failed")));
  }

  private List<SpanData> serverSpans() {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.SERVER)
        .toList();
  }
}
