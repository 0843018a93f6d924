package dev.hybridgateway.gateway.routing;

import static dev.hybridgateway.gateway.yaml.YamlNode.ordered;

import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the YAML text into a {@link RoutingConfig}, rejecting unknown keys, wrong types, dangling
 * backend references, duplicate keys and shard counts that cannot serve a collection. Only plain
 * YAML types are constructed (SafeConstructor): the file cannot instantiate classes.
 */
final class RoutingConfigParser {
  private static final Set<String> TOP = ordered("backends", "collections", "routes", "default_route");
  private static final Set<String> BACKEND = ordered("type", "targets", "shards");
  private static final Set<String> COLLECTION = ordered("shards");
  private static final Set<String> ROUTE =
      ordered("name", "methods", "collections", "backends", "fallback");
  private static final Set<String> WEIGHTED = ordered("backend", "weight");

  private RoutingConfigParser() {}

  static RoutingConfig parse(String yaml, String source) {
    YamlNode root = YamlNode.parse(yaml, source, "", RoutingConfigException::new);
    if (!root.isPresent()) {
      throw root.error("the file is empty");
    }
    root.asMap(TOP);
    Map<String, BackendConfig> backends = backends(root.child("backends"));
    Map<String, Integer> collections = new LinkedHashMap<>();
    for (var entry : root.child("collections").entries()) {
      entry.getValue().asMap(COLLECTION);
      collections.put(entry.getKey(), entry.getValue().child("shards").asInt(1, 1024));
    }
    List<RouteConfig> routes = new ArrayList<>();
    for (YamlNode node : root.child("routes").elements()) {
      routes.add(route(node, "route-" + routes.size(), backends, collections));
    }
    YamlNode defaultNode = root.child("default_route");
    if (!defaultNode.isPresent()) {
      throw defaultNode.error("missing (every gateway needs a default route)");
    }
    RouteConfig defaultRoute = route(defaultNode, "default", backends, collections);
    if (!defaultRoute.methods().isEmpty() || !defaultRoute.collections().isEmpty()) {
      throw defaultNode.error("the default route matches everything: no methods or collections");
    }
    return new RoutingConfig(backends, collections, routes, defaultRoute);
  }

  private static Map<String, BackendConfig> backends(YamlNode node) {
    Map<String, BackendConfig> backends = new LinkedHashMap<>();
    for (var entry : node.entries()) {
      YamlNode backend = entry.getValue();
      backend.asMap(BACKEND);
      Transport type;
      try {
        type = Transport.of(backend.child("type").asString());
      } catch (IllegalArgumentException e) {
        throw backend.child("type").error(e.getMessage());
      }
      List<String> targets = new ArrayList<>();
      for (YamlNode target : backend.child("targets").elements()) {
        targets.add(target.asString());
      }
      int shards;
      if (type == Transport.GRPC) {
        if (targets.isEmpty()) {
          throw backend.child("targets").error("a grpc backend needs one target per shard");
        }
        if (backend.child("shards").isPresent()) {
          throw backend.child("shards").error("not allowed for grpc: the targets are the shards");
        }
        shards = targets.size();
      } else {
        if (!targets.isEmpty()) {
          throw backend.child("targets").error("only grpc backends have targets");
        }
        YamlNode count = backend.child("shards");
        shards = count.isPresent() ? count.asInt(1, 1024) : 1;
      }
      backends.put(entry.getKey(), new BackendConfig(entry.getKey(), type, targets, shards));
    }
    if (backends.isEmpty()) {
      throw node.error("at least one backend is required");
    }
    return backends;
  }

  private static RouteConfig route(
      YamlNode node,
      String defaultName,
      Map<String, BackendConfig> backends,
      Map<String, Integer> collections) {
    node.asMap(ROUTE);
    String name = node.child("name").isPresent() ? node.child("name").asString() : defaultName;
    Set<String> methods = new LinkedHashSet<>();
    for (YamlNode method : node.child("methods").elements()) {
      String m = method.asString();
      if (CoreMethod.ALL.stream().noneMatch(known -> known.name().equals(m))) {
        throw method.error("unknown method '" + m + "'");
      }
      methods.add(m);
    }
    Set<String> routed = new LinkedHashSet<>();
    for (YamlNode collection : node.child("collections").elements()) {
      String c = collection.asString();
      if (!collections.containsKey(c)) {
        throw collection.error("unknown collection '" + c + "' (declare it under collections)");
      }
      routed.add(c);
    }
    List<RouteConfig.WeightedBackend> weighted = new ArrayList<>();
    int total = 0;
    List<YamlNode> choices = node.child("backends").elements();
    if (choices.isEmpty()) {
      throw node.child("backends").error("a route needs at least one backend");
    }
    for (YamlNode choice : choices) {
      choice.asMap(WEIGHTED);
      String backend = reference(choice.child("backend"), backends);
      YamlNode weightNode = choice.child("weight");
      int weight = weightNode.isPresent() ? weightNode.asInt(0, 1_000_000) : 1;
      total += weight;
      weighted.add(new RouteConfig.WeightedBackend(backend, weight));
      checkShards(choice, backends.get(backend), routed.isEmpty() ? collections.keySet() : routed, collections);
    }
    if (total == 0) {
      throw node.child("backends").error("the weights add up to 0");
    }
    String fallback = null;
    if (node.child("fallback").isPresent()) {
      fallback = reference(node.child("fallback"), backends);
      checkShards(node.child("fallback"), backends.get(fallback), routed.isEmpty() ? collections.keySet() : routed, collections);
    }
    return new RouteConfig(name, methods, routed, weighted, fallback);
  }

  private static String reference(YamlNode node, Map<String, BackendConfig> backends) {
    String name = node.asString();
    if (!backends.containsKey(name)) {
      throw node.error("unknown backend '" + name + "' (defined: " + String.join(", ", backends.keySet()) + ")");
    }
    return name;
  }

  private static void checkShards(
      YamlNode where, BackendConfig backend, Set<String> routed, Map<String, Integer> collections) {
    for (String collection : routed) {
      int shards = collections.get(collection);
      if (backend.shards() != 1 && backend.shards() != shards) {
        throw where.error(
            "backend '" + backend.name() + "' has " + backend.shards() + " shards but collection '"
                + collection + "' has " + shards + " (a backend holds a collection whole or in as"
                + " many shards)");
      }
    }
  }
}
