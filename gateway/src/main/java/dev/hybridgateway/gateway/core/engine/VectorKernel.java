package dev.hybridgateway.gateway.core.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The canonical arithmetic on the Vector API (jdk.incubator.vector), the Java twin of
 * hotpath-core's {@code kernels/avx2.rs}: lanes 0-7 and 8-15 live in two 256-bit {@link
 * FloatVector}s, each step is {@code acc = acc.add(a.mul(b))} (never {@code fma}), the {@code dim %
 * 16} tail is added per lane in scalar after spilling the accumulators, then the same pairwise
 * {@link #reduce}. So the bits equal {@link ScalarKernel}'s.
 *
 * <p>Only loaded when selected: the class needs {@code --add-modules=jdk.incubator.vector} ({@link
 * JavaKernel#vectorApiAvailable()}).
 */
final class VectorKernel extends Kernel {
  static final VectorKernel INSTANCE = new VectorKernel();

  private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_256;
  private static final VectorSpecies<Float> QUARTER = FloatVector.SPECIES_128;
  private static final int WIDTH = 8;

  private VectorKernel() {}

  @Override
  String name() {
    return "vector";
  }

  @Override
  float dot(float[] a, int ao, float[] b, int bo, int n) {
    return dot(a, ao, b, bo, n, new float[LANES]);
  }

  @Override
  float l2(float[] a, int ao, float[] b, int bo, int n) {
    return l2(a, ao, b, bo, n, new float[LANES]);
  }

  @Override
  void scoreRows(
      boolean l2, float[] query, int qo, float[] rows, int ro, int rowCount, int dim, float[] out) {
    float[] acc = new float[LANES];
    if (l2) {
      for (int r = 0; r < rowCount; r++) {
        out[r] = l2(query, qo, rows, ro + r * dim, dim, acc);
      }
    } else {
      for (int r = 0; r < rowCount; r++) {
        out[r] = dot(query, qo, rows, ro + r * dim, dim, acc);
      }
    }
  }

  private static float dot(float[] a, int ao, float[] b, int bo, int n, float[] acc) {
    FloatVector lo = FloatVector.zero(HALF);
    FloatVector hi = lo;
    int full = n & -LANES;
    for (int i = 0; i < full; i += LANES) {
      lo =
          lo.add(
              FloatVector.fromArray(HALF, a, ao + i).mul(FloatVector.fromArray(HALF, b, bo + i)));
      hi =
          hi.add(
              FloatVector.fromArray(HALF, a, ao + i + WIDTH)
                  .mul(FloatVector.fromArray(HALF, b, bo + i + WIDTH)));
    }
    if (full == n) {
      return reduce(lo, hi);
    }
    lo.intoArray(acc, 0);
    hi.intoArray(acc, WIDTH);
    for (int i = full; i < n; i++) {
      acc[i - full] += a[ao + i] * b[bo + i];
    }
    return reduce(acc);
  }

  private static float l2(float[] a, int ao, float[] b, int bo, int n, float[] acc) {
    FloatVector lo = FloatVector.zero(HALF);
    FloatVector hi = lo;
    int full = n & -LANES;
    for (int i = 0; i < full; i += LANES) {
      FloatVector dl =
          FloatVector.fromArray(HALF, a, ao + i).sub(FloatVector.fromArray(HALF, b, bo + i));
      FloatVector dh =
          FloatVector.fromArray(HALF, a, ao + i + WIDTH)
              .sub(FloatVector.fromArray(HALF, b, bo + i + WIDTH));
      lo = lo.add(dl.mul(dl));
      hi = hi.add(dh.mul(dh));
    }
    if (full == n) {
      return reduce(lo, hi);
    }
    lo.intoArray(acc, 0);
    hi.intoArray(acc, WIDTH);
    for (int i = full; i < n; i++) {
      float d = a[ao + i] - b[bo + i];
      acc[i - full] += d * d;
    }
    return reduce(acc);
  }

  /**
   * {@link #reduce(float[])} without spilling, when there is no tail: {@code s8 = lo + hi} lane by
   * lane, {@code s4} adds its two 128-bit halves, then the last two steps on lanes.
   */
  private static float reduce(FloatVector lo, FloatVector hi) {
    FloatVector s8 = lo.add(hi);
    FloatVector s4 =
        ((FloatVector) s8.reinterpretShape(QUARTER, 0))
            .add((FloatVector) s8.reinterpretShape(QUARTER, 1));
    float s20 = s4.lane(0) + s4.lane(2);
    float s21 = s4.lane(1) + s4.lane(3);
    return s20 + s21;
  }
}
