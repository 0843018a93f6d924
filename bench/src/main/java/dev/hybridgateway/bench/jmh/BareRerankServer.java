package dev.hybridgateway.bench.jmh;

import dev.hybridgateway.core.v1.HotPathGrpc;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A bare grpc-java server (Netty, {@code 127.0.0.1:0}) that answers {@code HotPath/Rerank} with
 * an empty response and does no work: the floor of a gRPC unary round trip on this machine,
 * measured beside the Rust server with the same request bytes (it parses them, as Rust does).
 */
public final class BareRerankServer implements AutoCloseable {
  private final Server server;

  private BareRerankServer(Server server) {
    this.server = server;
  }

  /** Starts the server on an ephemeral loopback port. */
  public static BareRerankServer start() throws IOException {
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .maxInboundMessageSize(64 << 20)
            .addService(
                new HotPathGrpc.HotPathImplBase() {
                  @Override
                  public void rerank(
                      RerankRequest request, StreamObserver<RerankResponse> responseObserver) {
                    responseObserver.onNext(RerankResponse.getDefaultInstance());
                    responseObserver.onCompleted();
                  }
                })
            .build()
            .start();
    return new BareRerankServer(server);
  }

  /** HOST:PORT the server listens on. */
  public String address() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }
}
