package dev.hybridgateway.bench.support;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A real grpc-java server on 127.0.0.1 with a free port, and a plaintext channel to it: the
 * tests load a real HTTP/2 stack on loopback, never a mock.
 */
public final class LoopbackServer implements AutoCloseable {
  private final Server server;
  private final ManagedChannel channel;

  private LoopbackServer(Server server) {
    this.server = server;
    this.channel =
        NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
            .usePlaintext()
            .directExecutor()
            .build();
  }

  public static LoopbackServer start(BindableService service) throws IOException {
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(service)
            .build()
            .start();
    return new LoopbackServer(server);
  }

  public ManagedChannel channel() {
    return channel;
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
