package dev.hybridgateway.gateway.core.ffi;

import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.client;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.closeWithoutLeaks;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.detail;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.failure;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.stats;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.ListCollectionsRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A Rust panic becomes INTERNAL, the JVM lives and the engine keeps serving. */
class PanicBoundaryTest {

  @Test
  void triggerTestPanic_withTestHooks_internalAndNextCallWorks() {
    FfiCoreClient core = client(config -> config.poolSize(1));
    try {
      long caughtBefore = core.panicsCaught();

      Status status = failure(core.triggerTestPanic());

      assertThat(status.getCode()).isEqualTo(Code.INTERNAL_VALUE);
      assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo("INTERNAL_ERROR");
      assertThat(status.getDetailsList()).noneMatch(d -> d.is(DebugInfo.class));
      assertThat(core.panicsCaught()).isEqualTo(caughtBefore + 1);
      assertThat(stats(core).getPanicsCaught()).isEqualTo(1);
    } finally {
      closeWithoutLeaks(core);
    }
  }

  @Test
  void triggerTestPanic_debugEngine_debugInfoCarriesPanicMessage() {
    FfiCoreClient core = client(config -> config.poolSize(1).debug(true));
    try {
      Status status = failure(core.triggerTestPanic());

      assertThat(status.getCode()).isEqualTo(Code.INTERNAL_VALUE);
      assertThat(detail(status, DebugInfo.class).getDetail()).contains("deliberate panic");
    } finally {
      closeWithoutLeaks(core);
    }
  }

  @Test
  void triggerTestPanic_withoutTestHooks_unimplementedAndNoPanic() {
    FfiCoreClient core = client(config -> config.poolSize(1).testHooks(false));
    try {
      long caughtBefore = core.panicsCaught();

      Status status = failure(core.triggerTestPanic());

      assertThat(status.getCode()).isEqualTo(Code.UNIMPLEMENTED_VALUE);
      assertThat(core.panicsCaught()).isEqualTo(caughtBefore);
    } finally {
      closeWithoutLeaks(core);
    }
  }

  @Test
  void triggerTestPanic_manyConcurrently_allInternalAndEngineServes() {
    FfiCoreClient core = client(config -> config.poolSize(2));
    try {
      List<CompletableFuture<byte[]>> panics =
          IntStream.range(0, 40).mapToObj(i -> core.triggerTestPanic()).toList();

      List<Integer> codes = panics.stream().map(f -> failure(f).getCode()).distinct().toList();

      assertThat(codes).containsExactly(Code.INTERNAL_VALUE);
      assertThat(stats(core).getPanicsCaught()).isEqualTo(40);
      ListCollectionsRequest list = ListCollectionsRequest.getDefaultInstance();
      assertThat(core.listCollections(list).join().response().getCollectionsList()).isEmpty();
    } finally {
      closeWithoutLeaks(core);
    }
  }
}
