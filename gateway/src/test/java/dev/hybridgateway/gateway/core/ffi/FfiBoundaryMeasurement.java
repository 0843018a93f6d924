package dev.hybridgateway.gateway.core.ffi;

import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.gateway.core.CoreReply;
import io.grpc.Context;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A one-off measurement of the FFI boundary (not a test, not a benchmark harness: the JMH
 * figures of PERFORMANCE.md P2 belong to the bench module). Prints medians measured side by
 * side in one run:
 *
 * <ul>
 *   <li>the bare downcall ({@code hotpath_noop}, critical);
 *   <li>a 1000 × 384 Rerank (1 query, k 10, dot) through the client, generic vs fast path, with
 *       the core's own time and the boundary cost (client time minus core time);
 *   <li>how far past a 5 ms deadline a ~1 s search answers, and how long a cancel takes.
 * </ul>
 *
 * <pre>
 * ./mvnw -q -pl gateway test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED \
 *     -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/test.classpath) \
 *     dev.hybridgateway.gateway.core.ffi.FfiBoundaryMeasurement
 * </pre>
 */
public final class FfiBoundaryMeasurement {
  private static final int ROUNDS = 2_000;

  private FfiBoundaryMeasurement() {}

  public static void main(String[] args) {
    System.out.printf("JDK %s, %d cores%n", Runtime.version(), Runtime.getRuntime()
        .availableProcessors());
    noop(NativeLibrary.load().bindings());
    try (FfiCoreClient generic = FfiCoreClient.open(FfiConfig.builder().poolSize(1).build());
        FfiCoreClient fast =
            FfiCoreClient.open(FfiConfig.builder().poolSize(1).fastPath(true).build())) {
      rerank(generic, fast);
    }
    // Two threads: GetStats watches the scan while the search runs.
    try (FfiCoreClient core = FfiCoreClient.open(FfiConfig.builder().poolSize(2).build())) {
      stops(core);
    }
  }

  private static void noop(HotpathBindings bindings) {
    MethodHandle normal = plainNoop();
    long critical = perCall(bindings::noop);
    long plain = perCall(() -> {
      try {
        return (int) normal.invokeExact();
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    });
    System.out.printf("hotpath_noop downcall: p50 %d ns critical, %d ns without the option%n",
        critical, plain);
  }

  /** p50 ns per call of {@code call}, over batches of 10,000 after one warm-up pass. */
  private static long perCall(IntSupplier call) {
    int batch = 10_000;
    long[] perCall = new long[ROUNDS];
    for (int pass = 0; pass < 2; pass++) {
      for (int r = 0; r < ROUNDS; r++) {
        long start = System.nanoTime();
        for (int i = 0; i < batch; i++) {
          call.getAsInt();
        }
        perCall[r] = (System.nanoTime() - start) / batch;
      }
    }
    return median(perCall);
  }

  /** hotpath_noop bound without Linker.Option.critical, for comparison. */
  @SuppressWarnings("restricted")
  private static MethodHandle plainNoop() {
    SymbolLookup library = SymbolLookup.libraryLookup(NativeLibrary.load().path(), Arena.global());
    return Linker.nativeLinker().downcallHandle(
        library.find("hotpath_noop").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
  }

  private static void rerank(FfiCoreClient generic, FfiCoreClient fast) {
    SplittableRandom random = new SplittableRandom(384);
    RerankRequest.Builder builder = RerankRequest.newBuilder().setK(10).setMetric(Metric.METRIC_DOT)
        .addQueries(FfiTestSupport.randomVector(random, 384));
    for (int i = 0; i < 1000; i++) {
      builder.addCandidates(FfiTestSupport.randomVector(random, 384));
    }
    RerankRequest request = builder.build();
    long[][] client = new long[3][ROUNDS];
    long[][] core = new long[3][ROUNDS];
    long[][] compute = new long[3][ROUNDS];
    for (int pass = 0; pass < 2; pass++) { // interleaved, so every path sees the same noise
      for (int r = 0; r < ROUNDS; r++) {
        for (int path = 0; path < 2; path++) {
          CoreReply<RerankResponse> reply = (path == 0 ? generic : fast).rerank(request).join();
          client[path][r] = reply.clientNanos();
          core[path][r] = reply.coreNanos();
          compute[path][r] = reply.coreTiming().getComputeNs();
        }
        client[2][r] = generic.getStats().join().clientNanos();
      }
    }
    System.out.printf("client round trip of GetStats (thread hand-off, tiny protobuf): "
        + "p50 %.1f us%n", median(client[2]) / 1e3);
    System.out.printf("rerank 1000 x 384, 1 query, k 10 (%d KiB request), p50 over %d calls:%n",
        request.getSerializedSize() / 1024, ROUNDS);
    for (int path = 0; path < 2; path++) {
      System.out.printf(
          "  %-8s client %7.1f us  core %7.1f us (compute %6.1f us)  boundary %7.1f us%n",
          path == 0 ? "generic" : "fast", median(client[path]) / 1e3, median(core[path]) / 1e3,
          median(compute[path]) / 1e3, (median(client[path]) - median(core[path])) / 1e3);
    }
    System.out.printf("  fast / generic client time: %.2f%n",
        (double) median(client[1]) / median(client[0]));
  }

  private static void stops(FfiCoreClient core) {
    FfiTestSupport.createSynthetic(core, "long", 3, FfiTestSupport.LONG_COUNT,
        FfiTestSupport.LONG_DIM, Metric.METRIC_DOT);
    SearchRequest longSearch = FfiTestSupport.randomSearch("long", 1024, FfiTestSupport.LONG_DIM);
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    int rounds = 30;
    long[] overshoot = new long[rounds];
    long[] cancel = new long[rounds];
    try {
      for (int r = 0; r < rounds; r++) {
        Context.CancellableContext deadline =
            Context.current().withDeadlineAfter(5, TimeUnit.MILLISECONDS, timers);
        overshoot[r] = time(() -> FfiTestSupport.within(deadline, () -> core.search(longSearch)))
            - TimeUnit.MILLISECONDS.toNanos(5);
        deadline.cancel(null);
        CompletableFuture<?> running = core.search(longSearch);
        long scanned = FfiTestSupport.stats(core).getVectorsScanned();
        while (FfiTestSupport.stats(core).getVectorsScanned() == scanned) {
          Thread.onSpinWait();
        }
        long start = System.nanoTime();
        running.cancel(true);
        while (FfiTestSupport.stats(core).getInFlight() != 0) {
          Thread.onSpinWait();
        }
        cancel[r] = System.nanoTime() - start;
      }
    } finally {
      timers.shutdownNow();
    }
    System.out.printf("~1 s search: answered p50 %.1f ms after its 5 ms deadline; "
        + "scan stopped p50 %.1f ms after a cancel (%d rounds)%n",
        median(overshoot) / 1e6, median(cancel) / 1e6, rounds);
  }

  /** Nanoseconds until the call's future completes, whatever its outcome. */
  private static long time(Supplier<CompletableFuture<?>> call) {
    long start = System.nanoTime();
    call.get().handle((value, failure) -> null).join();
    return System.nanoTime() - start;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
