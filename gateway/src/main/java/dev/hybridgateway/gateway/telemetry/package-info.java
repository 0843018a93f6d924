/**
 * Step 10 of the request path: one trace from the edge into the core and the gateway's metrics.
 *
 * <ul>
 *   <li>{@link dev.hybridgateway.gateway.telemetry.Telemetry} boots the OpenTelemetry SDK from the
 *       standard {@code OTEL_*} settings ({@link
 *       dev.hybridgateway.gateway.telemetry.TelemetryDefaults} says what the gateway changes: OTLP
 *       traces only when asked for, metrics always in the Prometheus format on the admin port)
 *       and owns it until closed.
 *   <li>{@link dev.hybridgateway.gateway.telemetry.GatewayMetrics} holds the instruments; {@link
 *       dev.hybridgateway.gateway.telemetry.MetricsExposition} renders them for {@code /metrics}.
 *   <li>{@link dev.hybridgateway.gateway.telemetry.ServerTelemetry} gives the gRPC server its
 *       interceptors (server span, access log); {@link
 *       dev.hybridgateway.gateway.telemetry.AccessLog} is the one place a finished request is
 *       logged and counted, for gRPC and REST alike.
 *   <li>{@link dev.hybridgateway.gateway.telemetry.CoreSpans} wraps each core call (one per shard)
 *       in a client span and records the boundary cost; {@link
 *       dev.hybridgateway.gateway.telemetry.Traces} reads the current trace id and W3C
 *       {@code traceparent} (the FFI transport passes it to the native call).
 * </ul>
 */
package dev.hybridgateway.gateway.telemetry;
