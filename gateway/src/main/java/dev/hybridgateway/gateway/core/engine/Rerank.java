package dev.hybridgateway.gateway.core.engine;

import dev.hybridgateway.core.v1.ErrorReason;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.Vector;
import java.util.List;

/**
 * Rerank: exact top-k of queries over candidates sent inline (hotpath-core's {@code rerank.rs}).
 * Ids are {@code candidate_ids[j]}, or the position {@code j} when none are sent. For cosine the
 * candidates are copied and normalized, and the copy is charged against the memory budget while the
 * call runs; otherwise they are scored straight from the request.
 */
final class Rerank {
  /** Most queries of one Rerank. */
  static final int MAX_QUERIES = 64;

  /** Most candidates of one Rerank. */
  static final int MAX_CANDIDATES = 100_000;

  private Rerank() {}

  static RerankResponse run(JavaEngine engine, RerankRequest req, StopSignal stop) {
    JavaEngine.Timed<Scan.Scanned> scanned = engine.computeCall(() -> scan(engine, req, stop));
    return RerankResponse.newBuilder()
        .addAllResults(scanned.value().hits())
        .setTiming(scanned.timing())
        .build();
  }

  private static Scan.Scanned scan(JavaEngine engine, RerankRequest req, StopSignal stop) {
    Violations v = new Violations();
    boolean queriesOk = v.count("queries", req.getQueriesCount(), 1, MAX_QUERIES);
    boolean candidatesOk = v.count("candidates", req.getCandidatesCount(), 1, MAX_CANDIDATES);
    checkCandidateIds(v, req.getCandidateIdsCount(), req.getCandidatesCount());
    v.range("k", Integer.toUnsignedLong(req.getK()), 1, Search.MAX_K);
    Metric metric = v.metric("metric", req.getMetricValue(), true);
    if (queriesOk) {
      v.vectors("queries", req.getQueriesList());
    }
    if (candidatesOk) {
      v.vectors("candidates", req.getCandidatesList());
    }
    v.throwIfAny();

    int dim = req.getQueries(0).getValuesCount();
    Violations dims = new Violations();
    dims.dims("queries", req.getQueriesList(), dim, "the dimension of queries[0]");
    dims.dims("candidates", req.getCandidatesList(), dim, "the dimension of queries[0]");
    dims.throwIfAny();

    float[] queries = Search.flatten(req.getQueriesList(), dim);
    Search.prepareQueries(engine.kernel, metric, queries, dim);
    long[] ids = req.getCandidateIdsCount() == 0 ? null : Search.toArray(req.getCandidateIdsList());
    Scan scan =
        new Scan(engine.kernel, metric == Metric.METRIC_L2, req.getK(), stop, engine.counters);
    if (metric != Metric.METRIC_COSINE) {
      return scan.run(queries, dim, Rows.inline(req.getCandidatesList(), ids));
    }
    List<Vector> candidates = req.getCandidatesList();
    // The normalized copy is charged while the call runs.
    try (MemoryBudget.Reservation _ = engine.budget.reserve((long) candidates.size() * dim * 4)) {
      float[] flat = normalizedCandidates(engine.kernel, candidates, dim);
      return scan.run(queries, dim, Rows.flat(flat, dim, ids));
    }
  }

  /**
   * Copies and normalizes candidates (zero vectors: INVALID_FIELD on {@code candidates[j].values}).
   */
  private static float[] normalizedCandidates(Kernel kernel, List<Vector> candidates, int dim) {
    float[] flat = Search.flatten(candidates, dim);
    Violations v = new Violations();
    for (int j = 0; j < candidates.size(); j++) {
      String why = kernel.normalize(flat, j * dim, dim);
      if (why != null) {
        v.add(ErrorReason.INVALID_FIELD, "candidates[" + j + "].values", why);
        if (v.isFull()) {
          break;
        }
      }
    }
    v.throwIfAny();
    return flat;
  }

  /** {@code candidate_ids} is empty or has one id per candidate (at most 100,000). */
  private static void checkCandidateIds(Violations v, int ids, int candidates) {
    if (ids > MAX_CANDIDATES) {
      v.count("candidate_ids", ids, 0, MAX_CANDIDATES);
    } else if (ids != 0 && ids != candidates) {
      v.add(
          ErrorReason.INVALID_FIELD,
          "candidate_ids",
          "must be empty or have one id per candidate (" + candidates + "), has " + ids);
    }
  }
}
