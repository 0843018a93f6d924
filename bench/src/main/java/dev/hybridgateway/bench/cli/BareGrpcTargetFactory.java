package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.bench.scenario.Workload;
import dev.hybridgateway.bench.targets.BareSearchServer;
import dev.hybridgateway.bench.targets.GatewayGrpcTarget;
import dev.hybridgateway.bench.targets.GatewayHeaders;
import dev.hybridgateway.bench.targets.GatewayWorkload;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens {@code bare-grpc}: starts a {@link BareSearchServer} in the generator's JVM on loopback
 * and loads it with the gateway gRPC target's own client code, so the two differ only by what
 * answers. Its maximum rate is the yardstick of the gateway's (P4). {@code --address} is not
 * used.
 */
final class BareGrpcTargetFactory implements TargetFactory {
  @Override
  public LoadTarget open(
      String name, TargetOptions options, Scenario scenario, Workload workload, Closer closer) {
    BareSearchServer server;
    try {
      server = closer.register(BareSearchServer.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the bare grpc-java server", e);
    }
    List<ManagedChannel> channels =
        Channels.open("127.0.0.1", server.port(), options.connections(), closer);
    GatewayWorkload requests = GatewayWorkload.of(workload);
    // One call first, so that the connection (and, on a busy machine, class loading) is not
    // paid by the first measured requests.
    SearchServiceGrpc.SearchServiceBlockingStub stub =
        SearchServiceGrpc.newBlockingStub(channels.get(0)).withDeadlineAfter(30, TimeUnit.SECONDS);
    switch (requests) {
      case GatewayWorkload.Search search -> stub.search(search.request(0));
      case GatewayWorkload.Rerank rerank -> stub.rerank(rerank.request(0));
    }
    return new GatewayGrpcTarget(name, channels, requests, new GatewayHeaders(null, null));
  }
}
