package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /healthz}: 200 while the process runs (liveness). {@code /readyz}: 200 when every
 * backend of the {@link ReadinessCheck} is ready, else 503 naming those that are not
 * (readiness: a load balancer stops sending, nothing restarts):
 *
 * <pre>
 * {"ready": false, "not_ready": ["grpc"], "backends": {"ffi": true, "grpc": false}}
 * </pre>
 */
final class HealthEndpoints {
  private final ReadinessCheck readiness;

  HealthEndpoints(ReadinessCheck readiness) {
    this.readiness = requireNonNull(readiness, "readiness");
  }

  AdminResponse healthz() {
    return AdminResponse.json(200, Json.object(Map.of("status", "ok")));
  }

  AdminResponse readyz() {
    Map<String, Boolean> backends;
    try {
      backends = new TreeMap<>(requireNonNull(readiness.backends(), "the readiness check's map"));
    } catch (RuntimeException e) {
      return AdminResponse.json(
          503,
          Json.object(Map.of("ready", false, "error", "the readiness check failed: " + e)));
    }
    List<String> notReady =
        backends.entrySet().stream()
            .filter(backend -> !Boolean.TRUE.equals(backend.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ready", notReady.isEmpty());
    body.put("not_ready", notReady);
    body.put("backends", backends);
    return AdminResponse.json(notReady.isEmpty() ? 200 : 503, Json.object(body));
  }
}
