package dev.hybridgateway.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.testing.StatusDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final String CONFIG =
      """
      backends:
        stable: {type: java, shards: 2}
        canary: {type: java, shards: 2}
        whole: {type: java}
      collections: {demo: {shards: 2}}
      routes:
        - name: canary
          methods: [Search]
          collections: [demo]
          backends:
            - {backend: stable, weight: 90}
            - {backend: canary, weight: 10}
          fallback: whole
      default_route:
        backends: [{backend: whole}]
      """;

  private final List<JavaCoreClient> engines = new ArrayList<>();
  private RoutingConfig config;
  private Map<String, List<CoreClient>> clients;

  @BeforeEach
  void setUp() {
    config = RoutingConfig.parse(CONFIG, "test.yaml");
    clients = Map.of("stable", List.of(engine(), engine()), "canary", List.of(engine(), engine()),
        "whole", List.of(engine()));
  }

  private CoreClient engine() {
    JavaCoreClient engine = JavaCoreClient.builder().threads(1).build();
    engines.add(engine);
    return engine;
  }

  @AfterEach
  void tearDown() {
    engines.forEach(JavaCoreClient::close);
  }

  private static BackendHealth open(Set<String> backends) {
    return new BackendHealth() {
      @Override
      public boolean isOpen(String backend) {
        return backends.contains(backend);
      }

      @Override
      public Duration retryAfter(String backend) {
        return backends.contains(backend) ? Duration.ofSeconds(3) : Duration.ZERO;
      }
    };
  }

  @Test
  void route_weights90to10_splitBySeededRandom() {
    Router router = Router.of(config, clients, new SplittableRandom(42), BackendHealth.ALWAYS_CLOSED);
    int canary = 0;
    for (int i = 0; i < 10_000; i++) {
      RoutePlan plan = router.route(CoreMethod.SEARCH, "demo", null, false);
      canary += plan.backend().equals("canary") ? 1 : 0;
      assertThat(plan.shards()).hasSize(2);
      assertThat(plan.fallback().backend()).isEqualTo("whole");
    }
    assertThat(canary).isBetween(900, 1100);
  }

  @Test
  void route_shardsInIndexOrderWithTheirClients() {
    Router router = Router.of(config, clients, new SplittableRandom(1), open(Set.of("canary")));
    RoutePlan plan = router.route(CoreMethod.SEARCH, "demo", null, false);

    assertThat(plan.backend()).isEqualTo("stable");
    assertThat(plan.shards()).extracting(ShardTarget::index).containsExactly(0, 1);
    assertThat(plan.shards()).extracting(ShardTarget::client).containsExactlyElementsOf(clients.get("stable"));
    assertThat(router.route(CoreMethod.RERANK, null, null, false).backend()).isEqualTo("whole");
  }

  @Test
  void override_ignoredWithoutAdmin_honouredWithAdmin() {
    String yaml = CONFIG.replace("whole: {type: java}", "whole: {type: ffi}");
    Router router = Router.of(RoutingConfig.parse(yaml, "t.yaml"), clients, new SplittableRandom(1),
        BackendHealth.ALWAYS_CLOSED);

    assertThat(router.route(CoreMethod.SEARCH, "demo", Transport.FFI, false).transport())
        .isEqualTo(Transport.JAVA);
    RoutePlan pinned = router.route(CoreMethod.SEARCH, "demo", Transport.FFI, true);
    assertThat(pinned.backend()).isEqualTo("whole");
    assertThat(pinned.fallback()).isNull();
    assertThatThrownBy(() -> router.route(CoreMethod.SEARCH, "demo", Transport.GRPC, true))
        .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.FAILED_PRECONDITION_VALUE));
  }

  @Test
  void route_allOpen_fallbackServes() {
    Router router = Router.of(config, clients, new SplittableRandom(1), open(Set.of("stable", "canary")));
    RoutePlan plan = router.route(CoreMethod.SEARCH, "demo", null, false);

    assertThat(plan.backend()).isEqualTo("whole");
    assertThat(plan.shards()).hasSize(1);
    assertThat(plan.fallback()).isNull();
  }

  @Test
  void route_openWithoutFallback_unavailableWithRetryInfo() {
    Router router = Router.of(config, clients, new SplittableRandom(1), open(Set.of("whole")));

    assertThatThrownBy(() -> router.route(CoreMethod.RERANK, null, null, false))
        .satisfies(
            e -> {
              assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
              assertThat(StatusDetails.detail(e, RetryInfo.class).orElseThrow().getRetryDelay().getSeconds())
                  .isEqualTo(3);
            });
  }

  @Test
  void of_wrongNumberOfShardClients_rejected() {
    assertThatThrownBy(
            () -> Router.of(config, Map.of("stable", List.of(engine()), "canary", clients.get("canary"),
                "whole", clients.get("whole")), new SplittableRandom(1), BackendHealth.ALWAYS_CLOSED))
        .hasMessage("backend 'stable' needs 2 clients, got 1");
  }
}
