package dev.hybridgateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hybridgateway.gateway.auth.AuthInterceptor;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Authorizer;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server interceptors and the core span together, on a real in-process gRPC server with the
 * auth package in front: one trace from the caller's {@code traceparent} through the server span
 * to the core call's client span, and one access log line per call carrying that trace id.
 */
class ServerTelemetryTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  private static final String SEARCH = "hybrid.gateway.v1.SearchService/Search";

  @TempDir static Path keys;
  private static DevTokens tokens;

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final AtomicReference<String> traceparentInCoreCall = new AtomicReference<>();
  private Telemetry telemetry;
  private Authenticator authenticator;
  private JavaCoreClient core;
  private Server server;
  private ManagedChannel channel;
  private LogCapture log;

  @BeforeAll
  static void keys() {
    tokens = DevTokens.open(keys);
  }

  @BeforeEach
  void start() throws Exception {
    telemetry = Telemetry.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    authenticator = Authenticator.create(tokens.authConfig().build());
    core = JavaCoreClient.builder().build();
    ServerTelemetry interceptors = ServerTelemetry.of(telemetry);
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .addService(
                ServerInterceptors.intercept(
                    new Search(),
                    interceptors.afterAuth(),
                    new AuthInterceptor(authenticator, Authorizer.defaults()),
                    interceptors.accessLog(),
                    interceptors.serverSpans()))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
    log = new LogCapture();
  }

  @AfterEach
  void stop() {
    log.close();
    channel.shutdownNow();
    server.shutdownNow();
    core.close();
    authenticator.close();
    telemetry.close();
  }

  @Test
  void search_callerTraceparent_serverAndCoreSpansShareTheCallersTrace() {
    call(Map.of("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01"));

    await().atMost(Duration.ofSeconds(5)).until(() -> spans.getFinishedSpanItems().size() == 2);
    SpanData serverSpan = only(SpanKind.SERVER);
    SpanData coreSpan = only(SpanKind.CLIENT);
    assertThat(serverSpan.getName()).isEqualTo(SEARCH);
    assertThat(serverSpan.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(serverSpan.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
    assertThat(coreSpan.getName()).isEqualTo("core GetStats");
    assertThat(coreSpan.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(coreSpan.getParentSpanId()).isEqualTo(serverSpan.getSpanId());
    assertThat(traceparentInCoreCall.get())
        .isEqualTo("00-" + TRACE_ID + "-" + coreSpan.getSpanId() + "-01");
  }

  @Test
  void search_noCallerTrace_serverSpanStartsTheTraceTheCoreSpanJoins() {
    call(Map.of());

    await().atMost(Duration.ofSeconds(5)).until(() -> spans.getFinishedSpanItems().size() == 2);
    SpanData serverSpan = only(SpanKind.SERVER);
    assertThat(serverSpan.getParentSpanContext().isValid()).isFalse();
    assertThat(only(SpanKind.CLIENT).getTraceId()).isEqualTo(serverSpan.getTraceId());
  }

  @Test
  void search_authenticatedCall_logsOneLineWithTraceIdTenantAndTransport() throws Exception {
    call(Map.of("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01"));

    String line = log.next();

    assertThat(line)
        .startsWith("protocol=grpc route=" + SEARCH + " code=OK duration_ms=")
        .endsWith(" tenant=acme transport=java trace_id=" + TRACE_ID);
  }

  @Test
  void search_noCredentials_logsTheRefusalAndCountsIt() throws Exception {
    assertThatThrownBy(() -> SearchServiceGrpc.newBlockingStub(channel)
            .search(SearchRequest.getDefaultInstance()))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageStartingWith("UNAUTHENTICATED");

    String line = log.next();

    assertThat(line).contains(" code=UNAUTHENTICATED ").contains(" tenant=- transport=- trace_id=");
    MetricsText metrics = MetricsText.parse(telemetry.metricsExposition().render(null).body());
    assertThat(metrics.value(GatewayMetrics.REQUESTS,
            Map.of("route", SEARCH, "transport", "none", "code", "UNAUTHENTICATED")))
        .isEqualTo(1.0);
  }

  private void call(Map<String, String> extraHeaders) {
    Metadata headers = new Metadata();
    String token = tokens.mint("acme", List.of(Scopes.SEARCH), Duration.ofMinutes(5));
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + token);
    extraHeaders.forEach((k, v) ->
        headers.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
    SearchServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .search(SearchRequest.getDefaultInstance());
  }

  private SpanData only(SpanKind kind) {
    List<SpanData> ofKind =
        spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).toList();
    assertThat(ofKind).hasSize(1);
    return ofKind.getFirst();
  }

  /** A search that asks the core for its stats, the way the fan-out code calls each shard. */
  private final class Search extends SearchServiceGrpc.SearchServiceImplBase {
    @Override
    public void search(SearchRequest request, StreamObserver<SearchResponse> response) {
      RequestTelemetry.noteTransport(Transport.JAVA);
      telemetry
          .coreSpans()
          .around(Transport.JAVA, CoreMethod.GET_STATS, 0, () -> {
            traceparentInCoreCall.set(Traces.traceparent());
            return core.getStats();
          })
          .whenComplete((reply, failure) -> {
            if (failure != null) {
              response.onError(CoreErrors.toException(failure));
            } else {
              response.onNext(SearchResponse.getDefaultInstance());
              response.onCompleted();
            }
          });
    }
  }
}
