package dev.hybridgateway.gateway.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreReply;
import io.grpc.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Long scans stop promptly, as in hotpath-core's tests/deadline_and_cancel.rs: a search that would
 * take about a second (20k × 384 vectors, 1024 queries) returns DEADLINE_EXCEEDED a few
 * milliseconds after its deadline, or CANCELLED right after the caller cancels, and the work
 * counters prove that the scan stopped early. Wall-clock bounds are generous (shared 2-core
 * machines); the counters are the machine-independent proof.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineAndCancelTest {
  private static final int DIM = 384;
  private static final int COUNT = 20_000;
  private static final int QUERIES = 1024;
  private static final long TOTAL = (long) COUNT * QUERIES;
  private static final Duration SLACK = Duration.ofMillis(50);

  /** Pairs one stop-check interval may score: 262144 / dim plus one block. */
  private static final long CHECK_INTERVAL = 262_144 / DIM + 64 * 1024 / (4 * DIM);

  private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();
  private JavaCoreClient core;
  private SearchRequest big;

  @BeforeAll
  void createCollection() {
    core = JavaCoreClient.builder().threads(2).build();
    TestCalls.ok(
        core.createCollection(TestCalls.synthetic("big", DIM, Metric.METRIC_DOT, 1, COUNT, null)));
    SyntheticGenerator queries = new SyntheticGenerator(2, 0, DIM);
    List<Vector> vectors = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      vectors.add(TestCalls.vector(queries.vector(i)));
    }
    big = TestCalls.search("big", 10, vectors);
    // Warm the JIT and the error path (Status classes) so the timed runs measure the stop itself.
    for (int i = 0; i < 3; i++) {
      catchThrowableOfType(
          CoreException.class,
          () ->
              core.engine()
                  .search(
                      big,
                      StopSignal.of(
                          System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30),
                          new AtomicBoolean())));
      TestCalls.failure(
          TestCalls.within(
              Context.current().withDeadlineAfter(5, TimeUnit.MILLISECONDS, deadlines),
              () -> core.search(big)));
    }
    quiesce(core);
  }

  @AfterAll
  void close() {
    core.close();
    deadlines.shutdownNow();
  }

  @Test
  void engineSearch_deadlinePassesMidScan_stopsPromptlyAfterScanningLittle() {
    assertThat(Duration.ofNanos(bestOfThree(this::engineDeadlineRun))).isLessThan(SLACK);
  }

  /** One engine-level run with a 50 ms deadline; returns how late the engine returned. */
  private long engineDeadlineRun() {
    EngineStats before = quiesce(core);
    long started = System.nanoTime();
    long deadline = started + TimeUnit.MILLISECONDS.toNanos(50);
    CoreException stopped =
        catchThrowableOfType(
            CoreException.class,
            () -> core.engine().search(big, StopSignal.of(deadline, new AtomicBoolean())));
    long late = System.nanoTime() - deadline;

    assertThat(stopped.error()).isInstanceOf(CoreError.DeadlineExceeded.class);
    EngineStats after = core.stats();
    long scanned = after.getVectorsScanned() - before.getVectorsScanned();
    System.out.printf(
        "engine deadline: returned %.2f ms late, scanned %d of %d pairs%n",
        late / 1e6, scanned, TOTAL);
    assertThat(scanned)
        .as("the scan had started and stopped early")
        .isPositive()
        .isLessThan(TOTAL / 4);
    assertThat(after.getStoppedByDeadline() - before.getStoppedByDeadline()).isEqualTo(1);
    assertThat(after.getRequestsCompleted()).isEqualTo(before.getRequestsCompleted());
    assertThat(after.getInFlight()).isZero();
    return late;
  }

  @Test
  void search_deadlineOf5Ms_deadlineExceededFromTheCoreWithinMillis() {
    assertThat(Duration.ofNanos(bestOfThree(this::clientDeadlineRun))).isLessThan(SLACK);
  }

  /** One client call with a 5 ms Context deadline; returns how late the failure arrived. */
  private long clientDeadlineRun() {
    EngineStats before = quiesce(core);
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(5, TimeUnit.MILLISECONDS, deadlines);
    long started = System.nanoTime();
    Status status = TestCalls.failure(TestCalls.within(context, () -> core.search(big)));
    long late = System.nanoTime() - started - TimeUnit.MILLISECONDS.toNanos(5);
    context.cancel(null);

    assertThat(status.getCode()).isEqualTo(4);
    assertThat(status.getMessage()).isEqualTo("deadline exceeded in the core");
    ErrorInfo info = TestCalls.detail(status, ErrorInfo.class);
    assertThat(info.getReason()).isEqualTo("DEADLINE_EXCEEDED");
    assertThat(info.getDomain()).isEqualTo("core.hybridgateway.dev");
    assertThat(info.getMetadataMap()).containsEntry("stage", "core");
    System.out.printf("client deadline: answered %.2f ms after the 5 ms deadline%n", late / 1e6);
    EngineStats after =
        awaitStats(
            s ->
                s.getStoppedByDeadline() == before.getStoppedByDeadline() + 1
                    && s.getInFlight() == 0);
    assertThat(after.getVectorsScanned() - before.getVectorsScanned()).isLessThan(TOTAL / 10);
    assertThat(after.getRequestsCompleted()).isEqualTo(before.getRequestsCompleted());
    return late;
  }

  /**
   * The smallest lateness of up to three runs (each run asserts the counters). A descheduled thread
   * on a loaded shared machine can miss a deadline by tens of milliseconds once; an engine that did
   * not stop at its deadline would be late every time.
   */
  private static long bestOfThree(java.util.function.LongSupplier run) {
    long best = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 3 && best >= SLACK.toNanos(); attempt++) {
      best = Math.min(best, run.getAsLong());
    }
    return best;
  }

  @Test
  void search_contextCancelledMidScan_cancelledAndScanStopsWithinOneCheck() {
    EngineStats before = quiesce(core);
    Context.CancellableContext context = Context.current().withCancellation();
    assertCancelStopsScan(
        before, TestCalls.within(context, () -> core.search(big)), () -> context.cancel(null));
  }

  @Test
  void search_futureCancelledMidScan_scanStopsWithinOneCheck() {
    EngineStats before = quiesce(core);
    CompletableFuture<CoreReply<SearchResponse>> call = core.search(big);
    assertCancelStopsScan(before, call, () -> call.cancel(true));
  }

  private void assertCancelStopsScan(
      EngineStats before, CompletableFuture<?> call, Runnable cancel) {
    awaitStats(s -> s.getVectorsScanned() > before.getVectorsScanned());
    cancel.run();
    long scannedAtCancel = core.stats().getVectorsScanned();
    Status status = TestCalls.failure(call);
    assertThat(status.getCode()).isEqualTo(1);
    assertThat(status.getDetailsList()).isEmpty();
    EngineStats after =
        awaitStats(
            s ->
                s.getStoppedByCancellation() == before.getStoppedByCancellation() + 1
                    && s.getInFlight() == 0);
    long afterCancel = after.getVectorsScanned() - scannedAtCancel;
    System.out.printf(
        "cancel: %d pairs scored after the cancel (bound %d)%n", afterCancel, 2 * CHECK_INTERVAL);
    assertThat(afterCancel).isLessThanOrEqualTo(2 * CHECK_INTERVAL);
    assertThat(after.getVectorsScanned() - before.getVectorsScanned()).isLessThan(TOTAL / 10);
  }

  @Test
  void search_deadlinePassesWhileQueued_failsAtItsDeadlineAndNeverReachesTheEngine() {
    try (JavaCoreClient one = JavaCoreClient.builder().threads(1).queueCapacity(4).build()) {
      TestCalls.ok(
          one.createCollection(TestCalls.synthetic("big", DIM, Metric.METRIC_DOT, 1, COUNT, null)));
      CompletableFuture<CoreReply<SearchResponse>> running = one.search(big);
      await().atMost(Duration.ofSeconds(10)).until(() -> one.stats().getInFlight() == 1);
      Context.CancellableContext context =
          Context.current().withDeadlineAfter(5, TimeUnit.MILLISECONDS, deadlines);
      long started = System.nanoTime();
      Status queued = TestCalls.failure(TestCalls.within(context, () -> one.search(big)));
      long late = System.nanoTime() - started - TimeUnit.MILLISECONDS.toNanos(5);

      assertThat(queued.getCode()).isEqualTo(4);
      assertThat(Duration.ofNanos(late)).isLessThan(SLACK);
      assertThat(running).isNotDone();
      running.cancel(true);
      EngineStats after =
          awaitStats(
              one,
              s ->
                  s.getStoppedByCancellation() == 1
                      && s.getStoppedByDeadline() == 1
                      && s.getInFlight() == 0);
      assertThat(after.getRequestsStarted())
          .as("the queued call never reached the engine")
          .isEqualTo(1);
    }
  }

  @Test
  void engineCreate_deadlinePassesDuringGeneration_releasesItsMemory() {
    EngineStats before = core.stats();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
    CoreException stopped =
        catchThrowableOfType(
            CoreException.class,
            () ->
                core.engine()
                    .createCollection(
                        TestCalls.synthetic("huge", 64, Metric.METRIC_DOT, 1, 400_000, null),
                        StopSignal.of(deadline, new AtomicBoolean())));

    assertThat(stopped.error()).isInstanceOf(CoreError.DeadlineExceeded.class);
    EngineStats after = core.stats();
    assertThat(after.getMemoryUsedBytes()).isEqualTo(before.getMemoryUsedBytes());
    assertThat(after.getStoppedByDeadline() - before.getStoppedByDeadline()).isEqualTo(1);
    assertThat(core.engine().contains("huge")).isFalse();
  }

  /** Waits until no call of {@code client} is queued or running; returns the stats then. */
  private static EngineStats quiesce(JavaCoreClient client) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> client.active().isEmpty());
    return client.stats();
  }

  private EngineStats awaitStats(Predicate<EngineStats> condition) {
    return awaitStats(core, condition);
  }

  private static EngineStats awaitStats(JavaCoreClient client, Predicate<EngineStats> condition) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(1))
        .until(client::stats, condition::test);
  }
}
