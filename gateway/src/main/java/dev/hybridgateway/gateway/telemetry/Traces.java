package dev.hybridgateway.gateway.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The current trace as text: the trace id for log lines and the W3C {@code traceparent} for
 * transports without gRPC metadata. The FFI client passes {@link #traceparent()} into the native
 * call, from inside {@link CoreSpans#around}, where the core call's client span is current:
 *
 * <pre>{@code
 * String traceparent = Traces.traceparent();   // "00-<trace id>-<span id>-01", or null
 * }</pre>
 *
 * Always W3C, whatever propagators are configured: it is the format the Rust core continues.
 */
public final class Traces {
  /** The W3C header (and FFI argument) name. */
  public static final String TRACEPARENT = "traceparent";

  private Traces() {}

  /** The current span's trace id (32 hex digits), or null outside a trace. */
  public static String currentTraceId() {
    SpanContext span = Span.current().getSpanContext();
    return span.isValid() ? span.getTraceId() : null;
  }

  /** The current span's W3C {@code traceparent}, or null outside a trace. */
  public static String traceparent() {
    return carrier(Context.current()).get(TRACEPARENT);
  }

  /** The W3C headers ({@code traceparent}, {@code tracestate}) of {@code context}; may be empty. */
  public static Map<String, String> carrier(Context context) {
    Map<String, String> headers = new HashMap<>(2);
    W3CTraceContextPropagator.getInstance().inject(context, headers, Map::put);
    return headers;
  }
}
