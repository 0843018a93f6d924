package dev.hybridgateway.gateway.core.engine;

/**
 * The canonical arithmetic in plain Java (hotpath-core's {@code kernels/scalar.rs}): the reference
 * that {@link VectorKernel} must match bit for bit, and the kernel of JVMs without the Vector API.
 * Lane {@code j}'s accumulator is the local {@code sj} (16 locals that C2 keeps in registers, 1.6x
 * faster than an {@code acc[j]} array), each updated in increasing {@code i}; the {@code dim % 16}
 * tail is added to the spilled lanes, then the pairwise {@link #reduce}.
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
    float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
    float s8 = 0f, s9 = 0f, s10 = 0f, s11 = 0f, s12 = 0f, s13 = 0f, s14 = 0f, s15 = 0f;
    int full = n & -LANES;
    for (int i = 0; i < full; i += LANES) {
      int x = ao + i;
      int y = bo + i;
      s0 += a[x + 0] * b[y + 0];
      s1 += a[x + 1] * b[y + 1];
      s2 += a[x + 2] * b[y + 2];
      s3 += a[x + 3] * b[y + 3];
      s4 += a[x + 4] * b[y + 4];
      s5 += a[x + 5] * b[y + 5];
      s6 += a[x + 6] * b[y + 6];
      s7 += a[x + 7] * b[y + 7];
      s8 += a[x + 8] * b[y + 8];
      s9 += a[x + 9] * b[y + 9];
      s10 += a[x + 10] * b[y + 10];
      s11 += a[x + 11] * b[y + 11];
      s12 += a[x + 12] * b[y + 12];
      s13 += a[x + 13] * b[y + 13];
      s14 += a[x + 14] * b[y + 14];
      s15 += a[x + 15] * b[y + 15];
    }
    acc[0] = s0;
    acc[1] = s1;
    acc[2] = s2;
    acc[3] = s3;
    acc[4] = s4;
    acc[5] = s5;
    acc[6] = s6;
    acc[7] = s7;
    acc[8] = s8;
    acc[9] = s9;
    acc[10] = s10;
    acc[11] = s11;
    acc[12] = s12;
    acc[13] = s13;
    acc[14] = s14;
    acc[15] = s15;
    for (int i = full; i < n; i++) {
      acc[i - full] += a[ao + i] * b[bo + i];
    }
    return reduce(acc);
  }

  private static float l2(float[] a, int ao, float[] b, int bo, int n, float[] acc) {
    float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
    float s8 = 0f, s9 = 0f, s10 = 0f, s11 = 0f, s12 = 0f, s13 = 0f, s14 = 0f, s15 = 0f;
    int full = n & -LANES;
    for (int i = 0; i < full; i += LANES) {
      int x = ao + i;
      int y = bo + i;
      float d0 = a[x + 0] - b[y + 0];
      s0 += d0 * d0;
      float d1 = a[x + 1] - b[y + 1];
      s1 += d1 * d1;
      float d2 = a[x + 2] - b[y + 2];
      s2 += d2 * d2;
      float d3 = a[x + 3] - b[y + 3];
      s3 += d3 * d3;
      float d4 = a[x + 4] - b[y + 4];
      s4 += d4 * d4;
      float d5 = a[x + 5] - b[y + 5];
      s5 += d5 * d5;
      float d6 = a[x + 6] - b[y + 6];
      s6 += d6 * d6;
      float d7 = a[x + 7] - b[y + 7];
      s7 += d7 * d7;
      float d8 = a[x + 8] - b[y + 8];
      s8 += d8 * d8;
      float d9 = a[x + 9] - b[y + 9];
      s9 += d9 * d9;
      float d10 = a[x + 10] - b[y + 10];
      s10 += d10 * d10;
      float d11 = a[x + 11] - b[y + 11];
      s11 += d11 * d11;
      float d12 = a[x + 12] - b[y + 12];
      s12 += d12 * d12;
      float d13 = a[x + 13] - b[y + 13];
      s13 += d13 * d13;
      float d14 = a[x + 14] - b[y + 14];
      s14 += d14 * d14;
      float d15 = a[x + 15] - b[y + 15];
      s15 += d15 * d15;
    }
    acc[0] = s0;
    acc[1] = s1;
    acc[2] = s2;
    acc[3] = s3;
    acc[4] = s4;
    acc[5] = s5;
    acc[6] = s6;
    acc[7] = s7;
    acc[8] = s8;
    acc[9] = s9;
    acc[10] = s10;
    acc[11] = s11;
    acc[12] = s12;
    acc[13] = s13;
    acc[14] = s14;
    acc[15] = s15;
    for (int i = full; i < n; i++) {
      float d = a[ao + i] - b[bo + i];
      acc[i - full] += d * d;
    }
    return reduce(acc);
  }
}
