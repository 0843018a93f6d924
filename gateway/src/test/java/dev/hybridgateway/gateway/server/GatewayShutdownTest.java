package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Graceful shutdown: the call in flight finishes, later calls are refused. */
class GatewayShutdownTest {
  private static final SearchRequest LONG =
      SearchRequest.newBuilder()
          .setCollection(LongScan.COLLECTION)
          .addAllQueries(LongScan.queries())
          .setK(3)
          .build();

  @Test
  void close_callInFlight_finishesItThenRefusesNewCalls() throws Exception {
    try (GatewayFixture fixture =
        GatewayFixture.start(DeadlinePolicy.defaults(), true, "--preload", LongScan.PRELOAD)) {
      CompletableFuture<SearchResponse> inFlight =
          CompletableFuture.supplyAsync(
              () -> fixture.search().withDeadlineAfter(30, TimeUnit.SECONDS).search(LONG));
      await("the core is scanning")
          .atMost(Duration.ofSeconds(10))
          .until(() -> fixture.coreStats().getInFlight() > 0);

      var address = fixture.gateway.address();
      fixture.gateway.close();

      assertThat(inFlight.join().getResultsList()).hasSize(LongScan.QUERIES);
      var fresh = NettyChannelBuilder.forAddress(address).usePlaintext().build();
      try {
        assertThatThrownBy(
                () ->
                    SearchServiceGrpc.newBlockingStub(fresh)
                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                        .search(LONG))
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
      } finally {
        fresh.shutdownNow();
      }
    }
  }
}
