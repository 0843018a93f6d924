package dev.hybridgateway.bench.jmh;

import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1: GB/s of vectors scanned by one thread — one query, k = 10, dot product, dim 384, over a
 * collection far larger than cache (270,000 vectors ≈ 415 MB by default). Rust goes through the
 * FFI fast path ({@code hotpath_search_f32}); the Java engine runs its scalar or Vector API
 * kernel. Every op is one full scan, so {@code bytes} (bytes/s) is the scan speed; compare it
 * with {@link CopyBandwidthBenchmark} of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xmx3g",
      "--enable-native-access=ALL-UNNAMED",
      "--add-modules=jdk.incubator.vector",
      "--sun-misc-unsafe-memory-access=allow"
    })
public class ScanBenchmark {
  @Param({"ffi-fast", "java-scalar", "java-vector"})
  public String engine;

  @Param("270000")
  public int vectors;

  private CoreClient client;
  private SearchRequest search;
  private long bytesPerScan;

  @Setup(Level.Trial)
  public void open() {
    client = ScanEngine.of(engine).open();
    client
        .createCollection(
            CreateCollectionRequest.newBuilder()
                .setName("scan")
                .setDim(RerankPayload.DIM)
                .setMetric(Metric.METRIC_DOT)
                .setSynthetic(SyntheticSource.newBuilder().setSeed(42).setCount(vectors))
                .build())
        .join();
    Vector.Builder query = Vector.newBuilder();
    for (int i = 0; i < RerankPayload.DIM; i++) {
      query.addValues((float) Math.sin(i));
    }
    search = SearchRequest.newBuilder().setCollection("scan").setK(10).addQueries(query).build();
    bytesPerScan = (long) vectors * RerankPayload.DIM * Float.BYTES;
  }

  @TearDown(Level.Trial)
  public void close() {
    client.close();
  }

  @Benchmark
  public Object scan(ByteCounter counter) {
    Object reply = client.search(search).join().response();
    counter.bytes += bytesPerScan;
    return reply;
  }
}
