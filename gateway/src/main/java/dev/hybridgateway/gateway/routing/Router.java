package dev.hybridgateway.gateway.routing;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.Transport;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Chooses the backend and shards of each call from the {@link RoutingConfig}. The first matching
 * route wins; among its backends one is drawn by weight (canary), skipping backends whose circuit
 * is open; when all are open the route's fallback serves, and with no fallback the call fails
 * with UNAVAILABLE + RetryInfo. A transport override (the {@code x-hybrid-transport} header) is
 * honoured only when {@code overrideAllowed} (the caller has the admin scope); otherwise it is
 * ignored and the route decides. A pinned call uses the first backend of that transport (route
 * backends, then fallback, then all backends in file order) and has no fallback.
 *
 * <pre>{@code
 * Router router = Router.of(config, clients, new SplittableRandom(), resilience);
 * RoutePlan plan = router.route(CoreMethod.SEARCH, "demo", override, principal.isAdmin());
 * }</pre>
 */
public final class Router {
  private final RoutingConfig config;
  private final Map<String, List<CoreClient>> clients;
  private final RandomGenerator random;
  private final BackendHealth health;

  private Router(
      RoutingConfig config,
      Map<String, List<CoreClient>> clients,
      RandomGenerator random,
      BackendHealth health) {
    this.config = requireNonNull(config, "config");
    this.random = requireNonNull(random, "random");
    this.health = requireNonNull(health, "health");
    this.clients = new LinkedHashMap<>();
    for (BackendConfig backend : config.backends().values()) {
      List<CoreClient> shards = clients.get(backend.name());
      if (shards == null || shards.size() != backend.shards()) {
        throw new IllegalArgumentException(
            "backend '" + backend.name() + "' needs " + backend.shards() + " clients, got "
                + (shards == null ? "none" : shards.size()));
      }
      this.clients.put(backend.name(), List.copyOf(shards));
    }
  }

  /**
   * A router over {@code clients} (backend name → one client per shard, in shard order; wrap
   * them in the resilience package's clients first), drawing weights from {@code random}.
   */
  public static Router of(
      RoutingConfig config,
      Map<String, List<CoreClient>> clients,
      RandomGenerator random,
      BackendHealth health) {
    return new Router(config, requireNonNull(clients, "clients"), random, health);
  }

  /** The configuration this router serves (for {@code /admin/routes}). */
  public RoutingConfig config() {
    return config;
  }

  /**
   * The plan of a call of {@code method} on {@code collection} (null when the call has none);
   * {@code override} (nullable) pins the transport when {@code overrideAllowed}.
   */
  public RoutePlan route(
      CoreMethod<?, ?> method, String collection, Transport override, boolean overrideAllowed) {
    requireNonNull(method, "method");
    RouteConfig route = config.routeFor(method.name(), collection);
    if (override != null && overrideAllowed) {
      return pinned(route, override);
    }
    List<RouteConfig.WeightedBackend> candidates = new ArrayList<>();
    int total = 0;
    for (RouteConfig.WeightedBackend choice : route.backends()) {
      if (choice.weight() > 0 && !health.isOpen(choice.backend())) {
        candidates.add(choice);
        total += choice.weight();
      }
    }
    RoutePlan fallback =
        route.fallback() == null ? null : plan(route, route.fallback(), null);
    if (candidates.isEmpty()) {
      if (fallback != null) {
        return fallback;
      }
      String first = route.backends().get(0).backend();
      throw CoreErrors.toException(
          CoreErrors.unavailable(
              "CIRCUIT_OPEN",
              "every backend of route '" + route.name() + "' has an open circuit",
              health.retryAfter(first)));
    }
    int draw = random.nextInt(total);
    for (RouteConfig.WeightedBackend choice : candidates) {
      draw -= choice.weight();
      if (draw < 0) {
        return plan(route, choice.backend(), fallback);
      }
    }
    throw new IllegalStateException("weights exhausted");
  }

  private RoutePlan pinned(RouteConfig route, Transport override) {
    List<String> order = new ArrayList<>();
    route.backends().forEach(choice -> order.add(choice.backend()));
    if (route.fallback() != null) {
      order.add(route.fallback());
    }
    order.addAll(config.backends().keySet());
    for (String name : order) {
      if (config.backends().get(name).type() == override) {
        return plan(route, name, null);
      }
    }
    throw noBackendOf(override);
  }

  /**
   * The plan on {@code backend}: all its shards (the parser checked that a declared collection
   * has as many shards, or that the backend holds it whole).
   */
  private RoutePlan plan(RouteConfig route, String backend, RoutePlan fallback) {
    BackendConfig config = this.config.backends().get(backend);
    List<CoreClient> shards = clients.get(backend);
    int count = shards.size();
    List<ShardTarget> targets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      targets.add(new ShardTarget(i, count, backend, shards.get(i)));
    }
    return new RoutePlan(route.name(), backend, config.type(), targets, fallback);
  }

  private static StatusRuntimeException noBackendOf(Transport transport) {
    return CoreErrors.toException(
        CoreErrors.status(
            Code.FAILED_PRECONDITION,
            "no backend of transport '" + transport.id() + "' is configured",
            ErrorInfo.newBuilder()
                .setDomain(CoreErrors.EDGE_DOMAIN)
                .setReason("TRANSPORT_NOT_CONFIGURED")
                .putMetadata("transport", transport.id())
                .build()));
  }
}
