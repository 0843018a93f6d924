package dev.hybridgateway.bench.targets;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.bench.scenario.Workload;
import dev.hybridgateway.gateway.v1.RerankRequest;
import dev.hybridgateway.gateway.v1.SearchRequest;
import java.util.List;

/**
 * The requests of a {@link Workload} in the gateway's public API ({@code hybrid.gateway.v1}):
 * the same queries, candidates, k and collection, converted once before the run so the targets
 * send the very payloads the core targets send, without per-request conversion.
 */
public sealed interface GatewayWorkload {

  /** Request {@code index} (cycled, as in {@link Workload}). */
  Message request(long index);

  /** Search requests; {@link #collection()} is the collection every request names. */
  record Search(String collection, List<SearchRequest> requests) implements GatewayWorkload {
    public Search {
      requireNonNull(collection, "collection");
      requests = List.copyOf(requests);
    }

    @Override
    public SearchRequest request(long index) {
      return requests.get((int) Math.floorMod(index, (long) requests.size()));
    }
  }

  /** Rerank requests with inline candidates. */
  record Rerank(List<RerankRequest> requests) implements GatewayWorkload {
    public Rerank {
      requests = List.copyOf(requests);
    }

    @Override
    public RerankRequest request(long index) {
      return requests.get((int) Math.floorMod(index, (long) requests.size()));
    }
  }

  /** Converts every request of {@code workload}. */
  static GatewayWorkload of(Workload workload) {
    return switch (requireNonNull(workload, "workload")) {
      case Workload.Search search ->
          new Search(
              search.request(0).getCollection(),
              search.requests().stream()
                  .map(r -> SearchRequest.newBuilder().setCollection(r.getCollection())
                      .setK(r.getK()).addAllQueries(r.getQueriesList()).build())
                  .toList());
      case Workload.Rerank rerank ->
          new Rerank(
              rerank.requests().stream()
                  .map(r -> RerankRequest.newBuilder().setK(r.getK()).setMetric(r.getMetric())
                      .addAllQueries(r.getQueriesList()).addAllCandidates(r.getCandidatesList())
                      .build())
                  .toList());
    };
  }
}
