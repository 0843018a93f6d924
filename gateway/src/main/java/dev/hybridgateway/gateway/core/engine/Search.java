package dev.hybridgateway.gateway.core.engine;

import com.google.protobuf.Internal;
import dev.hybridgateway.core.v1.ErrorReason;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.Vector;
import java.util.List;

/**
 * Search: exact top-k of a batch of queries over a resident collection (hotpath-core's {@code
 * search.rs}). Validation order: the proto's structural rules (all reported together), then
 * NOT_FOUND, then the metric and dims against the collection, then cosine normalization of the
 * queries; then the scan, under the collection's read lock.
 */
final class Search {
  /** Most queries of one Search. */
  static final int MAX_QUERIES = 1024;

  /** Largest k. */
  static final long MAX_K = 1000;

  /** Most ids of an allow-list filter. */
  static final int MAX_FILTER_IDS = 100_000;

  private Search() {}

  static SearchResponse run(JavaEngine engine, SearchRequest req, StopSignal stop) {
    JavaEngine.Timed<Scan.Scanned> scanned = engine.computeCall(() -> scan(engine, req, stop));
    return SearchResponse.newBuilder()
        .addAllResults(scanned.value().hits())
        .setTiming(scanned.timing())
        .setVectorsScanned(scanned.value().vectorsScanned())
        .build();
  }

  private static Scan.Scanned scan(JavaEngine engine, SearchRequest req, StopSignal stop) {
    Violations v = new Violations();
    v.collectionName("collection", req.getCollection());
    if (v.count("queries", req.getQueriesCount(), 1, MAX_QUERIES)) {
      v.vectors("queries", req.getQueriesList());
    }
    v.range("k", Integer.toUnsignedLong(req.getK()), 1, MAX_K);
    v.metric("metric", req.getMetricValue(), false);
    if (req.hasFilter()) {
      v.count("filter.ids", req.getFilter().getIdsCount(), 1, MAX_FILTER_IDS);
    }
    v.throwIfAny();

    ResidentCollection collection = engine.acquire(req.getCollection());
    try {
      Violations against = new Violations();
      checkMetric(against, req.getMetricValue(), collection.metric);
      against.dims("queries", req.getQueriesList(), collection.dim, "the collection's dim");
      against.throwIfAny();

      float[] queries = flatten(req.getQueriesList(), collection.dim);
      prepareQueries(engine.kernel, collection.metric, queries, collection.dim);
      Scan scan =
          new Scan(
              engine.kernel,
              collection.metric == Metric.METRIC_L2,
              req.getK(),
              stop,
              engine.counters);
      CollectionData data = collection.lockRead();
      try {
        Rows rows =
            req.hasFilter()
                ? Rows.selected(data, data.rowsOf(toArray(req.getFilter().getIdsList())))
                : Rows.all(data);
        return scan.run(queries, collection.dim, rows);
      } finally {
        collection.unlockRead();
      }
    } finally {
      collection.release();
    }
  }

  /** A request metric other than unspecified must equal the collection's. */
  private static void checkMetric(Violations v, int requested, Metric collection) {
    if (requested != Metric.METRIC_UNSPECIFIED_VALUE && requested != collection.getNumber()) {
      Metric metric = Metric.forNumber(requested);
      String name = metric == null ? "?" : metric.name();
      v.add(
          ErrorReason.INVALID_FIELD,
          "metric",
          name + " does not match the collection's " + collection.name());
    }
  }

  /**
   * Normalizes cosine queries in place (zero vectors: INVALID_FIELD on {@code queries[i].values}).
   */
  static void prepareQueries(Kernel kernel, Metric metric, float[] queries, int dim) {
    if (metric != Metric.METRIC_COSINE) {
      return;
    }
    Violations v = new Violations();
    for (int i = 0; i * dim < queries.length; i++) {
      String why = kernel.normalize(queries, i * dim, dim);
      if (why != null) {
        v.add(ErrorReason.INVALID_FIELD, "queries[" + i + "].values", why);
      }
    }
    v.throwIfAny();
  }

  /** The vectors as one row-major array (each has {@code dim} values, checked before). */
  static float[] flatten(List<Vector> vectors, int dim) {
    float[] flat = new float[vectors.size() * dim];
    for (int i = 0; i < vectors.size(); i++) {
      Vector vector = vectors.get(i);
      for (int d = 0; d < dim; d++) {
        flat[i * dim + d] = vector.getValues(d);
      }
    }
    return flat;
  }

  /** A repeated uint64 field as an array (without boxing when it is protobuf's LongList). */
  static long[] toArray(List<Long> ids) {
    long[] out = new long[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids instanceof Internal.LongList longs ? longs.getLong(i) : ids.get(i);
    }
    return out;
  }
}
