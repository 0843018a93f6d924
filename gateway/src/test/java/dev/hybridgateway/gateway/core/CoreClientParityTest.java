package dev.hybridgateway.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.SharedVectorCases;
import dev.hybridgateway.gateway.testing.SharedVectorCases.RerankCase;
import dev.hybridgateway.gateway.testing.SharedVectorCases.SearchCase;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestContexts;
import io.grpc.Context;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The boundary contract, checked side by side on the three transports: the same request gives
 * the same ids and bit-identical scores, the same error (code, message and every detail), and
 * the same stop behaviour under a deadline or a cancellation — whether the engine is the Java
 * one, the Rust one in-process (FFM) or the Rust one in another process (gRPC).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreClientParityTest {
  static final String COLLECTION = "parity";
  /** Far below the ~1 s of a complete long scan; generous for a shared, noisy 2-core machine. */
  private static final Duration STOPPED_WITHIN = Duration.ofMillis(250);

  private ThreeClients clients;
  private ScheduledExecutorService timer;

  static CreateCollectionRequest parityCollection() {
    return CreateCollectionRequest.newBuilder()
        .setName(COLLECTION)
        .setDim(ParityErrorCase.DIM)
        .setMetric(Metric.METRIC_DOT)
        .setSynthetic(SyntheticSource.newBuilder().setSeed(11).setCount(2_000))
        .build();
  }

  private static CreateCollectionRequest longScanCollection() {
    return CreateCollectionRequest.newBuilder()
        .setName(LongScan.COLLECTION)
        .setDim(128)
        .setMetric(Metric.METRIC_DOT)
        .setShard(ShardSpec.newBuilder().setIndex(0).setCount(1))
        .setSynthetic(SyntheticSource.newBuilder().setSeed(7).setCount(400_000))
        .build();
  }

  @BeforeAll
  void start() throws Exception {
    clients = ThreeClients.start(2L << 30, "--preload", LongScan.PRELOAD);
    timer = Executors.newSingleThreadScheduledExecutor();
    for (Transport transport : List.of(Transport.JAVA, Transport.FFI)) {
      clients.get(transport).createCollection(longScanCollection()).join();
    }
    for (CoreClient core : clients.all().values()) {
      core.createCollection(parityCollection()).join();
      // The first call under a deadline loads and compiles the Context machinery; the timed
      // tests below measure calls, not class loading.
      for (int i = 0; i < 20; i++) {
        Context.CancellableContext warm =
            Context.current().withDeadlineAfter(5, TimeUnit.SECONDS, timer);
        TestContexts.in(warm, () -> core.search(ParityErrorCase.search().build())).join();
        warm.cancel(null);
      }
    }
  }

  @AfterAll
  void stop() {
    timer.shutdownNow();
    clients.close();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void search_sharedVectors_sameIdsAndScoreBits(Transport transport) {
    CoreClient core = clients.get(transport);
    for (SearchCase c : SharedVectorCases.searchCases()) {
      core.createCollection(c.collection().toBuilder()
          .setName(c.collection().getName() + "-search").build()).join();
      SearchRequest request = c.request().toBuilder()
          .setCollection(c.collection().getName() + "-search").build();
      List<Neighbors> results = core.search(request).join().response().getResultsList();
      assertThat(SharedVectorCases.hits(results)).as("%s over %s", c, transport).isEqualTo(c.expected());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void rerank_sharedVectors_sameIdsAndScoreBitsOrSameError(Transport transport) {
    CoreClient core = clients.get(transport);
    for (RerankCase c : SharedVectorCases.rerankCases()) {
      CompletableFuture<CoreReply<dev.hybridgateway.core.v1.RerankResponse>> call =
          core.rerank(c.request());
      if (c.error() == null) {
        assertThat(SharedVectorCases.hits(call.join().response().getResultsList()))
            .as("%s over %s", c, transport).isEqualTo(c.expected());
      } else {
        Status status = StatusDetails.of(catchThrowable(call::join));
        assertThat(status.getCode()).as("%s over %s", c, transport).isEqualTo(c.error().code());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ParityErrorCase.class)
  void error_sameRequest_sameStatusAndDetailsOnEveryTransport(ParityErrorCase errorCase) {
    Map<Transport, Status> statuses = new EnumMap<>(Transport.class);
    clients.all().forEach((transport, core) ->
        statuses.put(transport, StatusDetails.of(catchThrowable(() -> errorCase.call(core).join()))));

    Status reference = statuses.get(Transport.JAVA);
    assertThat(reference.getCode()).isEqualTo(errorCase.code().value());
    assertThat(reference.getDetailsList()).isNotEmpty();
    assertThat(ComparableStatus.of(statuses.get(Transport.FFI)))
        .as("ffi vs java").isEqualTo(ComparableStatus.of(reference));
    assertThat(ComparableStatus.of(statuses.get(Transport.GRPC)))
        .as("grpc vs java").isEqualTo(ComparableStatus.of(reference));
  }

  @Test
  void createCollection_overMemoryBudget_sameQuotaFailureOnEveryTransport() throws Exception {
    try (ThreeClients small = ThreeClients.start(1L << 20)) {
      CreateCollectionRequest tooBig = parityCollection().toBuilder()
          .setName("too-big")
          .setSynthetic(SyntheticSource.newBuilder().setSeed(1).setCount(100_000))
          .build();
      Map<Transport, Status> statuses = new EnumMap<>(Transport.class);
      small.all().forEach((transport, core) -> statuses.put(transport,
          StatusDetails.of(catchThrowable(() -> core.createCollection(tooBig).join()))));

      Status reference = statuses.get(Transport.JAVA);
      assertThat(reference.getCode()).isEqualTo(io.grpc.Status.Code.RESOURCE_EXHAUSTED.value());
      assertThat(reference.getDetailsList())
          .anySatisfy(d -> assertThat(d.is(com.google.rpc.QuotaFailure.class)).isTrue());
      assertThat(ComparableStatus.of(statuses.get(Transport.FFI)))
          .isEqualTo(ComparableStatus.of(reference));
      assertThat(ComparableStatus.of(statuses.get(Transport.GRPC)))
          .isEqualTo(ComparableStatus.of(reference));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void search_deadline5msOnLongScan_deadlineExceededWithinFewMsAndScanStopped(Transport t) {
    CoreClient core = clients.get(t);
    EngineStats before = core.getStats().join().response();
    long deadlineAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(5, TimeUnit.MILLISECONDS, timer);

    Throwable failure =
        catchThrowable(() -> TestContexts.in(context, () -> core.search(longSearch())).join());

    Duration late = Duration.ofNanos(System.nanoTime() - deadlineAt);
    context.cancel(null);
    Status status = StatusDetails.of(failure);
    assertThat(status.getCode()).isEqualTo(io.grpc.Status.Code.DEADLINE_EXCEEDED.value());
    assertThat(StatusDetails.detail(failure, ErrorInfo.class))
        .hasValueSatisfying(info -> assertThat(info.getMetadataMap()).containsKey("stage"));
    assertThat(late).isLessThan(STOPPED_WITHIN);
    EngineStats after = awaitIdle(core, before);
    assertThat(after.getRequestsCompleted()).isEqualTo(before.getRequestsCompleted());
    assertThat(after.getVectorsScanned() - before.getVectorsScanned())
        .isLessThan(LongScan.FULL_SCAN / 4);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void search_callerCancels_coreStopsTheScan(Transport t) {
    CoreClient core = clients.get(t);
    EngineStats before = core.getStats().join().response();
    Context.CancellableContext context = Context.current().withCancellation();

    CompletableFuture<?> call = TestContexts.in(context, () -> core.search(longSearch()));
    await("the scan runs").atMost(Duration.ofSeconds(10)).until(
        () -> core.getStats().join().response().getVectorsScanned() > before.getVectorsScanned());
    context.cancel(null);

    Status status = StatusDetails.of(catchThrowable(call::join));
    assertThat(status.getCode()).isEqualTo(io.grpc.Status.Code.CANCELLED.value());
    EngineStats after = awaitIdle(core, before);
    assertThat(after.getStoppedByCancellation()).isGreaterThan(before.getStoppedByCancellation());
    assertThat(after.getVectorsScanned() - before.getVectorsScanned())
        .isLessThan(LongScan.FULL_SCAN / 2);
  }

  /** Waits until the core has no call in flight and has counted one more stopped call. */
  private static EngineStats awaitIdle(CoreClient core, EngineStats before) {
    return await("the core stops the call").atMost(Duration.ofSeconds(10)).until(
        () -> core.getStats().join().response(),
        s -> s.getInFlight() == 0
            && (LongScan.stops(s) > LongScan.stops(before)
                || s.getRequestsStarted() == before.getRequestsStarted()));
  }

  private static SearchRequest longSearch() {
    return SearchRequest.newBuilder()
        .setCollection(LongScan.COLLECTION)
        .addAllQueries(LongScan.queries())
        .setK(10)
        .build();
  }
}
