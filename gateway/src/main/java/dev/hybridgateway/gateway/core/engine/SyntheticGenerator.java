package dev.hybridgateway.gateway.core.engine;

/**
 * The deterministic clustered synthetic data generator of hotpath-core's {@code synthetic.rs}
 * (hotpath-core README, "Synthetic data"), bit for bit: integer operations and float32 add/multiply
 * only. Vectors are generated before any cosine normalization.
 */
final class SyntheticGenerator {
  /** Number of clusters used when a request asks for 0. */
  static final int DEFAULT_CLUSTERS = 16;

  /** Multiplier that derives a vector's own seed from its id. */
  static final long ID_SEED_MULTIPLIER = 0xD1B54A32D192ED03L;

  private final long seed;
  private final int dim;
  private final int clusters;

  /** {@code clusters × dim}, row-major. */
  private final float[] centroids;

  /**
   * The generator of {@code seed} with {@code clusters} clusters (0 means 16, at most 4096) of
   * {@code dim}-dimensional vectors: draws {@code centroid[c][d] = sym()} from {@code
   * SplitMix64(seed)}, cluster by cluster, dimension by dimension.
   */
  SyntheticGenerator(long seed, int clusters, int dim) {
    this.seed = seed;
    this.dim = dim;
    this.clusters = clusters == 0 ? DEFAULT_CLUSTERS : clusters;
    this.centroids = new float[this.clusters * dim];
    SplitMix64 rng = new SplitMix64(seed);
    for (int i = 0; i < centroids.length; i++) {
      centroids[i] = rng.sym();
    }
  }

  /** Bytes held by the centroids (charged while a collection is generated). */
  long centroidBytes() {
    return (long) centroids.length * 4;
  }

  /**
   * Writes vector {@code id} into {@code out[off, off+dim)}: {@code rng = SplitMix64(seed ^ (id +
   * 1) * 0xD1B54A32D192ED03)}, {@code cluster = next() % C} (unsigned), then per dimension {@code
   * noise = ((u + u) + u) + u - 2} and {@code v[d] = centroid[cluster][d] + 0.25 * noise}.
   */
  void vectorInto(long id, float[] out, int off) {
    SplitMix64 rng = new SplitMix64(seed ^ ((id + 1) * ID_SEED_MULTIPLIER));
    int cluster = (int) Long.remainderUnsigned(rng.nextLong(), clusters);
    int base = cluster * dim;
    for (int d = 0; d < dim; d++) {
      float u1 = rng.unit();
      float u2 = rng.unit();
      float u3 = rng.unit();
      float u4 = rng.unit();
      float noise = ((u1 + u2) + u3) + u4 - 2.0f;
      out[off + d] = centroids[base + d] + 0.25f * noise;
    }
  }

  /** Vector {@code id} as a new array. */
  float[] vector(long id) {
    float[] out = new float[dim];
    vectorInto(id, out, 0);
    return out;
  }

  /**
   * Number of ids in {@code 0..count} (unsigned) with {@code id % shardCount == shardIndex}; a
   * {@code shardCount} of 0 reads as 1.
   */
  static long shardLen(long count, int shardIndex, int shardCount) {
    long n = Math.max(1, Integer.toUnsignedLong(shardCount));
    long i = Integer.toUnsignedLong(shardIndex);
    if (Long.compareUnsigned(i, count) >= 0) {
      return 0;
    }
    return Long.divideUnsigned(count - i - 1, n) + 1;
  }

  /** The {@code j}-th id of shard {@code shardIndex} of {@code shardCount}. */
  static long shardId(long j, int shardIndex, int shardCount) {
    return Integer.toUnsignedLong(shardIndex) + j * Math.max(1, Integer.toUnsignedLong(shardCount));
  }
}
