package dev.hybridgateway.gateway.telemetry;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.core.v1.HotPathGrpc;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One span per core call, so a trace shows each shard of a fan-out under the request's server
 * span, and the core's own spans below it. The fan-out code wraps every shard call:
 *
 * <pre>{@code
 * CompletableFuture<CoreReply<SearchResponse>> reply =
 *     spans.around(Transport.FFI, CoreMethod.SEARCH, shard, () -> client.search(request));
 * }</pre>
 *
 * The span is current while {@code call} runs, so the gRPC core client's interceptor sends its
 * {@code traceparent} and the FFI client reads it with {@link Traces#traceparent()}. The span is
 * a CLIENT span for the in-process transports (java, ffi); for grpc it is INTERNAL, because the
 * gRPC client instrumentation adds the CLIENT span of the wire call beneath it. When the call
 * succeeds, the core's time and the boundary cost go on the span and into {@link
 * GatewayMetrics#recordBoundary}.
 */
public final class CoreSpans {
  /** The instrumentation scope of the spans. */
  public static final String SCOPE = "dev.hybridgateway.gateway.core";

  static final AttributeKey<String> TRANSPORT = stringKey("hybrid.transport");
  static final AttributeKey<Long> SHARD = longKey("hybrid.shard");
  static final AttributeKey<Long> CORE_NANOS = longKey("hybrid.core.time_ns");
  static final AttributeKey<Long> BOUNDARY_NANOS = longKey("hybrid.boundary.time_ns");
  static final AttributeKey<String> RPC_SERVICE = stringKey("rpc.service");
  static final AttributeKey<String> RPC_METHOD = stringKey("rpc.method");
  static final AttributeKey<Long> STATUS_CODE = longKey("rpc.grpc.status_code");

  private final Tracer tracer;
  private final GatewayMetrics metrics;

  /** Spans from {@code openTelemetry}'s tracer; boundary costs into {@code metrics}. */
  public CoreSpans(OpenTelemetry openTelemetry, GatewayMetrics metrics) {
    this.tracer = requireNonNull(openTelemetry, "openTelemetry").getTracer(SCOPE);
    this.metrics = requireNonNull(metrics, "metrics");
  }

  /** {@link #around(Transport, String, int, Supplier)} named after {@code method}. */
  public <R> CompletableFuture<CoreReply<R>> around(
      Transport transport,
      CoreMethod<?, ?> method,
      int shard,
      Supplier<CompletableFuture<CoreReply<R>>> call) {
    return around(transport, requireNonNull(method, "method").name(), shard, call);
  }

  /**
   * Runs {@code call} (one core call) inside a span named {@code core <method>} and returns its
   * future as it is (cancelling it still cancels the call). The span ends when the future
   * completes; a failure marks it ERROR with the canonical status code.
   */
  @SuppressWarnings("try") // the scope only makes the span current while the call starts
  public <R> CompletableFuture<CoreReply<R>> around(
      Transport transport,
      String method,
      int shard,
      Supplier<CompletableFuture<CoreReply<R>>> call) {
    requireNonNull(transport, "transport");
    requireNonNull(method, "method");
    requireNonNull(call, "call");
    Span span =
        tracer.spanBuilder("core " + method)
            .setSpanKind(transport == Transport.GRPC ? SpanKind.INTERNAL : SpanKind.CLIENT)
            .setAttribute(TRANSPORT, transport.id())
            .setAttribute(SHARD, (long) shard)
            .setAttribute(RPC_SERVICE, HotPathGrpc.SERVICE_NAME)
            .setAttribute(RPC_METHOD, method)
            .startSpan();
    CompletableFuture<CoreReply<R>> future;
    try (Scope ignored = Context.current().with(span).makeCurrent()) {
      future = requireNonNull(call.get(), "the core call returned no future");
    } catch (RuntimeException | Error e) {
      fail(span, e);
      throw e;
    }
    future.whenComplete(
        (reply, failure) -> {
          if (failure != null) {
            fail(span, failure);
            return;
          }
          span.setAttribute(CORE_NANOS, reply.coreNanos());
          span.setAttribute(BOUNDARY_NANOS, reply.boundaryNanos());
          span.setAttribute(STATUS_CODE, (long) Code.OK_VALUE);
          span.end();
          metrics.recordBoundary(transport, reply);
        });
    return future;
  }

  private static void fail(Span span, Throwable failure) {
    com.google.rpc.Status status = CoreErrors.toStatus(failure);
    Code code = Code.forNumber(status.getCode());
    span.setAttribute(STATUS_CODE, (long) status.getCode());
    span.setStatus(StatusCode.ERROR, (code == null ? "UNKNOWN" : code.name()) + ": "
        + status.getMessage());
    span.end();
  }
}
