package dev.hybridgateway.gateway.core.ffi;

import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.LONG_COUNT;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.LONG_DIM;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.client;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.detail;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Engine and client lifetimes: no use after close, no double free, clean failures on close. */
class ClientLifecycleTest {

  @Test
  void engineClose_twice_isHarmless() {
    NativeEngine engine = NativeEngine.open(NativeLibrary.load(), EngineOptions.defaults());

    engine.close();
    engine.close();

    assertThat(engine.isClosed()).isTrue();
    assertThat(engine.acquire()).as("a closed engine refuses new calls").isFalse();
  }

  @Test
  void engineClose_whileCallHoldsIt_engineServesUntilReleased() {
    NativeEngine engine = NativeEngine.open(NativeLibrary.load(), EngineOptions.defaults());
    assertThat(engine.acquire()).isTrue();

    engine.close();

    assertThat(engine.isClosed()).isTrue();
    try (Arena arena = Arena.ofConfined()) {
      // The engine is still alive for the call that holds it: GetStats answers OK.
      MemorySegment out = arena.allocate(HotpathLayouts.BUFFER);
      int code = engine.bindings().call(engine.pointer(), 8, MemorySegment.NULL, 0, -1L,
          MemorySegment.NULL, MemorySegment.NULL, 0, out);
      engine.bindings().bufferFree(out);
      assertThat(code).isZero();
    }
    engine.release();
    assertThat(engine.acquire()).isFalse();
  }

  @Test
  void call_afterClose_unavailableClientClosed() {
    FfiCoreClient core = client(config -> config.poolSize(1));
    assertThat(core.transport()).isEqualTo(Transport.FFI);
    core.close();
    core.close();

    Status status = failure(core.getStats());

    assertThat(status.getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
    assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo("CLIENT_CLOSED");
  }

  @Test
  void close_withCallsRunningAndQueued_failsThemAndStopsTheScan() {
    FfiCoreClient core = client(config -> config.poolSize(1));
    FfiTestSupport.createSynthetic(core, "long", 5, LONG_COUNT, LONG_DIM, Metric.METRIC_DOT);
    SearchRequest longSearch = FfiTestSupport.randomSearch("long", 1024, LONG_DIM);
    CompletableFuture<CoreReply<SearchResponse>> running = core.search(longSearch);
    await().until(() -> core.activeCalls() == 1);
    CompletableFuture<CoreReply<SearchResponse>> queued = core.search(longSearch);

    core.close();

    assertThat(failure(running).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
    assertThat(failure(queued).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
    assertThat(core.activeCalls()).isZero();
    assertThat(core.liveBuffers()).isZero();
  }
}
