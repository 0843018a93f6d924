package dev.hybridgateway.gateway.telemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateway's metrics. The names below are what {@code /metrics} exports (the dashboards and
 * alerts of {@code docker/} depend on them): instruments are named without the suffixes and with
 * units chosen so that the OpenTelemetry → Prometheus conversion produces exactly these names
 * (a counter gains {@code _total}, unit {@code s} gains {@code _seconds}, no unit adds nothing).
 *
 * <pre>{@code
 * metrics.recordRequest("hybrid.gateway.v1.SearchService/Search", "ffi", "OK", nanos);
 * metrics.recordBoundary(Transport.FFI, reply);          // CoreSpans does this per core call
 * metrics.registerCircuitStates(breakers::statesByBackend);
 * metrics.registerBulkheads(bulkheads::saturationByBackend);
 * }</pre>
 *
 * Label values must come from bounded sets (route names, transports, backends, status codes).
 */
public final class GatewayMetrics {
  /** Counter {@code {route, transport, code}}: finished requests. */
  public static final String REQUESTS = "hybrid_gateway_requests_total";

  /** Histogram {@code {route, transport}}: request latency at the edge, in seconds. */
  public static final String REQUEST_DURATION = "hybrid_gateway_request_duration_seconds";

  /** Histogram {@code {transport}}: client-observed minus core-reported time, in seconds. */
  public static final String BOUNDARY_COST = "hybrid_gateway_boundary_cost_seconds";

  /** Gauge {@code {backend, state}}: 1 for each backend's current circuit state, 0 otherwise. */
  public static final String CIRCUIT_STATE = "hybrid_gateway_circuit_state";

  /** Gauge {@code {backend}}: used share of the backend's bulkhead, 0..1. */
  public static final String BULKHEAD_SATURATION = "hybrid_gateway_bulkhead_saturation";

  /** Every exported name, in the order above. */
  public static final List<String> NAMES =
      List.of(REQUESTS, REQUEST_DURATION, BOUNDARY_COST, CIRCUIT_STATE, BULKHEAD_SATURATION);

  /** The {@code transport} label of a request that reached no core (refused, failed early). */
  public static final String NO_TRANSPORT = "none";

  /** The instrumentation scope of these metrics. */
  public static final String SCOPE = "dev.hybridgateway.gateway";

  /** Request latency buckets: 50 µs to 10 s, in seconds. */
  static final List<Double> LATENCY_BUCKETS =
      List.of(0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
          0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

  /** Boundary cost buckets: 1 µs (an FFM downcall) to 1 s (a stalled network), in seconds. */
  static final List<Double> BOUNDARY_BUCKETS =
      List.of(0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025,
          0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1.0);

  static final AttributeKey<String> ROUTE = stringKey("route");
  static final AttributeKey<String> TRANSPORT = stringKey("transport");
  static final AttributeKey<String> CODE = stringKey("code");

  private static final double NANOS_PER_SECOND = 1e9;

  private final LongCounter requests;
  private final DoubleHistogram duration;
  private final DoubleHistogram boundary;
  private final StateGauges gauges;

  private GatewayMetrics(Meter meter) {
    requests =
        meter.counterBuilder("hybrid_gateway_requests")
            .setUnit("{request}")
            .setDescription("Requests finished by the gateway, by route, transport and code.")
            .build();
    duration =
        meter.histogramBuilder("hybrid_gateway_request_duration")
            .setUnit("s")
            .setDescription("Request latency at the edge, by route and transport.")
            .setExplicitBucketBoundariesAdvice(LATENCY_BUCKETS)
            .build();
    boundary =
        meter.histogramBuilder("hybrid_gateway_boundary_cost")
            .setUnit("s")
            .setDescription(
                "Time a core call spent crossing the boundary: client-observed minus the core's"
                    + " own (queue, decode, compute, encode), by transport.")
            .setExplicitBucketBoundariesAdvice(BOUNDARY_BUCKETS)
            .build();
    gauges = new StateGauges(meter);
  }

  /** The metrics of {@code openTelemetry}'s meter provider (no-op when it is). */
  public static GatewayMetrics create(OpenTelemetry openTelemetry) {
    return new GatewayMetrics(requireNonNull(openTelemetry, "openTelemetry").getMeter(SCOPE));
  }

  /**
   * Counts one finished request and records its latency.
   *
   * @param route the route (the gRPC full method name, which the REST adapter maps to too)
   * @param transport the transport that answered ({@link Transport#id()}) or {@link #NO_TRANSPORT}
   * @param code the canonical status code name, e.g. {@code OK}, {@code DEADLINE_EXCEEDED}
   * @param nanos wall time at the edge
   */
  public void recordRequest(String route, String transport, String code, long nanos) {
    requireNonNull(route, "route");
    requireNonNull(transport, "transport");
    requireNonNull(code, "code");
    requests.add(1, Attributes.of(ROUTE, route, TRANSPORT, transport, CODE, code));
    duration.record(nanos / NANOS_PER_SECOND, Attributes.of(ROUTE, route, TRANSPORT, transport));
  }

  /**
   * Records the boundary cost of one successful core call ({@link CoreReply#boundaryNanos()}).
   * Replies that carry no core timing (the core reports it for Search and Rerank) are skipped:
   * their whole client time would be counted as boundary.
   */
  public void recordBoundary(Transport transport, CoreReply<?> reply) {
    requireNonNull(transport, "transport");
    requireNonNull(reply, "reply");
    if (reply.coreNanos() <= 0) {
      return;
    }
    boundary.record(
        reply.boundaryNanos() / NANOS_PER_SECOND, Attributes.of(TRANSPORT, transport.id()));
  }

  /**
   * Exports {@link #CIRCUIT_STATE} from {@code states}: backend → state name (Resilience4j's
   * {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ...; any case), read at each scrape. A
   * later call replaces the supplier.
   */
  public void registerCircuitStates(Supplier<Map<String, String>> states) {
    gauges.circuitStates(requireNonNull(states, "states"));
  }

  /**
   * Exports {@link #BULKHEAD_SATURATION} from {@code saturation}: backend → used share of its
   * bulkhead (0..1, clamped), read at each scrape. A later call replaces the supplier.
   */
  public void registerBulkheads(Supplier<Map<String, Double>> saturation) {
    gauges.bulkheads(requireNonNull(saturation, "saturation"));
  }
}
