package dev.hybridgateway.gateway.core.engine;

/**
 * A scoring kernel: the canonical arithmetic of DESIGN.md (hotpath-core {@code kernels/mod.rs}).
 * Both implementations return identical bits: 16 lane accumulators starting at {@code +0.0f},
 * {@code acc[i % 16] += a[i] * b[i]} (or {@code d * d} with {@code d = a[i] - b[i]}) in increasing
 * {@code i} with plain float multiply and add (Java never contracts them into a fused
 * multiply-add), then the pairwise {@link #reduce}. Vectors are addressed as (array, offset) so the
 * scan can score rows in place inside large row-major arrays.
 */
abstract sealed class Kernel permits ScalarKernel, VectorKernel {
  /** Number of lane accumulators of the canonical arithmetic. */
  static final int LANES = 16;

  /** {@code "scalar"} or {@code "vector"}. */
  abstract String name();

  /** Canonical dot product of {@code a[ao, ao+n)} and {@code b[bo, bo+n)}. */
  abstract float dot(float[] a, int ao, float[] b, int bo, int n);

  /** Canonical squared Euclidean distance of {@code a[ao, ao+n)} and {@code b[bo, bo+n)}. */
  abstract float l2(float[] a, int ao, float[] b, int bo, int n);

  /**
   * {@code out[r] = score(query, row r)} for the {@code rowCount} rows of width {@code dim} that
   * start at {@code rows[ro]}: squared L2 when {@code l2}, else dot.
   */
  abstract void scoreRows(
      boolean l2, float[] query, int qo, float[] rows, int ro, int rowCount, int dim, float[] out);

  /**
   * The pairwise reduction: {@code s8[j] = acc[j] + acc[j+8]}, {@code s4[j] = s8[j] + s8[j+4]},
   * {@code s2[j] = s4[j] + s4[j+2]}, {@code s2[0] + s2[1]}.
   */
  static float reduce(float[] acc) {
    float s80 = acc[0] + acc[8];
    float s81 = acc[1] + acc[9];
    float s82 = acc[2] + acc[10];
    float s83 = acc[3] + acc[11];
    float s84 = acc[4] + acc[12];
    float s85 = acc[5] + acc[13];
    float s86 = acc[6] + acc[14];
    float s87 = acc[7] + acc[15];
    float s40 = s80 + s84;
    float s41 = s81 + s85;
    float s42 = s82 + s86;
    float s43 = s83 + s87;
    float s20 = s40 + s42;
    float s21 = s41 + s43;
    return s20 + s21;
  }

  /**
   * Cosine preparation in place: {@code v[i] / sqrt(dot(v, v))} in float32. Returns null, or
   * (leaving {@code v} unchanged) the description of the BadRequest violation when the squared norm
   * is zero or overflows. {@code (float) Math.sqrt(x)} is the correctly rounded float square root,
   * like Rust's {@code f32::sqrt}.
   */
  final String normalize(float[] v, int off, int dim) {
    float squared = dot(v, off, v, off, dim);
    if (squared == 0f) {
      return "zero vector cannot be normalized for cosine";
    }
    if (!Float.isFinite(squared)) {
      return "vector norm overflows float32; cannot be normalized for cosine";
    }
    float norm = (float) Math.sqrt(squared);
    for (int i = off; i < off + dim; i++) {
      v[i] = v[i] / norm;
    }
    return null;
  }

  @Override
  public String toString() {
    return name();
  }
}
