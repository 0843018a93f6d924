package dev.hybridgateway.gateway.telemetry;

import static java.util.Objects.requireNonNull;

import io.grpc.ServerInterceptor;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;

/**
 * The gRPC server's telemetry interceptors. They go into the server's one interceptor chain in
 * this order, outermost first:
 *
 * <ol>
 *   <li>{@link #serverSpans()}: the server span, continuing the client's W3C {@code traceparent};
 *   <li>{@link #accessLog()}: one access log line and the request metrics per call;
 *   <li>authentication ({@code AuthInterceptor});
 *   <li>{@link #afterAuth()}: hands the tenant to the access log;
 *   <li>the rest of the pipeline (deadlines, admission, ...) and the service.
 * </ol>
 *
 * <pre>{@code
 * ServerTelemetry telemetry = ServerTelemetry.of(gatewayTelemetry);
 * // ServerInterceptors.intercept runs the LAST interceptor first:
 * ServerInterceptors.intercept(service, deadlines, telemetry.afterAuth(), auth,
 *     telemetry.accessLog(), telemetry.serverSpans());
 * }</pre>
 */
public final class ServerTelemetry {
  private final ServerInterceptor serverSpans;
  private final ServerInterceptor accessLog;
  private final ServerInterceptor afterAuth = new PrincipalTap();

  private ServerTelemetry(Telemetry telemetry) {
    this.serverSpans = GrpcTelemetry.create(telemetry.openTelemetry()).newServerInterceptor();
    this.accessLog = new AccessLogInterceptor(telemetry.accessLog());
  }

  /** The interceptors of {@code telemetry}. */
  public static ServerTelemetry of(Telemetry telemetry) {
    return new ServerTelemetry(requireNonNull(telemetry, "telemetry"));
  }

  /** The server span of each call (opentelemetry-grpc-1.6); the outermost interceptor. */
  public ServerInterceptor serverSpans() {
    return serverSpans;
  }

  /** One access log line per call; just inside {@link #serverSpans()}, outside authentication. */
  public ServerInterceptor accessLog() {
    return accessLog;
  }

  /** Passes the authenticated tenant to the access log; just inside authentication. */
  public ServerInterceptor afterAuth() {
    return afterAuth;
  }
}
