package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.Transport;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Carries the {@code x-hybrid-transport} request header ({@code java}, {@code ffi} or {@code
 * grpc}) from the call's metadata to the routing step in the Context. Whether it is honoured is
 * the routing step's decision (only for callers with the admin scope); here it is only read, so
 * the header is inert for everyone else.
 */
final class TransportOverride implements ServerInterceptor {
  /** The request header that pins a call to a transport (benchmarks and interop tests use it). */
  static final String HEADER = "x-hybrid-transport";

  private static final Metadata.Key<String> KEY =
      Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> CONTEXT_KEY = Context.key("hybrid-transport-override");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String value = headers.get(KEY);
    if (value == null) {
      return next.startCall(call, headers);
    }
    Context context = Context.current().withValue(CONTEXT_KEY, value);
    return Contexts.interceptCall(context, call, headers, next);
  }

  /**
   * The transport the current call asks to be pinned to, or null when it asks for none.
   *
   * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT when the header names no transport
   */
  static Transport requested() {
    String value = CONTEXT_KEY.get();
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Transport.of(requireNonNull(value, "value").trim());
    } catch (IllegalArgumentException e) {
      throw CoreErrors.toException(
          CoreErrors.status(
              com.google.rpc.Code.INVALID_ARGUMENT,
              HEADER + " must be java, ffi or grpc, got '" + value + "'",
              com.google.rpc.ErrorInfo.newBuilder()
                  .setDomain(CoreErrors.EDGE_DOMAIN)
                  .setReason("BAD_TRANSPORT_OVERRIDE")
                  .build()));
    }
  }
}
