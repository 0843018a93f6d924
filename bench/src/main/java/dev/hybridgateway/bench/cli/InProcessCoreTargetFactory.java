package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.bench.scenario.Workload;
import dev.hybridgateway.bench.targets.CoreClientTarget;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.ffi.FfiConfig;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Opens an in-process core in the generator's own JVM: {@code java-core} (the pure-Java engine,
 * kernel from {@code -Dhotpath.java.kernel}, else Vector API when the module is present) or
 * {@code ffi-core} (the Rust core through Panama FFM, zero-copy fast path on). Both use their
 * default pools (one thread per core). The search scenarios' collection is created in it from
 * the same synthetic source as over gRPC (seed {@link Scenario#COLLECTION_SEED}, cosine), so
 * every transport answers the same data. {@code --address} is not used.
 */
final class InProcessCoreTargetFactory implements TargetFactory {
  private final Supplier<CoreClient> clients;

  private InProcessCoreTargetFactory(Supplier<CoreClient> clients) {
    this.clients = clients;
  }

  /** The pure-Java engine. */
  static InProcessCoreTargetFactory java() {
    return new InProcessCoreTargetFactory(() -> JavaCoreClient.builder().build());
  }

  /** The Rust core through FFM, fast path on. */
  static InProcessCoreTargetFactory ffi() {
    return new InProcessCoreTargetFactory(
        () -> FfiCoreClient.open(FfiConfig.builder().fastPath(true).build()));
  }

  @Override
  public LoadTarget open(
      String name, TargetOptions options, Scenario scenario, Workload workload, Closer closer) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().daemon().name(name + "-deadlines").unstarted(runnable));
    closer.register(scheduler::shutdownNow);
    CoreClient client = closer.register(clients.get());
    if (scenario.kind() == Scenario.Kind.SEARCH) {
      client
          .createCollection(
              CreateCollectionRequest.newBuilder()
                  .setName(options.collection())
                  .setDim(scenario.dim())
                  .setMetric(Metric.METRIC_COSINE)
                  .setSynthetic(
                      SyntheticSource.newBuilder()
                          .setSeed(Scenario.COLLECTION_SEED)
                          .setCount(scenario.vectors()))
                  .build())
          .join();
    }
    return new CoreClientTarget(name, client, workload, scheduler);
  }
}
