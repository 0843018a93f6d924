package dev.hybridgateway.gateway.core.engine;

import static dev.hybridgateway.gateway.core.engine.TestCalls.detail;
import static dev.hybridgateway.gateway.core.engine.TestCalls.failure;
import static dev.hybridgateway.gateway.core.engine.TestCalls.filled;
import static dev.hybridgateway.gateway.core.engine.TestCalls.search;
import static dev.hybridgateway.gateway.core.engine.TestCalls.synthetic;
import static dev.hybridgateway.gateway.core.engine.TestCalls.typeUrls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import io.grpc.Context;
import io.grpc.Deadline;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The details of every non-INVALID_ARGUMENT status, as the Rust core sends them: NOT_FOUND and
 * ALREADY_EXISTS with ResourceInfo, RESOURCE_EXHAUSTED with QuotaFailure, UNAVAILABLE with
 * RetryInfo, DEADLINE_EXCEEDED with stage=core, CANCELLED without details, INTERNAL with DebugInfo
 * only in debug mode.
 */
class StatusDetailsTest {
  private static final String DOMAIN = "core.hybridgateway.dev";

  private static JavaCoreClient client(long budget) {
    return JavaCoreClient.builder().threads(1).memoryBudgetBytes(budget).build();
  }

  @Test
  void notFoundAndAlreadyExists_resourceInfoAndMetadataNameTheCollection() {
    try (JavaCoreClient core = client(1 << 20)) {
      TestCalls.ok(core.createCollection(synthetic("c4", 4, Metric.METRIC_DOT, 1, 1, null)));
      Status missing = failure(core.search(search("nope", 1, List.of(filled(4, 1)))));
      assertThat(missing.getCode()).isEqualTo(5);
      assertThat(missing.getMessage()).isEqualTo("collection \"nope\" not found");
      assertThat(detail(missing, ErrorInfo.class))
          .isEqualTo(
              ErrorInfo.newBuilder()
                  .setReason("COLLECTION_NOT_FOUND")
                  .setDomain(DOMAIN)
                  .putMetadata("collection", "nope")
                  .build());
      assertThat(detail(missing, ResourceInfo.class))
          .isEqualTo(
              ResourceInfo.newBuilder()
                  .setResourceType("hybrid.core.v1.Collection")
                  .setResourceName("nope")
                  .setDescription("no collection of this name on this core")
                  .build());

      Status taken =
          failure(core.createCollection(synthetic("c4", 4, Metric.METRIC_DOT, 1, 1, null)));
      assertThat(taken.getCode()).isEqualTo(6);
      assertThat(taken.getMessage()).isEqualTo("collection \"c4\" already exists");
      assertThat(detail(taken, ErrorInfo.class).getReason()).isEqualTo("COLLECTION_ALREADY_EXISTS");
      assertThat(detail(taken, ResourceInfo.class).getDescription())
          .isEqualTo("a collection of this name already exists on this core");
      assertThat(typeUrls(taken))
          .containsExactly(
              "type.googleapis.com/google.rpc.ErrorInfo",
              "type.googleapis.com/google.rpc.ResourceInfo");
    }
  }

  @Test
  void memoryBudget_createAndUpsertTooBig_resourceExhaustedWithQuotaFailureAndNothingWritten() {
    try (JavaCoreClient core = client(10_000)) {
      Status status =
          failure(core.createCollection(synthetic("big", 100, Metric.METRIC_DOT, 1, 1000, null)));
      assertThat(status.getCode()).isEqualTo(8);
      assertThat(status.getMessage())
          .isEqualTo(
              "memory budget exceeded: 408000 bytes requested, 10000 of 10000 bytes available");
      assertThat(detail(status, ErrorInfo.class).getMetadataMap())
          .containsExactlyInAnyOrderEntriesOf(
              java.util.Map.of(
                  "requested_bytes",
                  "408000",
                  "available_bytes",
                  "10000",
                  "budget_bytes",
                  "10000"));
      assertThat(detail(status, QuotaFailure.class))
          .isEqualTo(
              QuotaFailure.newBuilder()
                  .addViolations(
                      QuotaFailure.Violation.newBuilder()
                          .setSubject("hotpath-core memory budget")
                          .setDescription("requested 408000 bytes, 10000 of 10000 bytes available")
                          .setQuotaMetric("memory_bytes")
                          .setQuotaId("CoreMemoryBudget")
                          .setQuotaValue(10_000))
                  .build());
      assertThat(TestCalls.ok(core.getStats()).getMemoryUsedBytes()).isZero();

      // 20 × (10 × 4 + 8) bytes, plus 16 × 10 × 4 bytes of centroids while generating.
      TestCalls.ok(core.createCollection(synthetic("small", 10, Metric.METRIC_DOT, 1, 20, null)));
      List<Long> ids = java.util.stream.LongStream.range(100, 400).boxed().toList();
      Status grow =
          failure(
              core.upsertVectors(
                  ErrorsTest.upsert(
                      "small", ids, Collections.nCopies(ids.size(), filled(10, 0.5f)))));
      assertThat(grow.getCode()).isEqualTo(8);
      assertThat(
              TestCalls.ok(
                      core.getCollection(
                          GetCollectionRequest.newBuilder().setName("small").build()))
                  .getCount())
          .isEqualTo(20);
    }
  }

  @Test
  void overload_queueFull_unavailableWithRetryInfoWhileGetStatsStillAnswers() {
    try (JavaCoreClient core = JavaCoreClient.builder().threads(1).queueCapacity(1).build()) {
      TestCalls.ok(core.createCollection(synthetic("big", 64, Metric.METRIC_DOT, 1, 50_000, null)));
      List<Vector> queries = Collections.nCopies(1024, filled(64, 0.5f));
      CompletableFuture<CoreReply<SearchResponse>> running =
          core.search(search("big", 10, queries));
      await().atMost(Duration.ofSeconds(10)).until(() -> core.stats().getInFlight() == 1);
      CompletableFuture<CoreReply<SearchResponse>> queued = core.search(search("big", 10, queries));

      Status status = failure(core.search(search("big", 10, queries)));
      assertThat(status.getCode()).isEqualTo(14);
      assertThat(status.getMessage())
          .isEqualTo("core overloaded: compute queue full, retry after 50 ms");
      assertThat(detail(status, ErrorInfo.class))
          .isEqualTo(
              ErrorInfo.newBuilder()
                  .setReason("OVERLOADED")
                  .setDomain(DOMAIN)
                  .putMetadata("retry_after_ms", "50")
                  .build());
      assertThat(detail(status, RetryInfo.class).getRetryDelay())
          .isEqualTo(com.google.protobuf.Duration.newBuilder().setNanos(50_000_000).build());
      assertThat(TestCalls.ok(core.getStats()).getRejectedOverloaded()).isEqualTo(1);
      running.cancel(true);
      queued.cancel(true);
    }
  }

  @Test
  void deadlineAlreadyPassed_atCallTime_deadlineExceededCountedWithoutWork() {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (JavaCoreClient core = client(1 << 20)) {
      TestCalls.ok(core.createCollection(synthetic("c4", 4, Metric.METRIC_DOT, 1, 10, null)));
      Context.CancellableContext expired =
          Context.current().withDeadline(Deadline.after(-1, TimeUnit.MILLISECONDS), timer);
      Status status =
          failure(
              TestCalls.within(expired, () -> core.search(search("c4", 1, List.of(filled(4, 1))))));
      assertThat(status.getCode()).isEqualTo(4);
      assertThat(status.getMessage()).isEqualTo("deadline exceeded in the core");
      assertThat(detail(status, ErrorInfo.class))
          .isEqualTo(
              ErrorInfo.newBuilder()
                  .setReason("DEADLINE_EXCEEDED")
                  .setDomain(DOMAIN)
                  .putMetadata("stage", "core")
                  .build());
      var stats = TestCalls.ok(core.getStats());
      assertThat(stats.getStoppedByDeadline()).isEqualTo(1);
      assertThat(stats.getRequestsStarted()).isZero();
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void cancelledBeforeCall_cancelledWithoutDetailsAndCounted() {
    try (JavaCoreClient core = client(1 << 20)) {
      TestCalls.ok(core.createCollection(synthetic("c4", 4, Metric.METRIC_DOT, 1, 10, null)));
      Context.CancellableContext cancelled = Context.current().withCancellation();
      cancelled.cancel(null);
      Status status =
          failure(
              TestCalls.within(
                  cancelled, () -> core.search(search("c4", 1, List.of(filled(4, 1))))));
      assertThat(status.getCode()).isEqualTo(1);
      assertThat(status.getMessage()).isEqualTo("cancelled by the caller");
      assertThat(status.getDetailsList()).isEmpty();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> core.stats().getStoppedByCancellation() == 1);
      assertThat(core.stats().getRequestsStarted()).isZero();
    }
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void internal_bugInTheEngine_internalWithDebugInfoOnlyInDebugMode() {
    for (boolean debug : new boolean[] {false, true}) {
      try (JavaCoreClient core = JavaCoreClient.builder().threads(1).debug(debug).build()) {
        CoreMethod wrong = CoreMethod.SEARCH; // a caller bug the type system cannot see here
        Status status = failure(core.call(wrong, RerankRequest.getDefaultInstance()));
        assertThat(status.getCode()).isEqualTo(13);
        assertThat(status.getMessage())
            .isEqualTo("internal error: the core panicked while handling the call");
        assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo("INTERNAL_ERROR");
        assertThat(typeUrls(status).stream().anyMatch(t -> t.endsWith("DebugInfo")))
            .isEqualTo(debug);
        if (debug) {
          assertThat(detail(status, DebugInfo.class).getDetail()).contains("ClassCastException");
        }
        assertThat(core.stats().getPanicsCaught()).isEqualTo(1);
      }
    }
  }

  @Test
  void closedClient_call_unavailableFromTheEdge() {
    JavaCoreClient core = client(1 << 20);
    core.close();
    Status status =
        failure(
            core.listCollections(
                dev.hybridgateway.core.v1.ListCollectionsRequest.getDefaultInstance()));
    assertThat(status.getCode()).isEqualTo(14);
    assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo("CORE_CLIENT_CLOSED");
  }
}
