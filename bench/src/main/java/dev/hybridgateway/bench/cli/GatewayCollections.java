package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.CreateCollectionRequest;
import dev.hybridgateway.gateway.v1.GetCollectionRequest;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a search scenario's collection exists behind the gateway's gRPC API, creating it
 * from the scenario's synthetic source when missing. Called once per backend a run reaches: with
 * the pin's headers (the pinned backend), then without a pin (the backend the routing table
 * chooses, which the gateway also asks for the collection's dimension when it validates).
 */
final class GatewayCollections {
  private static final long TIMEOUT_SECONDS = 120;

  private GatewayCollections() {}

  static Collection ensure(
      Channel channel, ClientInterceptor headers, Scenario scenario, String collection) {
    CollectionServiceGrpc.CollectionServiceBlockingStub stub =
        CollectionServiceGrpc.newBlockingStub(channel).withInterceptors(headers);
    try {
      Collection found = stub.withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .getCollection(GetCollectionRequest.newBuilder().setName(collection).build());
      if (found.getDim() != scenario.dim()) {
        throw new IllegalStateException(
            "collection '" + collection + "' has dim " + found.getDim() + ", scenario "
                + scenario.id() + " needs " + scenario.dim());
      }
      return found;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
    return stub.withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .createCollection(
            CreateCollectionRequest.newBuilder()
                .setName(collection)
                .setDim(scenario.dim())
                .setMetric(Metric.METRIC_COSINE)
                .setSynthetic(SyntheticSource.newBuilder()
                    .setSeed(Scenario.COLLECTION_SEED).setCount(scenario.vectors()))
                .build());
  }
}
