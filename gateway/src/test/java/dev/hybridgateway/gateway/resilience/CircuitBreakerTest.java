package dev.hybridgateway.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.fanout.FanoutResult;
import dev.hybridgateway.gateway.fanout.ScatterGather;
import dev.hybridgateway.gateway.routing.RoutePlan;
import dev.hybridgateway.gateway.routing.Router;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.testing.StatusDetails;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private static final String CONFIG =
      """
      backends:
        primary: {type: java}
        spare: {type: java}
      default_route:
        backends: [{backend: primary, weight: 1}]
        fallback: spare
      """;

  private final MutableClock clock = new MutableClock();
  private JavaCoreClient primaryEngine;
  private JavaCoreClient spareEngine;
  private FlakyCoreClient flaky;
  private BackendResilience resilience;
  private Router router;

  @BeforeEach
  void setUp() {
    primaryEngine = Shards.engine();
    spareEngine = Shards.engine();
    Shards.create(primaryEngine, "c", Metric.METRIC_DOT, 0, 1);
    Shards.create(spareEngine, "c", Metric.METRIC_DOT, 0, 1);
    flaky = FlakyCoreClient.of(primaryEngine);
    resilience =
        BackendResilience.builder()
            .window(4, 4)
            .halfOpenCalls(1)
            .openWait(Duration.ofSeconds(10))
            .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
            .clock(clock)
            .build();
    Map<String, List<CoreClient>> clients =
        Map.of(
            "primary", List.of(resilience.wrap("primary", flaky)),
            "spare", List.of(resilience.wrap("spare", spareEngine)));
    router = Router.of(RoutingConfig.parse(CONFIG, "test.yaml"), clients, new SplittableRandom(1), resilience);
  }

  @AfterEach
  void tearDown() {
    resilience.close();
    primaryEngine.close();
    spareEngine.close();
  }

  private FanoutResult search() {
    RoutePlan plan = router.route(CoreMethod.SEARCH, "c", null, false);
    return ScatterGather.search(plan, Shards.search("c", 2, 5), Metric.METRIC_DOT, false).join();
  }

  @Test
  void failures_openCircuit_fallbackServes_halfOpenProbeRecovers() {
    flaky.failWith(FlakyCoreClient.status(Code.UNAVAILABLE));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(this::search)
          .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE));
    }
    assertThat(resilience.circuitStates().get()).containsEntry("primary", "open");
    assertThat(resilience.isOpen("primary")).isTrue();

    FanoutResult onFallback = search();
    assertThat(onFallback.backend()).isEqualTo("spare");
    assertThat(flaky.calls()).isEqualTo(4);

    flaky.heal();
    clock.advance(Duration.ofSeconds(11));
    assertThat(resilience.isOpen("primary")).isFalse();
    FanoutResult probe = search();

    assertThat(probe.backend()).isEqualTo("primary");
    assertThat(probe.response().getResultsList()).isEqualTo(onFallback.response().getResultsList());
    assertThat(resilience.circuitStates().get()).containsEntry("primary", "closed");
  }

  @Test
  void circuitOpensAfterPlanning_fanoutUsesFallbackPlan() {
    RoutePlan plan = router.route(CoreMethod.SEARCH, "c", null, false);
    resilience.circuit("primary").transitionToOpenState();

    FanoutResult result =
        ScatterGather.search(plan, Shards.search("c", 1, 5), Metric.METRIC_DOT, false).join();

    assertThat(result.backend()).isEqualTo("spare");
    assertThat(flaky.calls()).isZero();
  }

  @Test
  void openCircuit_directCall_unavailableWithRetryInfo() {
    CoreClient client = resilience.wrap("primary", flaky);
    resilience.circuit("primary").transitionToOpenState();

    assertThatThrownBy(() -> client.search(Shards.search("c", 1, 5)).join())
        .satisfies(
            e -> {
              assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
              assertThat(StatusDetails.detail(e, RetryInfo.class)).isPresent();
            });
  }

  @Test
  void cancelledAndInvalidCalls_doNotOpenCircuit() {
    CoreClient client = resilience.wrap("primary", flaky);
    flaky.failNext(4, FlakyCoreClient.status(Code.CANCELLED));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> client.search(Shards.search("c", 1, 5)).join());
    }
    flaky.failNext(4, FlakyCoreClient.status(Code.INVALID_ARGUMENT));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> client.search(Shards.search("c", 1, 5)).join());
    }

    assertThat(resilience.circuitStates().get()).containsEntry("primary", "closed");
    assertThat(resilience.circuit("primary").getMetrics().getNumberOfBufferedCalls()).isEqualTo(4);
    assertThat(resilience.circuit("primary").getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void classifier_deadlineAtCoreIsFailure_memoryBudgetIsNot() {
    assertThat(FailureClassifier.classify(null)).isEqualTo(FailureClassifier.Outcome.SUCCESS);
    assertThat(FailureClassifier.classify(
            dev.hybridgateway.gateway.core.CoreErrors.toException(
                dev.hybridgateway.gateway.core.CoreErrors.deadlineExceeded("core", "late"))))
        .isEqualTo(FailureClassifier.Outcome.FAILURE);
    assertThat(FailureClassifier.classify(
            dev.hybridgateway.gateway.core.CoreErrors.toException(
                dev.hybridgateway.gateway.core.CoreErrors.deadlineExceeded("edge", "late"))))
        .isEqualTo(FailureClassifier.Outcome.IGNORED);
    assertThat(FailureClassifier.classify(
            dev.hybridgateway.gateway.core.CoreErrors.toException(
                FlakyCoreClient.status(Code.RESOURCE_EXHAUSTED))))
        .isEqualTo(FailureClassifier.Outcome.SUCCESS);
  }
}
