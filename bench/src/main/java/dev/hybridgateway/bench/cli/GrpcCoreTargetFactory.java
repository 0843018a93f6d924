package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.scenario.CollectionSetup;
import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.bench.scenario.Workload;
import dev.hybridgateway.bench.targets.GrpcCoreTarget;
import dev.hybridgateway.core.v1.GetStatsRequest;
import dev.hybridgateway.core.v1.HotPathGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens {@code grpc-core}: plaintext HTTP/2 channels to hotpath-server, a preflight
 * {@code GetStats} call, and the scenario's collection (created from synthetic data when missing).
 */
final class GrpcCoreTargetFactory implements TargetFactory {
  @Override
  public LoadTarget open(
      String name, TargetOptions options, Scenario scenario, Workload workload, Closer closer) {
    List<ManagedChannel> channels =
        Channels.open(options.address().host(), options.address().port(), options.connections(), closer);
    try {
      HotPathGrpc.newBlockingStub(channels.get(0))
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .getStats(GetStatsRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw new IllegalStateException(
          "cannot reach hotpath-server at " + options.address() + ": " + e.getStatus()
              + " (start it with ./hybrid up, or hotpath-server --listen " + options.address()
              + ")", e);
    }
    if (scenario.kind() == Scenario.Kind.SEARCH && options.createCollection()) {
      new CollectionSetup(channels.get(0)).ensure(scenario, options.collection());
    }
    return new GrpcCoreTarget(name, channels, workload);
  }
}
