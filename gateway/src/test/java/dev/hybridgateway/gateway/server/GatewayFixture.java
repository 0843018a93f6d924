package dev.hybridgateway.gateway.server;

import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The whole chain for end-to-end tests: a real Rust core process, a {@link GrpcCoreClient} to it,
 * a {@link GatewayServer} on a free loopback port over that client, and a channel to the gateway.
 */
final class GatewayFixture implements AutoCloseable {
  final RustCoreServer core;
  final GrpcCoreClient coreClient;
  final GatewayServer gateway;
  final ManagedChannel channel;
  private final ManagedChannel coreChannel;

  private GatewayFixture(
      RustCoreServer core,
      ManagedChannel coreChannel,
      GrpcCoreClient coreClient,
      GatewayServer gateway,
      ManagedChannel channel) {
    this.core = core;
    this.coreChannel = coreChannel;
    this.coreClient = coreClient;
    this.gateway = gateway;
    this.channel = channel;
  }

  /** Starts everything; the gateway reports SERVING when {@code serving}. */
  static GatewayFixture start(DeadlinePolicy policy, boolean serving, String... coreArgs)
      throws IOException {
    RustCoreServer core = RustCoreServer.start(coreArgs);
    ManagedChannel coreChannel = CoreChannelBuilder.forTarget("127.0.0.1:" + core.port()).build();
    GrpcCoreClient coreClient = GrpcCoreClient.of(coreChannel);
    GatewayServer gateway =
        GatewayServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .core(coreClient)
            .deadlinePolicy(policy)
            .unauthenticated()
            .start();
    if (serving) {
      gateway.markServing();
    }
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
    return new GatewayFixture(core, coreChannel, coreClient, gateway, channel);
  }

  SearchServiceGrpc.SearchServiceBlockingStub search() {
    return SearchServiceGrpc.newBlockingStub(channel);
  }

  CollectionServiceGrpc.CollectionServiceBlockingStub collections() {
    return CollectionServiceGrpc.newBlockingStub(channel);
  }

  /** The Rust core's work counters, read directly (not through the gateway). */
  EngineStats coreStats() {
    return coreClient.getStats().join().response();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    gateway.close();
    coreClient.close();
    coreChannel.shutdownNow();
    core.close();
  }
}
