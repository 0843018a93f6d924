package dev.hybridgateway.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybridgateway.gateway.core.Transport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RoutingConfigTest {
  private static RoutingConfig parse(String yaml) {
    return RoutingConfig.parse(yaml, "test.yaml");
  }

  @Test
  void embeddedDefault_oneFfiBackendServingEverything() {
    RoutingConfig config = RoutingConfig.loadDefault();

    assertThat(config.backends()).containsOnlyKeys("rust-ffi");
    assertThat(config.backends().get("rust-ffi").type()).isEqualTo(Transport.FFI);
    assertThat(config.collections()).containsEntry("demo", 1);
    assertThat(config.routeFor("Search", "demo").backends()).hasSize(1);
  }

  @Test
  void twoShardsProfile_grpcShardsWithJavaFallback() {
    RoutingConfig config = RoutingConfig.load(Path.of("config/two-shards.yaml"));

    BackendConfig rust = config.backends().get("rust");
    assertThat(rust.type()).isEqualTo(Transport.GRPC);
    assertThat(rust.targets()).containsExactly("127.0.0.1:50051", "127.0.0.1:50052");
    assertThat(rust.shards()).isEqualTo(2);
    assertThat(config.routeFor("Search", "demo").fallback()).isEqualTo("java");
  }

  @Test
  void threeTransportsProfile_oneBackendPerTransport() {
    RoutingConfig config = RoutingConfig.load(Path.of("config/three-transports.yaml"));

    assertThat(config.backends()).containsOnlyKeys("java", "ffi", "grpc");
    config.backends().forEach((name, backend) ->
        assertThat(backend.type()).isEqualTo(Transport.of(name)));
    assertThat(config.backends().get("grpc").targets()).containsExactly("127.0.0.1:50051");
    assertThat(config.routeFor("Search", "demo").backends()).hasSize(1);
    assertThat(config.routeFor("Search", "demo").fallback()).isEqualTo("java");
  }

  @Test
  void unknownKey_rejectedWithItsPath() {
    String yaml =
        """
        backends: {a: {type: java}}
        default_route:
          backends: [{backend: a, wieght: 3}]
        """;
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(RoutingConfigException.class)
        .hasMessage("test.yaml: default_route.backends[0].wieght: unknown key (expected one of backend, weight)");
  }

  @Test
  void unknownTopLevelKey_rejected() {
    assertThatThrownBy(() -> parse("backend: {}\n"))
        .hasMessageStartingWith("test.yaml: backend: unknown key");
  }

  @Test
  void badType_rejectedWithItsPath() {
    String yaml =
        """
        backends: {a: {type: java}}
        routes:
          - backends: [{backend: a, weight: ten}]
        default_route: {backends: [{backend: a}]}
        """;
    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("test.yaml: routes[0].backends[0].weight: expected an integer, found \"ten\"");
  }

  @Test
  void unknownTransport_rejected() {
    assertThatThrownBy(() -> parse("backends: {a: {type: carrier-pigeon}}\ndefault_route: {backends: [{backend: a}]}\n"))
        .hasMessage("test.yaml: backends.a.type: unknown transport 'carrier-pigeon': expected java, ffi or grpc");
  }

  @Test
  void missingBackendReference_rejectedNamingTheDefinedOnes() {
    String yaml =
        """
        backends: {a: {type: java}}
        default_route:
          backends: [{backend: a}]
          fallback: b
        """;
    assertThatThrownBy(() -> parse(yaml))
        .hasMessage("test.yaml: default_route.fallback: unknown backend 'b' (defined: a)");
  }

  @Test
  void grpcWithoutTargets_rejected() {
    assertThatThrownBy(() -> parse("backends: {g: {type: grpc}}\ndefault_route: {backends: [{backend: g}]}\n"))
        .hasMessage("test.yaml: backends.g.targets: a grpc backend needs one target per shard");
  }

  @Test
  void shardCountMismatch_rejected() {
    String yaml =
        """
        backends:
          g: {type: grpc, targets: [a:1, b:2, c:3]}
        collections: {demo: {shards: 2}}
        default_route: {backends: [{backend: g}]}
        """;
    assertThatThrownBy(() -> parse(yaml))
        .hasMessageContaining("default_route.backends[0]: backend 'g' has 3 shards but collection 'demo' has 2");
  }

  @Test
  void missingDefaultRoute_rejected() {
    assertThatThrownBy(() -> parse("backends: {a: {type: java}}\n"))
        .hasMessage("test.yaml: default_route: missing (every gateway needs a default route)");
  }

  @Test
  void unknownMethodAndDuplicateKey_rejected() {
    assertThatThrownBy(
            () -> parse("backends: {a: {type: java}}\nroutes: [{methods: [Serch], backends: [{backend: a}]}]\ndefault_route: {backends: [{backend: a}]}\n"))
        .hasMessage("test.yaml: routes[0].methods[0]: unknown method 'Serch'");
    assertThatThrownBy(() -> parse("backends: {a: {type: java}}\nbackends: {}\n"))
        .hasMessageStartingWith("test.yaml: not valid YAML");
  }
}
