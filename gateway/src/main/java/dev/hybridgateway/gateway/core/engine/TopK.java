package dev.hybridgateway.gateway.core.engine;

import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.ScoredId;

/**
 * Bounded top-k selection with the canonical order of hotpath-core's {@code topk.rs}: best score
 * first (highest dot/cosine, lowest l2), ties by the smaller id (unsigned, as Rust's {@code u64}).
 *
 * <p>Scores map to an int key whose ascending order is "best first": the IEEE-754 total order of
 * the score, negated for higher-is-better metrics ({@code Float.compare} agrees), so {@code -0.0}
 * and {@code +0.0} differ. A NaN score ranks after every number under every metric and is reported
 * as the canonical quiet NaN {@code 0x7FC00000}. The heap is a max-heap of (key, id) pairs in two
 * parallel arrays: its root is the worst hit kept.
 */
final class TopK {
  /** The canonical NaN reported for scores that overflowed to NaN. */
  static final float CANONICAL_NAN = Float.intBitsToFloat(0x7FC00000);

  private final int k;
  private final int[] keys;
  private final long[] ids;
  private int size;

  TopK(int k) {
    this.k = k;
    this.keys = new int[k];
    this.ids = new long[k];
  }

  /** The ordering key of a score: lower is better. */
  static int key(float score, boolean higherIsBetter) {
    if (Float.isNaN(score)) {
      return Integer.MAX_VALUE;
    }
    int bits = Float.floatToRawIntBits(higherIsBetter ? -score : score);
    return bits ^ ((bits >> 31) >>> 1);
  }

  /** The score a key came from (inverse of {@link #key}; NaN becomes {@link #CANONICAL_NAN}). */
  static float scoreOf(int key, boolean higherIsBetter) {
    if (key == Integer.MAX_VALUE) {
      return CANONICAL_NAN;
    }
    float oriented = Float.intBitsToFloat(key ^ ((key >> 31) >>> 1));
    return higherIsBetter ? -oriented : oriented;
  }

  /** Offers one hit; kept if it is among the best {@code k} so far. */
  void offer(int key, long id) {
    if (size < k) {
      int i = size++;
      keys[i] = key;
      ids[i] = id;
      siftUp(i);
    } else if (size > 0 && worse(keys[0], ids[0], key, id)) {
      keys[0] = key;
      ids[0] = id;
      siftDown(0, size);
    }
  }

  /** The kept hits, best first. Consumes the heap. */
  Neighbors toNeighbors(boolean higherIsBetter) {
    for (int end = size - 1; end > 0; end--) {
      swap(0, end);
      siftDown(0, end);
    }
    Neighbors.Builder hits = Neighbors.newBuilder();
    for (int i = 0; i < size; i++) {
      hits.addHits(ScoredId.newBuilder().setId(ids[i]).setScore(scoreOf(keys[i], higherIsBetter)));
    }
    size = 0;
    return hits.build();
  }

  /** Whether (key1, id1) ranks after (key2, id2). */
  private static boolean worse(int key1, long id1, int key2, long id2) {
    return key1 > key2 || (key1 == key2 && Long.compareUnsigned(id1, id2) > 0);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(keys[i], ids[i], keys[parent], ids[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i, int end) {
    while (true) {
      int child = 2 * i + 1;
      if (child >= end) {
        return;
      }
      if (child + 1 < end && worse(keys[child + 1], ids[child + 1], keys[child], ids[child])) {
        child++;
      }
      if (!worse(keys[child], ids[child], keys[i], ids[i])) {
        return;
      }
      swap(i, child);
      i = child;
    }
  }

  private void swap(int a, int b) {
    int key = keys[a];
    keys[a] = keys[b];
    keys[b] = key;
    long id = ids[a];
    ids[a] = ids[b];
    ids[b] = id;
  }
}
