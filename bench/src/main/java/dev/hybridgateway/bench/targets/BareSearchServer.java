package dev.hybridgateway.bench.targets;

import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.ScoredId;
import dev.hybridgateway.gateway.v1.RerankRequest;
import dev.hybridgateway.gateway.v1.RerankResponse;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A bare grpc-java server (Netty, default executor, {@code 127.0.0.1:0}) serving the gateway's
 * {@code SearchService} with a fixed answer of k = 10 neighbours per query and no other work: no
 * auth, validation, routing or core. It parses the same request bytes the gateway parses, so its
 * maximum rate is the ceiling of a grpc-java service on this machine, the yardstick of P4's
 * "gateway throughput ≥ 50 % of a bare grpc-java server measured in the same run".
 */
public final class BareSearchServer implements AutoCloseable {
  private static final Neighbors TOP_10 = topTen();

  private final Server server;

  private BareSearchServer(Server server) {
    this.server = server;
  }

  /** Starts the server on an ephemeral loopback port. */
  public static BareSearchServer start() throws IOException {
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .maxInboundMessageSize(64 << 20)
            .addService(new FixedSearchService())
            .build()
            .start();
    return new BareSearchServer(server);
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  private static Neighbors topTen() {
    Neighbors.Builder hits = Neighbors.newBuilder();
    for (int i = 0; i < 10; i++) {
      hits.addHits(ScoredId.newBuilder().setId(i).setScore(1f - i / 16f));
    }
    return hits.build();
  }

  private static final class FixedSearchService extends SearchServiceGrpc.SearchServiceImplBase {
    @Override
    public void search(SearchRequest request, StreamObserver<SearchResponse> response) {
      SearchResponse.Builder reply = SearchResponse.newBuilder();
      for (int q = 0; q < request.getQueriesCount(); q++) {
        reply.addResults(TOP_10);
      }
      response.onNext(reply.build());
      response.onCompleted();
    }

    @Override
    public void rerank(RerankRequest request, StreamObserver<RerankResponse> response) {
      RerankResponse.Builder reply = RerankResponse.newBuilder();
      for (int q = 0; q < request.getQueriesCount(); q++) {
        reply.addResults(TOP_10);
      }
      response.onNext(reply.build());
      response.onCompleted();
    }
  }
}
