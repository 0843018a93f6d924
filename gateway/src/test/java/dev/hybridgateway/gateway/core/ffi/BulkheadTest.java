package dev.hybridgateway.gateway.core.ffi;

import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.LONG_COUNT;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.LONG_DIM;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.client;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.closeWithoutLeaks;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.detail;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.util.Durations;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreReply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FFI bulkhead sheds load: a full pool and queue answer UNAVAILABLE at once. */
class BulkheadTest {
  /** One thread, one queue slot: two long searches fill the bulkhead. */
  private static FfiCoreClient core;

  private static SearchRequest longSearch;

  @BeforeAll
  static void open() {
    core = client(config -> config.poolSize(1).queueCapacity(1).retryAfter(Duration.ofMillis(250)));
    FfiTestSupport.createSynthetic(core, "long", 1, LONG_COUNT, LONG_DIM, Metric.METRIC_DOT);
    longSearch = FfiTestSupport.randomSearch("long", 1024, LONG_DIM);
  }

  @AfterAll
  static void close() {
    closeWithoutLeaks(core);
  }

  @Test
  void search_poolAndQueueFull_unavailableAtOnceWithRetryInfo() {
    CompletableFuture<CoreReply<SearchResponse>> running = core.search(longSearch);
    // The only thread has taken the first call off the queue: the next one fills the queue.
    await().until(() -> core.activeCalls() == 1);
    CompletableFuture<CoreReply<SearchResponse>> queued = core.search(longSearch);
    assertThat(core.queuedCalls()).isEqualTo(1);

    CompletableFuture<CoreReply<SearchResponse>> refused = core.search(longSearch);

    assertThat(refused).as("refused without waiting").isCompletedExceptionally();
    Status status = failure(refused);
    assertThat(status.getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
    ErrorInfo info = detail(status, ErrorInfo.class);
    assertThat(info.getReason()).isEqualTo("OVERLOADED");
    assertThat(info.getDomain()).isEqualTo(CoreErrors.EDGE_DOMAIN);
    assertThat(Durations.toMillis(detail(status, RetryInfo.class).getRetryDelay()))
        .isEqualTo(250);

    queued.cancel(true);
    running.cancel(true);

    assertThat(core.queuedCalls()).as("a cancelled call leaves the queue at once").isZero();
    await().until(() -> core.activeCalls() == 0);
    assertThat(core.getStats().join().response().getInFlight()).isZero();
  }

  @Test
  void call_fromVirtualThread_completesOnPlatformPoolThread() throws Exception {
    CompletableFuture<CoreReply<SearchResponse>> busy = core.search(longSearch);
    await().until(() -> core.activeCalls() == 1);
    CompletableFuture<Thread> ranOn = new CompletableFuture<>();
    // Queued behind the busy call, so the dependent below is attached before it completes.
    Thread caller = Thread.ofVirtual().start(
        () -> core.getStats().whenComplete((reply, failure) ->
            ranOn.complete(Thread.currentThread())));
    caller.join();

    busy.cancel(true);

    Thread completedOn = ranOn.get();
    assertThat(completedOn.isVirtual()).isFalse();
    assertThat(completedOn).isInstanceOf(FfiWorker.class);
    await().until(() -> core.activeCalls() == 0);
  }
}
