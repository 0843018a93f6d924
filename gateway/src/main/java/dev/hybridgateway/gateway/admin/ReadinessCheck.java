package dev.hybridgateway.gateway.admin;

import java.util.Map;

/**
 * Says whether the backends the gateway routes to are ready; {@code /readyz} asks on every
 * request, so it must be cheap (report state kept up to date elsewhere, e.g. circuit breakers
 * and the start-up probe, rather than calling the core). Throwing counts as not ready.
 *
 * <pre>{@code
 * ReadinessCheck check = () -> Map.of("ffi", started.get(), "grpc", !breaker.isOpen());
 * }</pre>
 */
@FunctionalInterface
public interface ReadinessCheck {
  /** Each backend by name, and whether it is ready now. */
  Map<String, Boolean> backends();

  /** A check with no backends: always ready. */
  static ReadinessCheck none() {
    return Map::of;
  }
}
