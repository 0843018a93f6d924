package dev.hybridgateway.bench.scenario;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.HotPathGrpc;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SyntheticSource;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the collection of a search scenario is resident in a core reached over gRPC: uses
 * it when it exists with the scenario's dimension, creates it from the deterministic synthetic
 * source (seed {@link Scenario#COLLECTION_SEED}, cosine) when it does not. Runs before the load,
 * never during it.
 */
public final class CollectionSetup {
  private static final long TIMEOUT_SECONDS = 120;

  private final HotPathGrpc.HotPathBlockingStub stub;

  /** Uses {@code channel}; the caller owns and closes it. */
  public CollectionSetup(Channel channel) {
    this.stub = HotPathGrpc.newBlockingStub(requireNonNull(channel, "channel"));
  }

  /** Returns the collection's info, creating it first if missing; a wrong dim is an error. */
  public CollectionInfo ensure(Scenario scenario, String collection) {
    requireNonNull(scenario, "scenario");
    requireNonNull(collection, "collection");
    try {
      CollectionInfo info =
          stub.withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .getCollection(GetCollectionRequest.newBuilder().setName(collection).build());
      if (info.getDim() != scenario.dim()) {
        throw new IllegalStateException(
            "collection '" + collection + "' has dim " + info.getDim() + ", scenario "
                + scenario.id() + " needs " + scenario.dim());
      }
      return info;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
    CreateCollectionRequest create =
        CreateCollectionRequest.newBuilder()
            .setName(collection)
            .setDim(scenario.dim())
            .setMetric(Metric.METRIC_COSINE)
            .setSynthetic(
                SyntheticSource.newBuilder()
                    .setSeed(Scenario.COLLECTION_SEED)
                    .setCount(scenario.vectors()))
            .build();
    return stub.withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .createCollection(create)
        .getCollection();
  }
}
