package dev.hybridgateway.interop;

import io.grpc.Context;

/**
 * The W3C {@code traceparent} a case wants sent with its calls, carried in the io.grpc
 * {@link Context} like the deadline and the cancellation: the edge clients ({@link
 * GatewayCoreClient}, {@link RestCoreClient}) send it as the {@code traceparent} metadata or
 * header, as any instrumented caller would.
 *
 * <pre>{@code
 * TestContexts.in(CallTrace.with("00-<trace id>-<span id>-01"), () -> client.search(request));
 * }</pre>
 */
public final class CallTrace {
  /** The header and metadata key. */
  public static final String HEADER = "traceparent";

  private static final Context.Key<String> TRACEPARENT = Context.key("interop-traceparent");

  private CallTrace() {}

  /** The current Context with {@code traceparent} to send. */
  public static Context with(String traceparent) {
    return Context.current().withValue(TRACEPARENT, traceparent);
  }

  /** The traceparent of the current Context, or null. */
  public static String current() {
    return TRACEPARENT.get();
  }
}
