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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link GrpcCoreClient} against the real Rust core ({@code hotpath-server} binary). */
class GrpcCoreClientTest {
  /** 20,000 × 384: with {@link #LONG_QUERIES} queries a full scan takes about a second. */
  static final String BIG = "big:synthetic:seed=7,count=20000,dim=384,metric=dot";
  static final String SMALL = "small:synthetic:seed=42,count=1000,dim=16,metric=cosine";
  static final int LONG_QUERIES = 1024;
  static final long FULL_SCAN = 20_000L * LONG_QUERIES;

  private static RustCoreServer server;
  private static ManagedChannel channel;
  private static GrpcCoreClient client;
  private static ScheduledExecutorService timer;

  @BeforeAll
  static void start() throws Exception {
    server = RustCoreServer.start("--preload", SMALL, "--preload", BIG);
    channel = CoreChannelBuilder.forTarget("127.0.0.1:" + server.port()).build();
    client = GrpcCoreClient.of(channel);
    timer = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    timer.shutdownNow();
    server.close();
  }

  static SearchRequest longSearch() {
    return SearchRequest.newBuilder()
        .setCollection("big")
        .addAllQueries(TestVectors.of(LONG_QUERIES, 384, 1))
        .setK(10)
        .build();
  }

  private static EngineStats stats() {
    return client.getStats().join().response();
  }

  @Test
  void search_smallCollection_returnsTopKWithCoreTiming() {
    SearchRequest request =
        SearchRequest.newBuilder()
            .setCollection("small")
            .addAllQueries(TestVectors.of(2, 16, 3))
            .setK(5)
            .build();

    CoreReply<SearchResponse> reply = client.search(request).join();

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

    assertThatThrownBy(() -> client.search(request).join())
        .cause()
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(StatusDetails.detail(e, ResourceInfo.class))
                  .hasValueSatisfying(info -> assertThat(info.getResourceName()).isEqualTo("missing"));
              assertThat(StatusDetails.detail(e, ErrorInfo.class))
                  .hasValueSatisfying(
                      info -> assertThat(info.getReason()).isEqualTo("COLLECTION_NOT_FOUND"));
            });
  }

  @Test
  void search_wrongDimension_failsInvalidArgumentWithBadRequest() {
    SearchRequest request =
        SearchRequest.newBuilder()
            .setCollection("small")
            .addAllQueries(TestVectors.of(1, 3, 1))
            .setK(1)
            .build();

    assertThatThrownBy(() -> client.search(request).join())
        .cause()
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(StatusDetails.detail(e, BadRequest.class))
                  .hasValueSatisfying(
                      bad ->
                          assertThat(bad.getFieldViolations(0).getField())
                              .startsWith("queries[0]"));
            });
  }

  @Test
  void search_deadline5msOnLongScan_failsDeadlineExceededStageCoreAndScanStops() {
    SearchRequest request = longSearch();
    EngineStats before = stats();
    long start = System.nanoTime();
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(5, TimeUnit.MILLISECONDS, timer);
    CompletableFuture<CoreReply<SearchResponse>> call;
    try {
      TestContexts.in(context, () -> { var sc = dev.hybridgateway.gateway.core.CallScope.capture(); System.err.println("DEBUG scope deadline=" + sc.deadline() + " ctx=" + sc.context() + " same=" + (sc.context()==context)); sc.onCancel(() -> System.err.println("DEBUG listener fired after " + (System.nanoTime() - start) / 1e6 + " on " + Thread.currentThread().getName())); return null; });
      call = TestContexts.in(context, () -> client.search(request));
      System.err.println("DEBUG search returned after " + (System.nanoTime() - start) / 1e6 + " ms done=" + call.isDone());
      call.whenComplete((r, f) -> System.err.println("DEBUG completed after " + (System.nanoTime() - start) / 1e6 + " ms on " + Thread.currentThread().getName() + " " + f));
      System.err.println("DEBUG ctx cancelled=" + context.isCancelled());
      for (int i = 0; i < 3; i++) { long t = System.nanoTime(); client.search(request).handle((r, f) -> null).join(); System.err.println("DEBUG repeat took " + (System.nanoTime() - t) / 1e6); }
      assertThatThrownBy(call::join).isInstanceOf(CompletionException.class);
    } finally {
      context.cancel(null);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    StatusRuntimeException failure = (StatusRuntimeException) call.exceptionNow();
    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(StatusDetails.detail(failure, ErrorInfo.class))
        .hasValueSatisfying(info -> assertThat(info.getMetadataMap()).containsEntry("stage", "core"));
    assertThat(elapsed).isLessThan(Duration.ofMillis(100));
    EngineStats after =
        await("the core stops the scan")
            .atMost(Duration.ofSeconds(5))
            .until(
                GrpcCoreClientTest::stats,
                s -> s.getStoppedByDeadline() > before.getStoppedByDeadline() && s.getInFlight() == 0);
    assertThat(after.getVectorsScanned() - before.getVectorsScanned()).isLessThan(FULL_SCAN / 4);
  }
}
