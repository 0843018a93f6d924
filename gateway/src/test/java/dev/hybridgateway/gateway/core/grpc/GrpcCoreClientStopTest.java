package dev.hybridgateway.gateway.core.grpc;

import static dev.hybridgateway.gateway.core.grpc.GrpcCoreClientTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.rpc.ErrorInfo;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestContexts;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How {@link GrpcCoreClient} stops a long scan in the real Rust core: by the caller's deadline,
 * by cancelling the caller's Context or the returned future, or before sending anything. The
 * core's counters (GetStats) show what it did.
 */
class GrpcCoreClientStopTest {
  /** Far below the ~1 s of a complete long scan, far above the core's ~1 ms stop latency. */
  private static final Duration STOPPED_WITHIN = Duration.ofMillis(250);

  private static RustCoreServer server;
  private static ManagedChannel channel;
  private static GrpcCoreClient client;
  private static ScheduledExecutorService timer;

  @BeforeAll
  static void start() throws Exception {
    server = RustCoreServer.start("--preload", LongScan.PRELOAD);
    channel = CoreChannelBuilder.forTarget("127.0.0.1:" + server.port()).build();
    client = GrpcCoreClient.of(channel);
    timer = Executors.newSingleThreadScheduledExecutor();
    // Connect, and run the long request's path (client serialization, server decoding) until
    // it is compiled, on a collection that does not exist: the 5 ms test then measures the
    // call, not the JIT (an interpreted serialization alone can take longer than 5 ms).
    SearchRequest absent = longSearch().toBuilder().setCollection("absent").build();
    for (int i = 0; i < 30; i++) {
      client.search(absent).handle((reply, failure) -> null).join();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    timer.shutdownNow();
    server.close();
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
    return await(what).atMost(Duration.ofSeconds(10)).until(GrpcCoreClientStopTest::stats, condition);
  }

  /** Runs the long search under a deadline {@code millis} from now; returns its failure. */
  private static StatusRuntimeException searchWithDeadline(long millis) {
    SearchRequest request = longSearch();
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(millis, TimeUnit.MILLISECONDS, timer);
    try {
      return failureOf(TestContexts.in(context, () -> client.search(request)));
    } finally {
      context.cancel(null);
    }
  }

  @Test
  void search_deadline5msOnLongScan_failsDeadlineExceededStageCoreWithinFewMs() {
    EngineStats before = stats();
    long deadlineAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);

    StatusRuntimeException failure = searchWithDeadline(5);

    Duration late = Duration.ofNanos(System.nanoTime() - deadlineAt);
    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(StatusDetails.detail(failure, ErrorInfo.class))
        .hasValueSatisfying(info -> assertThat(info.getMetadataMap()).containsEntry("stage", "core"));
    assertThat(late).isLessThan(STOPPED_WITHIN);
    // In 5 ms the request may not even be decoded before the client's RST_STREAM: then the
    // core never starts it. Either way it is idle again and scanned a fraction at most.
    EngineStats after =
        awaitStats(
            "the core is idle, the call stopped or never started",
            s ->
                s.getInFlight() == 0
                    && (LongScan.stops(s) > LongScan.stops(before)
                        || s.getRequestsStarted() == before.getRequestsStarted()));
    assertThat(after.getRequestsCompleted()).isEqualTo(before.getRequestsCompleted());
    assertThat(after.getVectorsScanned() - before.getVectorsScanned())
        .isLessThan(LongScan.FULL_SCAN / 4);
  }

  @Test
  void search_deadline50msOnLongScan_coreStopsTheScanAndCountsTheStop() {
    EngineStats before = stats();

    StatusRuntimeException failure = searchWithDeadline(50);

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    EngineStats after =
        awaitStats(
            "the core stops the scan",
            s -> LongScan.stops(s) > LongScan.stops(before) && s.getInFlight() == 0);
    assertThat(after.getRequestsCompleted()).isEqualTo(before.getRequestsCompleted());
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
        TestContexts.in(context, () -> client.search(longSearch()));

    assertThat(failureOf(call).getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(stats().getRequestsStarted()).isEqualTo(before.getRequestsStarted());
  }
}
