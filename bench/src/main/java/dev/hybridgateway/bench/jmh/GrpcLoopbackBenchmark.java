package dev.hybridgateway.bench.jmh;

import dev.hybridgateway.core.v1.HotPathGrpc;
import dev.hybridgateway.core.v1.RerankRequest;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
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
 * P3: one unary {@code HotPath/Rerank} round trip on loopback vs payload size, to the Rust
 * server (hotpath-server, a child process on 127.0.0.1:0; it reranks) and to a bare grpc-java
 * server in this JVM (answers empty; the floor of gRPC itself). Blocking stub, one channel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class GrpcLoopbackBenchmark {
  @Param({"rust", "grpc-java-bare"})
  public String server;

  @Param({"100", "4096", "262144", "4194304"})
  public int payloadBytes;

  private AutoCloseable process;
  private ManagedChannel channel;
  private HotPathGrpc.HotPathBlockingStub stub;
  private RerankRequest request;

  @Setup
  public void start() throws Exception {
    String address;
    if (server.equals("rust")) {
      RustServerProcess rust = RustServerProcess.start();
      process = rust;
      address = rust.address();
    } else {
      BareRerankServer bare = BareRerankServer.start();
      process = bare;
      address = bare.address();
    }
    channel =
        NettyChannelBuilder.forTarget(address)
            .usePlaintext()
            .maxInboundMessageSize(64 << 20)
            .build();
    stub = HotPathGrpc.newBlockingStub(channel);
    request = RerankPayload.of(payloadBytes);
    stub.rerank(request);
  }

  @TearDown
  public void stop() throws Exception {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    process.close();
  }

  @Benchmark
  public Object rerank() {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS).rerank(request);
  }
}
