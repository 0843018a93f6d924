package dev.hybridgateway.bench.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The standard workloads, each chosen to expose one cost of the edge-plus-core split.
 *
 * <ul>
 *   <li>{@code search-small}: 1 query, k = 10, over 100,000 × 384 resident vectors: small request,
 *       heavy scan; the core's speed dominates.
 *   <li>{@code search-batch}: 32 queries in one request over the same collection: more compute per
 *       call, a 49 KB request.
 *   <li>{@code rerank-large}: 1 query against 1,000 × 384 inline candidates (1.5 MB request),
 *       light compute: serialization and copies across the boundary dominate.
 *   <li>{@code tiny}: the request of search-small over 1,000 vectors: the scan is nearly free, so
 *       what remains is per-call overhead of the transport.
 * </ul>
 *
 * @param poolSize distinct prebuilt requests, cycled by request index
 */
public enum Scenario {
  SEARCH_SMALL("search-small", Kind.SEARCH, "bench-100k-384", 100_000, 384, 1, 10, 64),
  SEARCH_BATCH("search-batch", Kind.SEARCH, "bench-100k-384", 100_000, 384, 32, 10, 16),
  RERANK_LARGE("rerank-large", Kind.RERANK, "", 1_000, 384, 1, 10, 4),
  TINY("tiny", Kind.SEARCH, "bench-1k-384", 1_000, 384, 1, 10, 64);

  /** Which core method a scenario calls. */
  public enum Kind {
    SEARCH,
    RERANK
  }

  /** Seed of the synthetic collections the scenarios create (that of the demo collection). */
  public static final long COLLECTION_SEED = 42;

  private final String id;
  private final Kind kind;
  private final String collection;
  private final int vectors;
  private final int dim;
  private final int queries;
  private final int k;
  private final int poolSize;

  Scenario(
      String id, Kind kind, String collection, int vectors, int dim, int queries, int k,
      int poolSize) {
    this.id = id;
    this.kind = kind;
    this.collection = collection;
    this.vectors = vectors;
    this.dim = dim;
    this.queries = queries;
    this.k = k;
    this.poolSize = poolSize;
  }

  /** Parses an id such as {@code search-small}; the error lists the choices. */
  public static Scenario of(String id) {
    for (Scenario scenario : values()) {
      if (scenario.id.equals(id)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '" + id + "': expected one of "
            + Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", ")));
  }

  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  /** Default collection of a search scenario; empty for rerank. */
  public String collection() {
    return collection;
  }

  /** Vectors of the collection (search) or inline candidates per request (rerank). */
  public int vectors() {
    return vectors;
  }

  public int dim() {
    return dim;
  }

  /** Queries per request. */
  public int queries() {
    return queries;
  }

  public int k() {
    return k;
  }

  public int poolSize() {
    return poolSize;
  }
}
