package dev.hybridgateway.gateway.fanout;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.ScoredId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges per-shard top-k lists into the collection's top-k, in the canonical order of the cores
 * (hotpath-core's topk.rs): best score first (highest for dot and cosine, lowest for l2) under
 * the IEEE-754 total order ({@link Float#compare}: -0.0 ranks below +0.0), ties by the smaller
 * id (unsigned), NaN after every number. Shards hold disjoint ids, so the merge of their exact
 * top-k lists is exactly the top-k of the whole collection; hits are copied, never recomputed,
 * so scores stay bit-identical.
 */
public final class TopKMerge {
  private TopKMerge() {}

  /** The canonical order of hits under {@code metric} (UNSPECIFIED is refused). */
  public static Comparator<ScoredId> order(Metric metric) {
    requireNonNull(metric, "metric");
    if (metric == Metric.METRIC_UNSPECIFIED || metric == Metric.UNRECOGNIZED) {
      throw new IllegalArgumentException("the merge order needs the collection's metric");
    }
    boolean higherIsBetter = metric != Metric.METRIC_L2;
    return (a, b) -> {
      float x = a.getScore();
      float y = b.getScore();
      boolean xNan = Float.isNaN(x);
      boolean yNan = Float.isNaN(y);
      int byScore;
      if (xNan || yNan) {
        byScore = Boolean.compare(xNan, yNan);
      } else {
        byScore = higherIsBetter ? Float.compare(y, x) : Float.compare(x, y);
      }
      return byScore != 0 ? byScore : Long.compareUnsigned(a.getId(), b.getId());
    };
  }

  /** The best {@code k} hits of {@code lists} (one list per shard, for one query). */
  public static Neighbors merge(List<Neighbors> lists, int k, Metric metric) {
    Comparator<ScoredId> order = order(metric);
    List<ScoredId> all = new ArrayList<>();
    for (Neighbors list : lists) {
      all.addAll(list.getHitsList());
    }
    all.sort(order);
    return Neighbors.newBuilder().addAllHits(all.subList(0, Math.min(k, all.size()))).build();
  }
}
