package dev.hybridgateway.gateway.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestContexts;
import dev.hybridgateway.gateway.testing.TestVectors;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GrpcCoreClient} against the real Rust core ({@code hotpath-server} binary): results,
 * errors with their details, deadline and cancellation (read back from the core's counters).
 */
class GrpcCoreClientTest {
  private static final String SMALL = "small:synthetic:seed=42,count=1000,dim=16,metric=cosine";
  /** Far below the ~1 s of a complete long scan, far above the core's ~1 ms stop latency. */
  private static final Duration STOPPED_WITHIN = Duration.ofMillis(250);

  private static RustCoreServer server;
  private static ManagedChannel channel;
  private static GrpcCoreClient client;
  private static ScheduledExecutorService timer;

  @BeforeAll
  static void start() throws Exception {
    server = RustCoreServer.start("--preload", SMALL, "--preload", LongScan.PRELOAD);
    channel = CoreChannelBuilder.forTarget("127.0.0.1:" + server.port()).build();
    client = GrpcCoreClient.of(channel);
    timer = Executors.newSingleThreadScheduledExecutor();
    // Connect and load the classes of both outcomes, so timed tests measure the call only.
    client.search(smallSearch(1, 16)).join();
    client.search(smallSearch(1, 3)).handle((reply, failure) -> null).join();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    timer.shutdownNow();
    server.close();
  }

  private static SearchRequest smallSearch(int queries, int dim) {
    return SearchRequest.newBuilder()
        .setCollection("small")
        .addAllQueries(TestVectors.of(queries, dim, 3))
        .setK(5)
        .build();
  }

  private static SearchRequest longSearch() {
    return SearchRequest.newBuilder()
        .setCollection(LongScan.COLLECTION)
        .addAllQueries(LongScan.queries())
        .setK(10)
        .build();
  }

  private static EngineStats stats() {
    return client.getStats().join().response();
  }

  private static EngineStats awaitStats(String what, Predicate<EngineStats> condition) {
    return await(what).atMost(Duration.ofSeconds(10)).until(GrpcCoreClientTest::stats, condition);
  }

  private static StatusRuntimeException failureOf(CompletableFuture<?> call) {
    assertThatThrownBy(call::join).isInstanceOf(CompletionException.class);
    return (StatusRuntimeException) call.exceptionNow();
  }

  @Test
  void search_smallCollection_returnsTopKWithCoreTiming() {
    CoreReply<SearchResponse> reply = client.search(smallSearch(2, 16)).join();

    assertThat(client.transport()).isEqualTo(Transport.GRPC);
    assertThat(reply.response().getResultsList()).hasSize(2);
    assertThat(reply.response().getResults(0).getHitsList()).hasSize(5);
    assertThat(reply.response().getVectorsScanned()).isEqualTo(2_000);
    assertThat(reply.coreTiming().getComputeNs()).isPositive();
    assertThat(reply.clientNanos()).isGreaterThanOrEqualTo(reply.coreNanos());
  }

  @Test
  void search_unknownCollection_failsNotFoundWithResourceInfo() {
    SearchRequest request =
        SearchRequest.newBuilder()
            .setCollection("missing")
            .addQueries(Vector.newBuilder().addValues(1f))
            .setK(1)
            .build();

    StatusRuntimeException failure = failureOf(client.search(request));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(StatusDetails.detail(failure, ResourceInfo.class))
        .hasValueSatisfying(info -> assertThat(info.getResourceName()).isEqualTo("missing"));
    assertThat(StatusDetails.detail(failure, ErrorInfo.class))
        .hasValueSatisfying(info -> assertThat(info.getReason()).isEqualTo("COLLECTION_NOT_FOUND"));
  }

  @Test
  void search_wrongDimension_failsInvalidArgumentWithBadRequest() {
    StatusRuntimeException failure = failureOf(client.search(smallSearch(1, 3)));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(StatusDetails.detail(failure, BadRequest.class))
        .hasValueSatisfying(
            bad -> assertThat(bad.getFieldViolations(0).getField()).startsWith("queries[0]"));
  }

  @Test
  void search_deadline5msOnLongScan_failsDeadlineExceededStageCoreAndScanStops() {
    SearchRequest request = longSearch();
    EngineStats before = stats();

    Context.CancellableContext context =
        Context.current().withDeadlineAfter(5, TimeUnit.MILLISECONDS, timer);
    long deadlineAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
    StatusRuntimeException failure;
    try {
      CompletableFuture<CoreReply<SearchResponse>> call =
          TestContexts.in(context, () -> client.search(request));
      failure = failureOf(call);
    } finally {
      context.cancel(null);
    }
    Duration late = Duration.ofNanos(System.nanoTime() - deadlineAt);

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(StatusDetails.detail(failure, ErrorInfo.class))
        .hasValueSatisfying(info -> assertThat(info.getMetadataMap()).containsEntry("stage", "core"));
    assertThat(late).isLessThan(STOPPED_WITHIN);
    EngineStats after =
        awaitStats(
            "the core stops the scan on its deadline",
            s -> s.getStoppedByDeadline() > before.getStoppedByDeadline() && s.getInFlight() == 0);
    assertThat(after.getVectorsScanned() - before.getVectorsScanned())
        .isLessThan(LongScan.FULL_SCAN / 4);
  }

  @Test
  void search_callerContextCancelled_failsCancelledAndCoreStops() {
    SearchRequest request = longSearch();
    EngineStats before = stats();
    Context.CancellableContext context = Context.current().withCancellation();
    CompletableFuture<CoreReply<SearchResponse>> call =
        TestContexts.in(context, () -> client.search(request));
    awaitStats("the core is scanning", s -> s.getInFlight() > 0);

    context.cancel(null);

    assertThat(failureOf(call).getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
    EngineStats after =
        awaitStats(
            "the core counts a cancelled request",
            s ->
                s.getStoppedByCancellation() > before.getStoppedByCancellation()
                    && s.getInFlight() == 0);
    assertThat(after.getRequestsCompleted()).isEqualTo(before.getRequestsCompleted());
  }

  @Test
  void search_futureCancelled_coreStops() {
    SearchRequest request = longSearch();
    EngineStats before = stats();
    CompletableFuture<CoreReply<SearchResponse>> call = client.search(request);
    awaitStats("the core is scanning", s -> s.getInFlight() > 0);

    assertThat(call.cancel(true)).isTrue();

    assertThatThrownBy(call::join).isInstanceOf(CancellationException.class);
    awaitStats(
        "the core counts a cancelled request",
        s -> s.getStoppedByCancellation() > before.getStoppedByCancellation() && s.getInFlight() == 0);
  }

  @Test
  void search_contextAlreadyCancelled_failsWithoutReachingCore() {
    EngineStats before = stats();
    Context.CancellableContext context = Context.current().withCancellation();
    context.cancel(null);

    CompletableFuture<CoreReply<SearchResponse>> call =
        TestContexts.in(context, () -> client.search(smallSearch(1, 16)));

    assertThat(failureOf(call).getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(stats().getRequestsStarted()).isEqualTo(before.getRequestsStarted());
  }

  @Test
  void call_afterClose_failsUnavailableAndLeavesChannelOpen() {
    GrpcCoreClient closed = GrpcCoreClient.of(channel);
    closed.close();

    StatusRuntimeException failure = failureOf(closed.search(smallSearch(1, 16)));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(channel.isShutdown()).isFalse();
    assertThat(client.search(smallSearch(1, 16)).join().response().getResultsCount()).isEqualTo(1);
  }
}
