package dev.hybridgateway.bench.jmh;

import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.gateway.core.CoreClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * P2: one Rerank of {@link RerankPayload} through a {@link CoreClient} vs payload size — the
 * Rust core through the generic protobuf path ({@code ffi-proto}), through the zero-copy fast
 * path ({@code ffi-fast}), and the in-JVM engine ({@code java-vector}) on the same work. Every
 * client has one compute thread; the time includes the hand-off to it, as in the gateway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--enable-native-access=ALL-UNNAMED",
      "--add-modules=jdk.incubator.vector",
      "--sun-misc-unsafe-memory-access=allow"
    })
public class BoundaryBenchmark {
  @Param({"ffi-proto", "ffi-fast", "java-vector"})
  public String path;

  @Param({"100", "4096", "262144", "4194304"})
  public int payloadBytes;

  private CoreClient client;
  private RerankRequest request;

  @Setup
  public void open() {
    client = ScanEngine.of(path).open();
    request = RerankPayload.of(payloadBytes);
    client.rerank(request).join();
  }

  @TearDown
  public void close() {
    client.close();
  }

  @Benchmark
  public Object rerank() {
    return client.rerank(request).join().response();
  }
}
