package dev.hybridgateway.gateway.telemetry;

import static java.util.Objects.requireNonNull;

/**
 * One finished request, as both servers describe it to {@link AccessLog#record}. The gRPC
 * interceptor fills it from the call; the REST adapter from its HTTP exchange:
 *
 * <pre>{@code
 * accessLog.record(new AccessLogEntry("http", "hybrid.gateway.v1.SearchService/Search",
 *     "INVALID_ARGUMENT", 400, nanos, principal.tenant(), "ffi", Traces.currentTraceId()));
 * }</pre>
 *
 * @param protocol {@code grpc} or {@code http}
 * @param route the route: the gRPC full method name (REST routes map to the method they serve)
 * @param code the canonical status code name ({@code OK}, {@code NOT_FOUND}, ...)
 * @param httpStatus the HTTP status sent, or 0 for gRPC
 * @param durationNanos wall time at the edge, from the request's arrival to its response
 * @param tenant the caller's tenant, or null when the request was not authenticated
 * @param transport the transport that answered ({@code java}, {@code ffi}, {@code grpc}), or
 *     null when no core was reached
 * @param traceId the request's trace id, or null outside a trace
 */
public record AccessLogEntry(
    String protocol,
    String route,
    String code,
    int httpStatus,
    long durationNanos,
    String tenant,
    String transport,
    String traceId) {
  public AccessLogEntry {
    requireNonNull(protocol, "protocol");
    requireNonNull(route, "route");
    requireNonNull(code, "code");
  }
}
