package dev.hybridgateway.gateway.config;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.hybridgateway.gateway.routing.BackendConfig;
import dev.hybridgateway.gateway.routing.RouteConfig;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /admin/routes}: the routing table the gateway runs (backends with their transport,
 * targets, shards and circuit state; routes in match order; the default route), so an operator
 * sees where a call goes and why a fallback is serving.
 */
public final class RoutesPage implements Supplier<Struct> {
  private final RoutingConfig routing;
  private final Supplier<Map<String, String>> circuits;

  /** The page of {@code routing}, with circuit states read from {@code circuits} per request. */
  public RoutesPage(RoutingConfig routing, Supplier<Map<String, String>> circuits) {
    this.routing = requireNonNull(routing, "routing");
    this.circuits = requireNonNull(circuits, "circuits");
  }

  @Override
  public Struct get() {
    Map<String, String> states = circuits.get();
    Struct.Builder backends = Struct.newBuilder();
    for (BackendConfig backend : routing.backends().values()) {
      ListValue.Builder targets = ListValue.newBuilder();
      backend.targets().forEach(t -> targets.addValues(string(t)));
      backends.putFields(
          backend.name(),
          struct(
              Struct.newBuilder()
                  .putFields("type", string(backend.type().id()))
                  .putFields("shards", number(backend.shards()))
                  .putFields("targets", Value.newBuilder().setListValue(targets).build())
                  .putFields("circuit", string(states.getOrDefault(backend.name(), "closed")))));
    }
    Struct.Builder collections = Struct.newBuilder();
    routing.collections().forEach((name, shards) -> collections.putFields(name, number(shards)));
    ListValue.Builder routes = ListValue.newBuilder();
    routing.routes().forEach(route -> routes.addValues(route(route)));
    return Struct.newBuilder()
        .putFields("backends", struct(backends))
        .putFields("collections", struct(collections))
        .putFields("routes", Value.newBuilder().setListValue(routes).build())
        .putFields("default_route", route(routing.defaultRoute()))
        .build();
  }

  private static Value route(RouteConfig route) {
    ListValue.Builder methods = ListValue.newBuilder();
    route.methods().stream().sorted().forEach(m -> methods.addValues(string(m)));
    ListValue.Builder collections = ListValue.newBuilder();
    route.collections().stream().sorted().forEach(c -> collections.addValues(string(c)));
    ListValue.Builder backends = ListValue.newBuilder();
    for (RouteConfig.WeightedBackend choice : route.backends()) {
      backends.addValues(
          struct(
              Struct.newBuilder()
                  .putFields("backend", string(choice.backend()))
                  .putFields("weight", number(choice.weight()))));
    }
    Struct.Builder out =
        Struct.newBuilder()
            .putFields("name", string(route.name()))
            .putFields("methods", Value.newBuilder().setListValue(methods).build())
            .putFields("collections", Value.newBuilder().setListValue(collections).build())
            .putFields("backends", Value.newBuilder().setListValue(backends).build());
    if (route.fallback() != null) {
      out.putFields("fallback", string(route.fallback()));
    }
    return struct(out);
  }

  private static Value struct(Struct.Builder struct) {
    return Value.newBuilder().setStructValue(struct).build();
  }

  private static Value string(String value) {
    return Value.newBuilder().setStringValue(value).build();
  }

  private static Value number(double value) {
    return Value.newBuilder().setNumberValue(value).build();
  }
}
