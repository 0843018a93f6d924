package dev.hybridgateway.gateway.routing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The validated routing table: backends, collections with their shard counts, routes in match
 * order and the default route. Every reference between them has been checked, so a Router built
 * from it never meets an unknown name. See {@code gateway/CONFIG.md} for the file format.
 *
 * <pre>{@code
 * RoutingConfig config = RoutingConfig.load(Path.of("gateway/config/two-shards.yaml"));
 * }</pre>
 *
 * @param backends backends by name, in file order
 * @param collections declared collections → shard count
 * @param routes routes in file order; the first that matches wins
 * @param defaultRoute the route of calls no other route matches
 */
public record RoutingConfig(
    Map<String, BackendConfig> backends,
    Map<String, Integer> collections,
    List<RouteConfig> routes,
    RouteConfig defaultRoute) {

  /** Classpath resource of the embedded default (one ffi backend, the demo collection). */
  public static final String DEFAULT_RESOURCE = "/gateway-default.yaml";

  public RoutingConfig {
    backends = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(backends));
    collections = Map.copyOf(collections);
    routes = List.copyOf(routes);
    requireNonNull(defaultRoute, "defaultRoute");
  }

  /** Parses and validates {@code yaml}; errors name {@code source} and the key path. */
  public static RoutingConfig parse(String yaml, String source) {
    return RoutingConfigParser.parse(requireNonNull(yaml, "yaml"), requireNonNull(source, "source"));
  }

  /** Reads and validates the file at {@code path}. */
  public static RoutingConfig load(Path path) {
    requireNonNull(path, "path");
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8), path.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read routing config " + path, e);
    }
  }

  /** The embedded default ({@value #DEFAULT_RESOURCE}). */
  public static RoutingConfig loadDefault() {
    try (InputStream in = RoutingConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "gateway-default.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first route matching {@code method} and {@code collection}, else the default route. */
  public RouteConfig routeFor(String method, String collection) {
    for (RouteConfig route : routes) {
      if (route.matches(method, collection)) {
        return route;
      }
    }
    return defaultRoute;
  }
}
