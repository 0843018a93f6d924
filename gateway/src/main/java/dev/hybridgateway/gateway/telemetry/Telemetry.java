package dev.hybridgateway.gateway.telemetry;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gateway's OpenTelemetry: the SDK configured from the standard {@code OTEL_*} environment
 * variables and {@code otel.*} system properties (with the gateway's {@link TelemetryDefaults}:
 * OTLP traces only when an endpoint or exporter is set), a Prometheus reader that is always on,
 * and the gateway's {@link GatewayMetrics}. Whoever builds it closes it, after the servers: close
 * flushes pending spans and shuts the SDK down.
 *
 * <pre>{@code
 * try (Telemetry telemetry = Telemetry.fromEnvironment()) {
 *   ServerTelemetry server = ServerTelemetry.of(telemetry);       // interceptors
 *   CoreSpans spans = telemetry.coreSpans();                      // fan-out, per shard call
 *   adminServer.metrics(telemetry.metricsExposition());           // GET /metrics
 *   grpcCoreClient.openTelemetry(telemetry.openTelemetry());      // traceparent to the core
 * }
 * }</pre>
 */
public final class Telemetry implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Telemetry.class.getName());
  private static final long SHUTDOWN_SECONDS = 10;

  private final OpenTelemetry openTelemetry;
  private final OpenTelemetrySdk sdk;
  private final MetricsExposition exposition;
  private final List<String> spanExporters;
  private final GatewayMetrics metrics;
  private final AccessLog accessLog;
  private final CoreSpans coreSpans;
  private final AtomicBoolean closed = new AtomicBoolean();

  Telemetry(
      OpenTelemetry openTelemetry,
      OpenTelemetrySdk sdk,
      MetricsExposition exposition,
      List<String> spanExporters) {
    this.openTelemetry = requireNonNull(openTelemetry, "openTelemetry");
    this.sdk = sdk;
    this.exposition = requireNonNull(exposition, "exposition");
    this.spanExporters = List.copyOf(spanExporters);
    this.metrics = GatewayMetrics.create(openTelemetry);
    this.accessLog = new AccessLog(metrics);
    this.coreSpans = new CoreSpans(openTelemetry, metrics);
  }

  /** The SDK as the environment configures it (see {@link TelemetryDefaults}). */
  public static Telemetry fromEnvironment() {
    return builder().build();
  }

  /** A builder: the environment's configuration plus explicit properties and span processors. */
  public static TelemetryBuilder builder() {
    return new TelemetryBuilder();
  }

  /**
   * Telemetry that records nothing but still continues an incoming W3C {@code traceparent} to
   * the core (so a caller's trace is not broken), with an empty {@code /metrics}. For tests and
   * tools.
   */
  public static Telemetry noop() {
    ContextPropagators w3c = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
    OpenTelemetry propagating = OpenTelemetry.propagating(w3c);
    return new Telemetry(propagating, null, MetricsExposition.empty(), List.of());
  }

  /** The OpenTelemetry to hand to instrumentation (gRPC interceptors, the gRPC core client). */
  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /** The gateway's instruments. */
  public GatewayMetrics metrics() {
    return metrics;
  }

  /** The {@code /metrics} renderer of the admin server. */
  public MetricsExposition metricsExposition() {
    return exposition;
  }

  /** The access log (one line and the request metrics per finished request). */
  public AccessLog accessLog() {
    return accessLog;
  }

  /** Client spans and boundary cost around core calls. */
  public CoreSpans coreSpans() {
    return coreSpans;
  }

  /** The span exporters configured (e.g. {@code OtlpGrpcSpanExporter}); empty: none export. */
  public List<String> spanExporters() {
    return spanExporters;
  }

  /** Whether spans leave the process (an exporter such as OTLP is configured). */
  public boolean exportsSpans() {
    return !spanExporters.isEmpty();
  }

  /** A one-line summary for the start-up log. */
  public String describe() {
    String traces = exportsSpans() ? String.join(", ", spanExporters) : "not exported";
    return "traces: " + traces + "; metrics: Prometheus format on the admin port (/metrics)";
  }

  /** Flushes pending spans and shuts the SDK down (waits up to 10 s). Idempotent. */
  @Override
  public void close() {
    if (sdk == null || !closed.compareAndSet(false, true)) {
      return;
    }
    CompletableResultCode done = sdk.shutdown().join(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    if (!done.isSuccess()) {
      LOG.log(System.Logger.Level.WARNING,
          "telemetry: the SDK did not shut down cleanly within " + SHUTDOWN_SECONDS
              + " s (pending spans may be lost)");
    }
  }
}
