package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.rpc.ErrorInfo;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestContexts;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge deadline policy end to end, against a core scan that would take about a second:
 * route default 300 ms, edge reserve 100 ms, minimum budget 20 ms. The core's counters show
 * what reached it.
 */
class GatewayDeadlineTest {
  private static final DeadlinePolicy POLICY =
      DeadlinePolicy.builder()
          .defaultTimeout(Duration.ofMillis(300))
          .maxTimeout(Duration.ofSeconds(10))
          .reserve(Duration.ofMillis(100))
          .minBudget(Duration.ofMillis(20))
          .build();
  private static final SearchRequest LONG =
      SearchRequest.newBuilder()
          .setCollection(LongScan.COLLECTION)
          .addAllQueries(LongScan.queries())
          .setK(10)
          .build();

  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(POLICY, true, "--preload", LongScan.PRELOAD);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static EngineStats awaitCore(String what, Predicate<EngineStats> condition) {
    return await(what).atMost(Duration.ofSeconds(10)).until(fixture::coreStats, condition);
  }

  private static String stageOf(StatusRuntimeException e) {
    return StatusDetails.detail(e, ErrorInfo.class)
        .map(info -> info.getMetadataOrDefault("stage", ""))
        .orElse("");
  }

  @Test
  void search_noClientDeadline_coreGetsTheRouteDefault() {
    EngineStats before = fixture.coreStats();
    long start = System.nanoTime();

    assertThatThrownBy(() -> fixture.search().search(LONG))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
              assertThat(stageOf(e)).isEqualTo("core");
            });
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    // default 300 ms - reserve 100 ms: the core had 200 ms (not the 10 s maximum, nor none).
    assertThat(elapsed).isBetween(Duration.ofMillis(195), Duration.ofSeconds(3));
    EngineStats after =
        awaitCore(
            "the core stops on the default deadline",
            s -> LongScan.stops(s) > LongScan.stops(before) && s.getInFlight() == 0);
    assertThat(after.getRequestsCompleted()).isEqualTo(before.getRequestsCompleted());
  }

  @Test
  void search_clientDeadline_gatewayAnswersFirstWithTheCoresDetails() {
    long start = System.nanoTime();

    assertThatThrownBy(
            () -> fixture.search().withDeadlineAfter(600, TimeUnit.MILLISECONDS).search(LONG))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
              // Details prove the answer came from the gateway, not from the client's own timer.
              assertThat(stageOf(e)).isEqualTo("core");
            });

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600));
  }

  @Test
  void search_tooLittleTimeLeft_failsAtTheEdgeWithoutCallingTheCore() {
    EngineStats before = fixture.coreStats();

    // 110 ms - reserve 100 ms leaves 10 ms, under the 20 ms minimum budget.
    assertThatThrownBy(
            () -> fixture.search().withDeadlineAfter(110, TimeUnit.MILLISECONDS).search(LONG))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
              assertThat(stageOf(e)).isEqualTo("edge");
            });

    EngineStats after = fixture.coreStats();
    assertThat(after.getRequestsStarted()).isEqualTo(before.getRequestsStarted());
    assertThat(after.getVectorsScanned()).isEqualTo(before.getVectorsScanned());
  }

  @Test
  void search_clientCancels_coreStopsTheScan() {
    EngineStats before = fixture.coreStats();
    CompletableFuture<SearchResponse> result = new CompletableFuture<>();
    Context.CancellableContext client = Context.current().withCancellation();
    TestContexts.in(
        client,
        () -> {
          SearchServiceGrpc.newStub(fixture.channel)
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .search(LONG, observe(result));
          return null;
        });
    awaitCore("the core is scanning", s -> s.getInFlight() > 0);

    client.cancel(null);

    awaitCore(
        "the core counts the cancellation",
        s -> s.getStoppedByCancellation() > before.getStoppedByCancellation() && s.getInFlight() == 0);
    assertThat(result).isCompletedExceptionally();
  }

  private static <T> StreamObserver<T> observe(CompletableFuture<T> result) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        result.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }
}
