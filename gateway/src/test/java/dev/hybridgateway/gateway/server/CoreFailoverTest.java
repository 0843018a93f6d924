package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import dev.hybridgateway.gateway.testing.TestVectors;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import dev.hybridgateway.gateway.v1.Transport;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A real {@code hotpath-server} behind the gateway as backend {@code rust} (gRPC) with the
 * Rust engine in-process (FFI) as fallback. Killing the core (SIGKILL) opens the circuit and the
 * fallback serves every call; restarting the core on the same port brings the traffic back once
 * the circuit's (short, injected) open wait has let a probe through. No call outlives its
 * deadline by more than a small tolerance.
 */
class CoreFailoverTest {
  private static final String PRELOAD = "--preload";
  private static final String DEMO = "demo:synthetic:seed=7,count=2000,dim=16,metric=cosine";
  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private static final Duration TOLERANCE = Duration.ofMillis(500);
  private static final Duration OPEN_WAIT = Duration.ofSeconds(1);

  private static String routing(int port) {
    return """
        backends:
          rust: {type: grpc, targets: ["127.0.0.1:%d"]}
          ffi: {type: ffi}
        default_route:
          backends: [{backend: rust}]
          fallback: ffi
        """
        .formatted(port);
  }

  /** One Search through the gateway; its duration is recorded whether it succeeds or not. */
  private static SearchResponse search(
      SearchServiceGrpc.SearchServiceBlockingStub stub, List<Duration> durations) {
    long start = System.nanoTime();
    try {
      return stub.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .search(
              SearchRequest.newBuilder()
                  .setCollection("demo")
                  .addAllQueries(TestVectors.of(1, 16, 5))
                  .setK(10)
                  .build());
    } finally {
      durations.add(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static String servedBy(SearchResponse response) {
    assertThat(response.getShardsCount()).isEqualTo(1);
    return response.getShards(0).getCall().getBackend();
  }

  @Test
  void killedCore_failsOverToFfi_andTrafficReturnsAfterRestartOnSamePort() throws Exception {
    RustCoreServer core = RustCoreServer.start(PRELOAD, DEMO);
    int port = core.port();
    ManagedChannel coreChannel = CoreChannelBuilder.forTarget("127.0.0.1:" + port).build();
    GrpcCoreClient rust = GrpcCoreClient.of(coreChannel);
    FfiCoreClient ffi = FfiCoreClient.open();
    ffi.createCollection(
            CreateCollectionRequest.newBuilder()
                .setName("demo")
                .setDim(16)
                .setMetric(Metric.METRIC_COSINE)
                .setSynthetic(SyntheticSource.newBuilder().setSeed(7).setCount(2_000))
                .build())
        .join();
    BackendResilience resilience =
        BackendResilience.builder().window(4, 4).openWait(OPEN_WAIT).halfOpenCalls(1).build();
    EdgePipeline pipeline =
        EdgePipeline.builder()
            .routing(RoutingConfig.parse(routing(port), "core-failover"))
            .clients(Map.of("rust", List.of(rust), "ffi", List.of(ffi)))
            .resilience(resilience)
            .build();
    GatewayServer gateway =
        GatewayServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .pipeline(pipeline)
            .unauthenticated()
            .start();
    gateway.markServing();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
    List<Duration> durations = new CopyOnWriteArrayList<>();
    try {
      var stub = SearchServiceGrpc.newBlockingStub(channel);

      SearchResponse before = search(stub, durations);
      assertThat(servedBy(before)).isEqualTo("rust");
      assertThat(before.getShards(0).getCall().getTransport()).isEqualTo(Transport.TRANSPORT_GRPC);
      assertThat(before.getResults(0).getHitsCount()).isEqualTo(10);

      core.kill();

      // Calls fail (UNAVAILABLE) until the circuit has seen enough of them, then the fallback.
      Awaitility.await("fallback serves once the circuit opens")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(20))
          .ignoreException(StatusRuntimeException.class)
          .until(() -> servedBy(search(stub, durations)).equals("ffi"));
      assertThat(resilience.circuitStates().get()).containsEntry("rust", "open");
      for (int i = 0; i < 3; i++) {
        SearchResponse during = search(stub, durations);
        assertThat(servedBy(during)).isEqualTo("ffi");
        assertThat(during.getShards(0).getCall().getTransport())
            .isEqualTo(Transport.TRANSPORT_FFI);
        assertThat(during.getResults(0).getHitsCount()).isEqualTo(10);
      }

      core = RustCoreServer.startOn(port, PRELOAD, DEMO);

      // After the open wait a probe goes to the core; once the channel has reconnected it
      // succeeds, the circuit closes and the core serves again.
      Awaitility.await("traffic returns to the restarted core")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .ignoreException(StatusRuntimeException.class)
          .until(() -> servedBy(search(stub, durations)).equals("rust"));
      SearchResponse after = search(stub, durations);
      assertThat(servedBy(after)).isEqualTo("rust");
      assertThat(after.getResults(0).getHitsCount()).isEqualTo(10);
      assertThat(resilience.circuitStates().get()).containsEntry("rust", "closed");

      assertThat(durations).allSatisfy(d -> assertThat(d).isLessThan(DEADLINE.plus(TOLERANCE)));
    } finally {
      channel.shutdownNow();
      gateway.close();
      resilience.close();
      rust.close();
      coreChannel.shutdownNow();
      ffi.close();
      core.close();
    }
  }
}
