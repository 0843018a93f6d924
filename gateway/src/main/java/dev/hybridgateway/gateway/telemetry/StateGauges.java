package dev.hybridgateway.gateway.telemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The two observable gauges of {@link GatewayMetrics}, read from suppliers that the resilience
 * code registers later. The gauges exist from the start (callbacks read whatever supplier is
 * current), so registering again replaces the source instead of adding a second callback.
 */
final class StateGauges {
  /** Circuit states exported for every backend (Resilience4j's, lower case), current one = 1. */
  static final List<String> CIRCUIT_STATES =
      List.of("closed", "open", "half_open", "forced_open", "disabled", "metrics_only");

  private static final AttributeKey<String> BACKEND = stringKey("backend");
  private static final AttributeKey<String> STATE = stringKey("state");

  private final AtomicReference<Supplier<Map<String, String>>> circuits =
      new AtomicReference<>(Map::of);
  private final AtomicReference<Supplier<Map<String, Double>>> bulkheads =
      new AtomicReference<>(Map::of);

  StateGauges(Meter meter) {
    meter.gaugeBuilder("hybrid_gateway_circuit_state")
        .ofLongs()
        .setDescription("Circuit breaker state per backend: 1 for the current state, 0 otherwise.")
        .buildWithCallback(this::observeCircuits);
    meter.gaugeBuilder("hybrid_gateway_bulkhead_saturation")
        .setDescription("Used share of each backend's bulkhead (in-flight calls / capacity), 0..1.")
        .buildWithCallback(this::observeBulkheads);
  }

  void circuitStates(Supplier<Map<String, String>> states) {
    circuits.set(states);
  }

  void bulkheads(Supplier<Map<String, Double>> saturation) {
    bulkheads.set(saturation);
  }

  private void observeCircuits(ObservableLongMeasurement out) {
    circuits.get().get().forEach((backend, state) -> {
      String current = state.strip().toLowerCase(Locale.ROOT);
      Set<String> states = new LinkedHashSet<>(CIRCUIT_STATES);
      states.add(current);
      for (String candidate : states) {
        out.record(
            candidate.equals(current) ? 1 : 0, Attributes.of(BACKEND, backend, STATE, candidate));
      }
    });
  }

  private void observeBulkheads(ObservableDoubleMeasurement out) {
    bulkheads.get().get().forEach((backend, used) -> {
      double clamped = Double.isNaN(used) ? 0 : Math.max(0, Math.min(1, used));
      out.record(clamped, Attributes.of(BACKEND, backend));
    });
  }
}
