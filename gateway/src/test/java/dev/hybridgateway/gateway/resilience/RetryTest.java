package dev.hybridgateway.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.Code;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestContexts;
import io.grpc.Context;
import io.grpc.Deadline;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private JavaCoreClient engine;
  private FlakyCoreClient flaky;

  @BeforeEach
  void setUp() {
    engine = Shards.engine();
    Shards.create(engine, "c", Metric.METRIC_DOT, 0, 1);
    flaky = FlakyCoreClient.of(engine);
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  private static BackendResilience resilience(RetryPolicy policy, double ratio, double burst) {
    return BackendResilience.builder()
        .retryPolicy(policy)
        .retryBudget(ratio, burst)
        .random(new SplittableRandom(3))
        .build();
  }

  private static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ZERO);

  @Test
  void search_unavailableOnce_retriedAndSucceeds() {
    try (BackendResilience resilience = resilience(FAST, 0.1, 10)) {
      CoreClient client = resilience.wrap("b", flaky);
      flaky.failNext(1, FlakyCoreClient.status(Code.UNAVAILABLE));

      var reply = client.search(Shards.search("c", 1, 5)).orTimeout(10, TimeUnit.SECONDS).join();

      assertThat(reply.response().getResults(0).getHitsCount()).isEqualTo(5);
      assertThat(flaky.calls()).isEqualTo(2);
    }
  }

  @Test
  void createCollection_unavailable_notRetriedBecauseNotIdempotent() {
    try (BackendResilience resilience = resilience(FAST, 0.1, 10)) {
      CoreClient client = resilience.wrap("b", flaky);
      flaky.failNext(1, FlakyCoreClient.status(Code.UNAVAILABLE));

      var call =
          client.createCollection(
              CreateCollectionRequest.newBuilder()
                  .setName("d").setDim(4).setMetric(Metric.METRIC_L2).build());

      assertThatThrownBy(call::join)
          .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE));
      assertThat(flaky.calls()).isEqualTo(1);
    }
  }

  @Test
  void search_internal_notRetried() {
    try (BackendResilience resilience = resilience(FAST, 0.1, 10)) {
      CoreClient client = resilience.wrap("b", flaky);
      flaky.failNext(1, FlakyCoreClient.status(Code.INTERNAL));

      assertThatThrownBy(() -> client.search(Shards.search("c", 1, 5)).join())
          .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.INTERNAL_VALUE));
      assertThat(flaky.calls()).isEqualTo(1);
    }
  }

  @Test
  void search_backoffLongerThanRemainingDeadline_notRetried() {
    RetryPolicy slow = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofMillis(20));
    try (BackendResilience resilience = resilience(slow, 0.1, 10)) {
      CoreClient client = resilience.wrap("b", flaky);
      flaky.failWith(FlakyCoreClient.status(Code.UNAVAILABLE));
      var timer = Executors.newSingleThreadScheduledExecutor();
      Context.CancellableContext context =
          Context.current().withDeadline(Deadline.after(500, TimeUnit.MILLISECONDS), timer);
      long start = System.nanoTime();

      var call = TestContexts.in(context, () -> client.search(Shards.search("c", 1, 5)));

      assertThatThrownBy(call::join)
          .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE));
      assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
      assertThat(flaky.calls()).isEqualTo(1);
      context.cancel(null);
      timer.shutdownNow();
    }
  }

  @Test
  void search_retryBudgetSpent_noMoreRetries() {
    try (BackendResilience resilience = resilience(FAST, 0.0, 1)) {
      CoreClient client = resilience.wrap("b", flaky);
      flaky.failWith(FlakyCoreClient.status(Code.UNAVAILABLE));

      assertThatThrownBy(() -> client.search(Shards.search("c", 1, 5)).join());
      assertThat(flaky.calls()).isEqualTo(2);
      assertThatThrownBy(() -> client.search(Shards.search("c", 1, 5)).join());
      assertThat(flaky.calls()).isEqualTo(3);
    }
  }

  @Test
  void backoff_jitteredWithinHalfToFullExponentialDelay() {
    RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ZERO);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      assertThat(policy.backoffNanos(1, random)).isBetween(5_000_000L, 10_000_000L);
      assertThat(policy.backoffNanos(2, random)).isBetween(10_000_000L, 20_000_000L);
      assertThat(policy.backoffNanos(4, random)).isBetween(20_000_000L, 40_000_000L);
    }
  }
}
