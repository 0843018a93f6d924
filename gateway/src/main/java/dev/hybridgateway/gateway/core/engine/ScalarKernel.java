package dev.hybridgateway.gateway.core.engine;

import java.util.Arrays;

/**
 * The canonical arithmetic in plain Java, a line-by-line transcription of hotpath-core's
 * {@code kernels/scalar.rs}: the reference that {@link VectorKernel} must match bit for bit.
 */
final class ScalarKernel extends Kernel {
  static final ScalarKernel INSTANCE = new ScalarKernel();

  private ScalarKernel() {}

  @Override
  String name() {
    return "scalar";
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
    for (int r = 0; r < rowCount; r++) {
      int row = ro + r * dim;
      out[r] = l2 ? l2(query, qo, rows, row, dim, acc) : dot(query, qo, rows, row, dim, acc);
    }
  }

  private static float dot(float[] a, int ao, float[] b, int bo, int n, float[] acc) {
    Arrays.fill(acc, 0f);
    int full = n & -LANES;
    for (int i = 0; i < full; i += LANES) {
      for (int j = 0; j < LANES; j++) {
        acc[j] += a[ao + i + j] * b[bo + i + j];
      }
    }
    for (int i = full; i < n; i++) {
      acc[i - full] += a[ao + i] * b[bo + i];
    }
    return reduce(acc);
  }

  private static float l2(float[] a, int ao, float[] b, int bo, int n, float[] acc) {
    Arrays.fill(acc, 0f);
    int full = n & -LANES;
    for (int i = 0; i < full; i += LANES) {
      for (int j = 0; j < LANES; j++) {
        float d = a[ao + i + j] - b[bo + i + j];
        acc[j] += d * d;
      }
    }
    for (int i = full; i < n; i++) {
      float d = a[ao + i] - b[bo + i];
      acc[i - full] += d * d;
    }
    return reduce(acc);
  }
}
