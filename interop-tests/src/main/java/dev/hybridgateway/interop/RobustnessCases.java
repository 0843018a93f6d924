package dev.hybridgateway.interop;

import dev.hybridgateway.gateway.testing.SharedVectorCases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import io.grpc.Status.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The ROBUSTNESS group: bad bytes, a forced panic and many concurrent calls. */
final class RobustnessCases {
  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 25;

  private RobustnessCases() {}

  /** A valid Search request cut in the middle of a length-delimited field. */
  static byte[] truncated() {
    byte[] whole = Fixtures.paritySearch().build().toByteArray();
    return Arrays.copyOf(whole, whole.length / 2);
  }

  /** A valid Search request in JSON (the REST body) cut in the middle. */
  static byte[] truncatedJson() {
    String json = "{\"k\": 5, \"queries\": [{\"values\": [0.25, 0.25, 0.25, 0.25]}]}";
    return json.substring(0, json.length() / 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Bytes that are no protobuf at all (0xFF: field number 0x0FFFFFFF… with wire type 7). */
  static byte[] garbage() {
    byte[] bytes = new byte[64];
    Arrays.fill(bytes, (byte) 0xFF);
    return bytes;
  }

  /**
   * The code every transport answers for undecodable request bytes: INVALID_ARGUMENT, as
   * DESIGN.md's error table says (the Rust server's codec maps tonic's decode failure, which
   * would be INTERNAL, to the core's MALFORMED_REQUEST).
   */
  static Code badBytesCode(TargetKind kind) {
    return Code.INVALID_ARGUMENT;
  }

  /**
   * Sends {@code bytes} (over REST: {@code json}, the body) as a Search request the raw way the
   * target allows.
   */
  static void badBytesRejected(CaseContext ctx, byte[] bytes, byte[] json, String what) {
    CompletableFuture<byte[]> call = switch (ctx.target().kind()) {
      case FFI -> ctx.target().requireFfi().callRaw(CoreMethod.SEARCH.ffiId(), bytes);
      case GRPC -> RawGrpcCall.call(ctx.target().requireRawChannel(),
          CoreMethod.SEARCH.grpcMethod().getFullMethodName(), bytes);
      case GATEWAY -> RawGrpcCall.call(ctx.target().requireRawChannel(),
          "hybrid.gateway.v1.SearchService/Search", bytes);
      case REST -> restClient(ctx).rawSearch(Fixtures.PARITY, json);
      case JAVA -> throw new CaseSkipped("no bytes cross into the in-process Java engine");
    };
    Throwable failure = Outcomes.failure(call);
    assertThat(Outcomes.code(failure)).as("%s Search bytes over %s (%s)", what, ctx.target(), failure)
        .isEqualTo(badBytesCode(ctx.target().kind()));
    if (ctx.target().kind() == TargetKind.REST) {
      HttpErrorChecks.assertDocumented(failure, ctx.target());
    }
    if (ctx.target().kind() == TargetKind.GRPC) {
      assertThat(failure).as("the core's malformed-request status over %s", ctx.target())
          .hasMessageContaining("malformed request");
    }
    stillServes(ctx);
  }

  private static RestCoreClient restClient(CaseContext ctx) {
    if (ctx.core() instanceof RestCoreClient rest) {
      return rest;
    }
    throw new CaseSkipped(ctx.target() + " has no REST client for raw bodies");
  }

  /** The FFI panic hook (method id 1000): INTERNAL, and the engine keeps serving. */
  static void panicBecomesInternal(CaseContext ctx) {
    if (ctx.target().kind() == TargetKind.GRPC) {
      throw new CaseSkipped("hotpath-server serves no panic hook over gRPC (FFI method id "
          + FfiCoreClient.TEST_PANIC_METHOD + " only)");
    }
    FfiCoreClient ffi = ctx.target().requireFfi();
    if (!ctx.target().testHooks()) {
      throw new CaseSkipped("the FFI engine was opened without test hooks");
    }
    long panicsBefore = ffi.panicsCaught();
    Throwable failure = Outcomes.failure(ffi.triggerTestPanic());
    assertThat(Outcomes.code(failure)).as("a forced Rust panic over %s (%s)", ctx.target(), failure)
        .isEqualTo(Code.INTERNAL);
    assertThat(ffi.panicsCaught()).as("panics caught at the C boundary").isGreaterThan(panicsBefore);
    stillServes(ctx);
  }

  /** Many threads call at once; every answer equals the Java oracle's. */
  static void concurrentCallsCorrect(CaseContext ctx) throws Exception {
    Fixtures.ensure(ctx.oracle(), Fixtures.parity());
    Fixtures.ensure(ctx.target().setup(), Fixtures.parity());
    List<dev.hybridgateway.core.v1.SearchRequest> requests = new ArrayList<>();
    List<SearchResponse> expected = new ArrayList<>();
    for (int i = 0; i < CALLS_PER_THREAD; i++) {
      var request = Fixtures.paritySearch()
          .setQueries(0, Fixtures.vector(Fixtures.DIM, 0.01f * (i + 1) - 0.1f)).setK(1 + i).build();
      requests.add(request);
      expected.add(ctx.oracle().search(request).join().response());
    }
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        done.add(threads.submit(() -> {
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            int n = (i + offset) % CALLS_PER_THREAD;
            var actual = ctx.core().search(requests.get(n)).join().response();
            assertThat(SharedVectorCases.hits(actual.getResultsList()))
                .as("concurrent call %d over %s vs the Java engine", n, ctx.target())
                .isEqualTo(SharedVectorCases.hits(expected.get(n).getResultsList()));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * 500 FFI calls, a fifth of them failing (each failure is a Rust-owned Status buffer): every
   * buffer the core handed over is freed again, so the count of live buffers returns to where it
   * was (a leak here grows native memory on every call, invisible to the JVM heap).
   */
  static void noLeakedNativeBuffers(CaseContext ctx) {
    FfiCoreClient ffi = ctx.target().requireFfi();
    Fixtures.ensure(ffi, Fixtures.parity());
    long before = ffi.liveBuffers();
    for (int i = 0; i < 500; i++) {
      var request = i % 5 == 0
          ? Fixtures.paritySearch().setK(0).build()
          : Fixtures.paritySearch().setK(1 + i % 50).build();
      ffi.search(request).handle((r, t) -> null).join();
    }
    assertThat(ffi.liveBuffers())
        .as("Rust-owned buffers still live after 500 FFI calls (%d before)", before)
        .isEqualTo(before);
  }

  private static void stillServes(CaseContext ctx) {
    Fixtures.ensure(ctx.target().setup(), Fixtures.parity());
    assertThat(ctx.core().search(Fixtures.paritySearch().build()).join().response().getResultsCount())
        .as("a valid call after the bad one over %s", ctx.target())
        .isEqualTo(1);
  }
}
