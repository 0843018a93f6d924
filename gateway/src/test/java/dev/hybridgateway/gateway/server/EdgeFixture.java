package dev.hybridgateway.gateway.server;

import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.admission.TenantRateLimiter;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.testing.Bearer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway as the process runs it, on a loopback port: dev-token auth, a rate limit of 3
 * requests per tenant that never refills (a frozen clock), and two backends: {@code sharded}, two
 * in-process Java engines (the default route), and {@code rust}, the Rust core in-process over
 * FFI holding each collection whole (reached only through the admin override). {@code whole} is
 * an unsharded Java engine outside the gateway, the reference for merged results.
 *
 * <p>Collections: {@code vec} (2,000 × 16, cosine) everywhere; {@code half} only on shard 0 of
 * {@code sharded}, so its shard 1 answers NOT_FOUND.
 */
final class EdgeFixture implements AutoCloseable {
  static final int BURST = 3;
  private static final String ROUTING =
      """
      backends:
        sharded:
          type: java
          shards: 2
        rust:
          type: ffi
      collections:
        vec:
          shards: 2
      routes: []
      default_route:
        name: default
        backends:
          - backend: sharded
            weight: 100
      """;

  final JavaCoreClient whole = JavaCoreClient.builder().build();
  private final JavaCoreClient shard0 = JavaCoreClient.builder().build();
  private final JavaCoreClient shard1 = JavaCoreClient.builder().build();
  private final FfiCoreClient rust = FfiCoreClient.open();
  private final BackendResilience resilience = BackendResilience.builder().build();
  final DevTokens tokens;
  private final Authenticator authenticator;
  final GatewayServer gateway;
  final ManagedChannel channel;

  EdgeFixture(Path devDir) throws IOException {
    create(whole, "vec", 0, 1);
    create(rust, "vec", 0, 1);
    create(shard0, "vec", 0, 2);
    create(shard1, "vec", 1, 2);
    create(shard0, "half", 0, 2);
    tokens = DevTokens.open(devDir);
    authenticator = Authenticator.create(tokens.authConfig().build());
    EdgePipeline pipeline =
        EdgePipeline.builder()
            .routing(RoutingConfig.parse(ROUTING, "edge-fixture"))
            .clients(Map.of("sharded", List.of(shard0, shard1), "rust", List.of(rust)))
            .resilience(resilience)
            .rateLimiter(TenantRateLimiter.builder().burst(BURST).ticker(() -> 0L).build())
            .build();
    gateway =
        GatewayServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .pipeline(pipeline)
            .auth(authenticator)
            .start();
    gateway.markServing();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
  }

  /** Credentials of a fresh token for {@code tenant} with {@code scopes}. */
  Bearer bearer(String tenant, String... scopes) {
    return Bearer.of(tokens.mint(tenant, List.of(scopes), Duration.ofMinutes(5)));
  }

  private static void create(CoreClient core, String name, int index, int count) {
    var request =
        CreateCollectionRequest.newBuilder()
            .setName(name)
            .setDim(16)
            .setMetric(Metric.METRIC_COSINE)
            .setSynthetic(SyntheticSource.newBuilder().setSeed(7).setCount(2_000));
    if (count > 1) {
      request.setShard(ShardSpec.newBuilder().setIndex(index).setCount(count));
    }
    core.createCollection(request.build()).join();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    gateway.close();
    authenticator.close();
    resilience.close();
    for (CoreClient client : List.of(whole, shard0, shard1, rust)) {
      client.close();
    }
  }
}
