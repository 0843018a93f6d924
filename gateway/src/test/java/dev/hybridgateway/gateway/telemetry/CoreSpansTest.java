package dev.hybridgateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One span per core call, its outcome, and the boundary cost it records. */
class CoreSpansTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final Telemetry telemetry =
      Telemetry.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();

  @AfterEach
  void close() {
    telemetry.close();
  }

  @Test
  void around_success_endsClientSpanWithTimingsAndRecordsBoundaryCost() {
    CoreReply<EngineStats> reply = reply(1_000_000, 1_500_000);

    telemetry.coreSpans()
        .around(Transport.FFI, CoreMethod.SEARCH, 3, () -> CompletableFuture.completedFuture(reply))
        .join();

    SpanData span = spans.getFinishedSpanItems().getFirst();
    assertThat(span.getName()).isEqualTo("core Search");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getAttributes().get(CoreSpans.SHARD)).isEqualTo(3L);
    assertThat(span.getAttributes().get(CoreSpans.TRANSPORT)).isEqualTo("ffi");
    assertThat(span.getAttributes().get(CoreSpans.BOUNDARY_NANOS)).isEqualTo(500_000L);
    MetricsText metrics = MetricsText.parse(telemetry.metricsExposition().render(null).body());
    assertThat(metrics.value(
            "hybrid_gateway_boundary_cost_seconds_sum", Map.of("transport", "ffi")))
        .isEqualTo(0.0005);
  }

  @Test
  void around_replyWithoutCoreTiming_recordsNoBoundaryCost() {
    telemetry.coreSpans()
        .around(Transport.FFI, CoreMethod.GET_STATS, 0,
            () -> CompletableFuture.completedFuture(reply(0, 2_000_000)))
        .join();

    MetricsText metrics = MetricsText.parse(telemetry.metricsExposition().render(null).body());
    assertThat(metrics.types()).doesNotContainKey(GatewayMetrics.BOUNDARY_COST);
  }

  @Test
  void around_grpcTransport_isInternalSpanAboveTheWireClientSpan() {
    telemetry.coreSpans()
        .around(Transport.GRPC, "Search", 0,
            () -> CompletableFuture.completedFuture(reply(1, 2)))
        .join();

    assertThat(spans.getFinishedSpanItems().getFirst().getKind()).isEqualTo(SpanKind.INTERNAL);
  }

  @Test
  void around_failedCall_marksSpanErrorWithCanonicalCode() {
    CompletableFuture<CoreReply<EngineStats>> failed = CompletableFuture.failedFuture(
        CoreErrors.toException(CoreErrors.deadlineExceeded("core", "too slow")));

    CompletableFuture<CoreReply<EngineStats>> result =
        telemetry.coreSpans().around(Transport.JAVA, CoreMethod.SEARCH, 0, () -> failed);

    assertThat(result).isSameAs(failed);
    SpanData span = spans.getFinishedSpanItems().getFirst();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getStatus().getDescription()).startsWith("DEADLINE_EXCEEDED: too slow");
    assertThat(span.getAttributes().get(CoreSpans.STATUS_CODE)).isEqualTo(4L);
  }

  @Test
  void around_supplierThrows_endsSpanAndRethrows() {
    assertThatThrownBy(() -> telemetry.coreSpans().around(Transport.JAVA, "Search", 0, () -> {
          throw new IllegalStateException("boom");
        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(spans.getFinishedSpanItems().getFirst().getStatus().getStatusCode())
        .isEqualTo(StatusCode.ERROR);
  }

  @Test
  void traceparent_insideAround_namesTheCoreSpan() {
    String[] seen = new String[1];
    telemetry.coreSpans()
        .around(Transport.FFI, "Search", 0, () -> {
          seen[0] = Traces.traceparent();
          return CompletableFuture.completedFuture(reply(1, 2));
        })
        .join();

    SpanData span = spans.getFinishedSpanItems().getFirst();
    assertThat(seen[0]).isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
    assertThat(Traces.traceparent()).isNull();
    assertThat(Traces.currentTraceId()).isNull();
  }

  private static CoreReply<EngineStats> reply(long computeNanos, long clientNanos) {
    return new CoreReply<>(
        EngineStats.getDefaultInstance(),
        CoreTiming.newBuilder().setComputeNs(computeNanos).build(),
        clientNanos);
  }
}
