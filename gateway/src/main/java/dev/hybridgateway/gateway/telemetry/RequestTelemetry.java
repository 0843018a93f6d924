package dev.hybridgateway.gateway.telemetry;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.Transport;
import io.grpc.Context;

/**
 * What the access log learns about a request while it runs: the tenant (copied from the {@code
 * Principal} once authentication has passed) and the transport that answered (noted by the
 * routing stage). For gRPC, {@link ServerTelemetry#accessLog()} puts one in each call's Context;
 * code further down notes into it, and does nothing outside such a call:
 *
 * <pre>{@code
 * RequestTelemetry.noteTransport(Transport.FFI);   // the routing / fan-out stage
 * }</pre>
 *
 * The REST adapter, which runs the same pipeline under a Context of its own, creates one per
 * request, runs the pipeline in {@code request.attachTo(context)} and reads {@link
 * #transportId()} for its {@link AccessLogEntry}.
 */
public final class RequestTelemetry {
  static final Context.Key<RequestTelemetry> KEY = Context.key("hybrid-gateway-request-telemetry");

  private volatile String tenant;
  private volatile Transport transport;

  private RequestTelemetry() {}

  /** A fresh record for one request. */
  public static RequestTelemetry create() {
    return new RequestTelemetry();
  }

  /**
   * Records that the current request is (being) answered by {@code transport}; the last note
   * wins (a fallback replaces the primary). No-op outside a request with a record.
   */
  public static void noteTransport(Transport transport) {
    RequestTelemetry current = KEY.get();
    if (current != null && transport != null) {
      current.transport = transport;
    }
  }

  /** {@code context} carrying this record, for the pipeline of its request. */
  public Context attachTo(Context context) {
    return requireNonNull(context, "context").withValue(KEY, this);
  }

  /** The id of the last transport noted ({@code java}, {@code ffi}, {@code grpc}), or null. */
  public String transportId() {
    Transport noted = transport;
    return noted == null ? null : noted.id();
  }

  /** The current call's record, or null outside a request with a record. */
  static RequestTelemetry current() {
    return KEY.get();
  }

  void tenant(String tenant) {
    this.tenant = tenant;
  }

  String tenant() {
    return tenant;
  }
}
