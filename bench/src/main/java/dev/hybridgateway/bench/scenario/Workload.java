package dev.hybridgateway.bench.scenario;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * The prebuilt requests of a scenario, cycled by request index: request {@code i} is
 * {@code requests.get(i % size)}. Built before the run so that payload generation never competes
 * with sending, and from a seed so that every target gets the same bytes in the same order.
 * Targets switch on the two shapes:
 *
 * <pre>{@code
 * switch (workload) {
 *   case Workload.Search search -> stub.search(search.request(index));
 *   case Workload.Rerank rerank -> stub.rerank(rerank.request(index));
 * }
 * }</pre>
 */
public sealed interface Workload {

  /** The scenario id, e.g. {@code search-small}. */
  String scenario();

  /** Search requests over a resident collection. */
  record Search(String scenario, List<SearchRequest> requests) implements Workload {
    public Search {
      requireNonNull(scenario, "scenario");
      requests = List.copyOf(requests);
    }

    public SearchRequest request(long index) {
      return requests.get((int) Math.floorMod(index, (long) requests.size()));
    }
  }

  /** Rerank requests with inline candidates. */
  record Rerank(String scenario, List<RerankRequest> requests) implements Workload {
    public Rerank {
      requireNonNull(scenario, "scenario");
      requests = List.copyOf(requests);
    }

    public RerankRequest request(long index) {
      return requests.get((int) Math.floorMod(index, (long) requests.size()));
    }
  }

  /**
   * Builds the requests of {@code scenario} from {@code seed}; search scenarios target
   * {@code collection} (cosine, the collection's metric).
   */
  static Workload of(Scenario scenario, String collection, long seed) {
    requireNonNull(scenario, "scenario");
    requireNonNull(collection, "collection");
    SplitMix64 random = new SplitMix64(seed);
    if (scenario.kind() == Scenario.Kind.SEARCH) {
      List<SearchRequest> requests = new ArrayList<>();
      for (int r = 0; r < scenario.poolSize(); r++) {
        requests.add(
            SearchRequest.newBuilder()
                .setCollection(collection)
                .setK(scenario.k())
                .addAllQueries(vectors(random, scenario.queries(), scenario.dim()))
                .build());
      }
      return new Search(scenario.id(), requests);
    }
    List<RerankRequest> requests = new ArrayList<>();
    for (int r = 0; r < scenario.poolSize(); r++) {
      requests.add(
          RerankRequest.newBuilder()
              .setK(scenario.k())
              .setMetric(Metric.METRIC_COSINE)
              .addAllQueries(vectors(random, scenario.queries(), scenario.dim()))
              .addAllCandidates(vectors(random, scenario.vectors(), scenario.dim()))
              .build());
    }
    return new Rerank(scenario.id(), requests);
  }

  private static List<Vector> vectors(SplitMix64 random, int count, int dim) {
    List<Vector> vectors = new ArrayList<>(count);
    for (int v = 0; v < count; v++) {
      Vector.Builder vector = Vector.newBuilder();
      for (int i = 0; i < dim; i++) {
        vector.addValues(random.nextSignedUnit());
      }
      vectors.add(vector.build());
    }
    return vectors;
  }
}
