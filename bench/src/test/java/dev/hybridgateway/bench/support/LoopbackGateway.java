package dev.hybridgateway.bench.support;

import dev.hybridgateway.gateway.admission.TenantRateLimiter;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.ffi.FfiConfig;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.rest.RestServer;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.server.EdgePipeline;
import dev.hybridgateway.gateway.server.GatewayServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real gateway on loopback, assembled like the gateway process does it: gRPC server and REST
 * adapter behind the edge pipeline, dev authentication (tokens minted here), two backends — the
 * Java engine ({@code java}) and the Rust core through FFM ({@code ffi}, the default route), so
 * a pin has somewhere to go that unpinned calls never reach — and no practical rate limit.
 */
public final class LoopbackGateway implements AutoCloseable {
  private static final String ROUTING = """
      backends:
        java:
          type: java
        ffi:
          type: ffi
      routes: []
      default_route:
        name: default
        backends:
          - backend: ffi
            weight: 1
      """;

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final DevTokens tokens;
  private final GatewayServer server;
  private final RestServer rest;

  private LoopbackGateway(Path devDir) throws Exception {
    tokens = DevTokens.open(devDir);
    Authenticator authenticator = own(Authenticator.create(tokens.authConfig().build()));
    CoreClient java = own(JavaCoreClient.builder().build());
    CoreClient ffi = own(FfiCoreClient.open(FfiConfig.builder().fastPath(true).build()));
    BackendResilience resilience = own(BackendResilience.builder().build());
    EdgePipeline pipeline = EdgePipeline.builder()
        .routing(RoutingConfig.parse(ROUTING, "bench test"))
        .clients(Map.of("java", List.of(java), "ffi", List.of(ffi)))
        .resilience(resilience)
        .rateLimiter(TenantRateLimiter.builder().permitsPerSecond(1e9).burst(1_000_000_000).build())
        .build();
    server = own(GatewayServer.builder().listen(new InetSocketAddress("127.0.0.1", 0))
        .pipeline(pipeline).auth(authenticator).start());
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port())
        .usePlaintext().build();
    resources.add(channel::shutdownNow);
    rest = own(RestServer.builder().listen(new InetSocketAddress("127.0.0.1", 0))
        .gateway(channel).start());
    server.markServing();
  }

  /** Starts a gateway whose dev key lives in {@code devDir}. */
  public static LoopbackGateway start(Path devDir) throws Exception {
    return new LoopbackGateway(devDir);
  }

  /** A token of the gateway's dev key with {@code scopes}. */
  public String token(String... scopes) {
    return tokens.mint("bench", List.of(scopes), Duration.ofMinutes(10));
  }

  /** HOST:PORT of the gRPC API. */
  public String grpcAddress() {
    return "127.0.0.1:" + server.port();
  }

  /** HOST:PORT of the REST API. */
  public String restAddress() {
    return "127.0.0.1:" + rest.port();
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.add(resource);
    return resource;
  }

  @Override
  public void close() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }
}
