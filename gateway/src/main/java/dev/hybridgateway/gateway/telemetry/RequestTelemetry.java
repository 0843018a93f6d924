package dev.hybridgateway.gateway.telemetry;

import dev.hybridgateway.gateway.core.Transport;
import io.grpc.Context;

/**
 * What the access log learns about a gRPC request while it runs: the tenant (copied from the
 * {@code Principal} once authentication has passed) and the transport that answered (noted by
 * the routing stage). {@link AccessLogInterceptor} puts one in the call's Context; code further
 * down notes into it, and does nothing outside such a call:
 *
 * <pre>{@code
 * RequestTelemetry.noteTransport(Transport.FFI);   // the routing / fan-out stage
 * }</pre>
 */
public final class RequestTelemetry {
  static final Context.Key<RequestTelemetry> KEY = Context.key("hybrid-gateway-request-telemetry");

  private volatile String tenant;
  private volatile Transport transport;

  RequestTelemetry() {}

  /**
   * Records that the current request is (being) answered by {@code transport}; the last note
   * wins (a fallback replaces the primary). No-op outside a call with an access log.
   */
  public static void noteTransport(Transport transport) {
    RequestTelemetry current = KEY.get();
    if (current != null && transport != null) {
      current.transport = transport;
    }
  }

  /** The current call's record, or null outside a call with an access log. */
  static RequestTelemetry current() {
    return KEY.get();
  }

  void tenant(String tenant) {
    this.tenant = tenant;
  }

  String tenant() {
    return tenant;
  }

  /** The transport's id, or null when none was noted. */
  String transportId() {
    Transport noted = transport;
    return noted == null ? null : noted.id();
  }
}
