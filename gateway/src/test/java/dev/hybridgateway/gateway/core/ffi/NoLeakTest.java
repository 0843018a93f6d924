package dev.hybridgateway.gateway.core.ffi;

import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.client;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreMethod;
import io.grpc.Context;
import io.grpc.Deadline;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Rust-owned buffer is given back, whatever the outcome of the call: OK, error status,
 * panic, malformed bytes, expired deadline, on both paths ({@code hotpath_live_buffers()} is
 * process-wide, so it must be back at zero once the calls are over).
 */
class NoLeakTest {

  @ParameterizedTest(name = "fastPath={0}")
  @ValueSource(booleans = {false, true})
  void everyOutcome_afterClose_noRustBufferIsLeft(boolean fastPath) {
    FfiCoreClient core = client(config -> config.poolSize(2).fastPath(fastPath));
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    try {
      FfiTestSupport.createSynthetic(core, "c", 9, 500, 8, Metric.METRIC_L2);
      Vector nan = Vector.newBuilder().addValues(Float.NaN).addValues(1).build();
      RerankRequest rerank = RerankRequest.newBuilder().setK(2).setMetric(Metric.METRIC_DOT)
          .addQueries(Vector.newBuilder().addValues(1).addValues(2))
          .addCandidates(Vector.newBuilder().addValues(3).addValues(4)).build();

      core.search(FfiTestSupport.randomSearch("c", 3, 8)).join();
      core.rerank(rerank).join();
      assertThat(failure(core.search(FfiTestSupport.randomSearch("none", 1, 8))).getCode())
          .isEqualTo(Code.NOT_FOUND_VALUE);
      assertThat(failure(core.search(SearchRequest.newBuilder().setCollection("c").setK(1)
          .addQueries(nan).build())).getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
      assertThat(failure(core.rerank(rerank.toBuilder().setQueries(0, nan).build())).getCode())
          .isEqualTo(Code.INVALID_ARGUMENT_VALUE);
      assertThat(failure(core.triggerTestPanic()).getCode()).isEqualTo(Code.INTERNAL_VALUE);
      assertThat(failure(core.callRaw(CoreMethod.RERANK.ffiId(), new byte[] {0x0a, 0x7f}))
          .getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
      Deadline passed = Deadline.after(1, TimeUnit.NANOSECONDS);
      Context late = Context.current().withDeadline(passed, timers);
      assertThat(failure(FfiTestSupport.within(late, () -> core.getStats())).getCode())
          .isEqualTo(Code.DEADLINE_EXCEEDED_VALUE);
    } finally {
      timers.shutdownNow();
      core.close();
    }

    assertThat(core.liveBuffers()).isZero();
  }
}
