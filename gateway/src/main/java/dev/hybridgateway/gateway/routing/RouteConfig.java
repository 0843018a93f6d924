package dev.hybridgateway.gateway.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * One route: which calls it matches and where they go.
 *
 * @param name the route's name (admin, logs)
 * @param methods core method names it matches ({@code Search}, ...); empty matches every method
 * @param collections collections it matches; empty matches every collection (and calls without)
 * @param backends the weighted backends (canary: 90/10); at least one weight is positive
 * @param fallback the backend used while the chosen one's circuit is open; null for none
 */
public record RouteConfig(
    String name,
    Set<String> methods,
    Set<String> collections,
    List<WeightedBackend> backends,
    String fallback) {
  public RouteConfig {
    requireNonNull(name, "name");
    methods = Set.copyOf(methods);
    collections = Set.copyOf(collections);
    backends = List.copyOf(backends);
  }

  /** Whether this route serves {@code method} on {@code collection} (null: none). */
  public boolean matches(String method, String collection) {
    return (methods.isEmpty() || methods.contains(method))
        && (collections.isEmpty() || (collection != null && collections.contains(collection)));
  }

  /** One weighted choice of a route. */
  public record WeightedBackend(String backend, int weight) {
    public WeightedBackend {
      requireNonNull(backend, "backend");
    }
  }
}
