package dev.hybridgateway.interop;

import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The long FFI run of {@link NativeMemoryCases}, as the {@code main} of a child JVM whose heap is
 * small, fixed and pre-touched, so that its resident set moves only with native memory (and the
 * JVM's non-heap pools, which it reports to be subtracted). Prints one line:
 * {@code rss-before=KiB rss-after=KiB jvm-before=KiB jvm-after=KiB live-buffers=N millis=N}.
 *
 * <p>The calls, a third each: searches with ~20 KB responses (k 1,000, two queries), reranks with
 * 32 KB requests (512 candidates), searches failing with INVALID_ARGUMENT (a Rust-owned Status
 * buffer each).
 */
public final class NativeMemoryProbe {
  private static final Path STATUS = Path.of("/proc/self/status");

  private NativeMemoryProbe() {}

  /** {@code args}: warm-up calls, measured calls. */
  public static void main(String[] args) throws IOException {
    int warmUp = Integer.parseInt(args[0]);
    int calls = Integer.parseInt(args[1]);
    try (FfiCoreClient ffi = FfiCoreClient.open()) {
      Fixtures.ensure(ffi, Fixtures.parity());
      SearchRequest search = Fixtures.paritySearch().clearQueries().setK(1_000)
          .addQueries(Fixtures.vector(Fixtures.DIM, 0.25f))
          .addQueries(Fixtures.vector(Fixtures.DIM, -0.5f))
          .build();
      RerankRequest.Builder rerank = RerankRequest.newBuilder().setK(10)
          .setMetric(Metric.METRIC_L2).addQueries(Fixtures.vector(Fixtures.DIM, 0.5f));
      for (int i = 0; i < 512; i++) {
        rerank.addCandidates(Fixtures.vector(Fixtures.DIM, i / 512f));
      }
      RerankRequest rerankRequest = rerank.build();
      SearchRequest failing = search.toBuilder().setK(0).build();

      run(ffi, search, rerankRequest, failing, warmUp);
      long rssBefore = residentKib();
      long jvmBefore = jvmCommittedKib();
      long start = System.nanoTime();
      run(ffi, search, rerankRequest, failing, calls);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("rss-before=%d rss-after=%d jvm-before=%d jvm-after=%d live-buffers=%d"
              + " millis=%d%n", rssBefore, residentKib(), jvmBefore, jvmCommittedKib(),
          ffi.liveBuffers(), millis);
    }
  }

  private static void run(FfiCoreClient ffi, SearchRequest search, RerankRequest rerank,
      SearchRequest failing, int calls) {
    for (int i = 0; i < calls; i++) {
      CompletableFuture<?> call = switch (i % 3) {
        case 0 -> ffi.search(search);
        case 1 -> ffi.rerank(rerank);
        default -> ffi.search(failing);
      };
      call.handle((r, t) -> null).join();
    }
  }

  /** VmRSS of this process, KiB. */
  private static long residentKib() throws IOException {
    System.gc();
    for (String line : Files.readAllLines(STATUS)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in " + STATUS);
  }

  /** Heap plus non-heap memory the JVM has committed, KiB. */
  private static long jvmCommittedKib() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    return (memory.getHeapMemoryUsage().getCommitted()
        + memory.getNonHeapMemoryUsage().getCommitted()) / 1024;
  }
}
