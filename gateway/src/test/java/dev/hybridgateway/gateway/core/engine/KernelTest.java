package dev.hybridgateway.gateway.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both kernels implement the canonical arithmetic: the scalar kernel equals a naive reference
 * written independently (acc[i % 16], pairwise reduction), and the Vector API kernel equals the
 * scalar one bit for bit on random data (dims 1..100 and larger, not only multiples of 16), on
 * special values, and when scoring rows at offsets inside larger arrays.
 */
class KernelTest {
  private static final Kernel SCALAR = ScalarKernel.INSTANCE;
  private static final Kernel VECTOR = VectorKernel.INSTANCE;

  private static final float[] SPECIALS = {
    Float.MAX_VALUE,
    -Float.MAX_VALUE,
    Float.MIN_VALUE,
    -Float.MIN_VALUE,
    Float.MIN_NORMAL,
    0.0f,
    -0.0f,
    1.0e-30f,
    3.0e19f,
    -3.0e19f,
    1.0f,
    -1.0f
  };

  private static float naiveReduce(float[] acc) {
    float[] s8 = new float[8];
    for (int j = 0; j < 8; j++) {
      s8[j] = acc[j] + acc[j + 8];
    }
    float[] s4 = new float[4];
    for (int j = 0; j < 4; j++) {
      s4[j] = s8[j] + s8[j + 4];
    }
    return (s4[0] + s4[2]) + (s4[1] + s4[3]);
  }

  private static float naiveDot(float[] a, float[] b) {
    float[] acc = new float[16];
    for (int i = 0; i < a.length; i++) {
      acc[i % 16] += a[i] * b[i];
    }
    return naiveReduce(acc);
  }

  private static float naiveL2(float[] a, float[] b) {
    float[] acc = new float[16];
    for (int i = 0; i < a.length; i++) {
      float d = a[i] - b[i];
      acc[i % 16] += d * d;
    }
    return naiveReduce(acc);
  }

  private static float[] random(SplitMix64 rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.sym() * 100.0f;
    }
    return v;
  }

  private static List<Integer> dims() {
    List<Integer> dims = new ArrayList<>(IntStream.rangeClosed(1, 100).boxed().toList());
    dims.addAll(List.of(127, 128, 129, 384, 1000, 4096));
    return dims;
  }

  @Test
  void scalarAndVector_randomVectorsOfEveryDim_equalNaiveReferenceBits() {
    SplitMix64 rng = new SplitMix64(9);
    for (int dim : dims()) {
      for (int rep = 0; rep < 5; rep++) {
        float[] a = random(rng, dim);
        float[] b = random(rng, dim);
        int dot = Float.floatToRawIntBits(naiveDot(a, b));
        int l2 = Float.floatToRawIntBits(naiveL2(a, b));
        for (Kernel k : List.of(SCALAR, VECTOR)) {
          assertThat(Float.floatToRawIntBits(k.dot(a, 0, b, 0, dim)))
              .as(k + " dot " + dim)
              .isEqualTo(dot);
          assertThat(Float.floatToRawIntBits(k.l2(a, 0, b, 0, dim)))
              .as(k + " l2 " + dim)
              .isEqualTo(l2);
        }
      }
    }
  }

  @Test
  void vectorKernel_specialValuesOverflowAndSubnormals_matchesScalarBits() {
    SplitMix64 rng = new SplitMix64(11);
    for (int dim : List.of(1, 7, 15, 16, 17, 31, 32, 33, 48, 100)) {
      for (int rep = 0; rep < 50; rep++) {
        float[] a = new float[dim];
        float[] b = new float[dim];
        for (int i = 0; i < dim; i++) {
          a[i] = SPECIALS[(int) Long.remainderUnsigned(rng.nextLong(), SPECIALS.length)];
          b[i] = SPECIALS[(int) Long.remainderUnsigned(rng.nextLong(), SPECIALS.length)];
        }
        assertThat(Float.floatToRawIntBits(VECTOR.dot(a, 0, b, 0, dim)))
            .isEqualTo(Float.floatToRawIntBits(SCALAR.dot(a, 0, b, 0, dim)));
        assertThat(Float.floatToRawIntBits(VECTOR.l2(a, 0, b, 0, dim)))
            .isEqualTo(Float.floatToRawIntBits(SCALAR.l2(a, 0, b, 0, dim)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(JavaKernel.class)
  void scoreRows_rowsAtOffsets_equalPairwiseScores(JavaKernel kernel) {
    Kernel k = kernel.implementation();
    SplitMix64 rng = new SplitMix64(10);
    for (int dim : List.of(1, 7, 16, 17, 33, 384)) {
      for (int rows : List.of(1, 3, 4, 5, 9)) {
        float[] query = random(rng, dim + 3);
        float[] data = random(rng, dim * rows + 5);
        float[] out = new float[rows];
        for (boolean l2 : new boolean[] {false, true}) {
          k.scoreRows(l2, query, 3, data, 5, rows, dim, out);
          for (int r = 0; r < rows; r++) {
            float[] q = java.util.Arrays.copyOfRange(query, 3, 3 + dim);
            float[] row = java.util.Arrays.copyOfRange(data, 5 + r * dim, 5 + (r + 1) * dim);
            float want = l2 ? naiveL2(q, row) : naiveDot(q, row);
            assertThat(Float.floatToRawIntBits(out[r]))
                .as("%s dim %d row %d l2 %s", k, dim, r, l2)
                .isEqualTo(Float.floatToRawIntBits(want));
          }
        }
      }
    }
  }

  @Test
  void reduce_lanesMeetPairwise_notSequentially() {
    float[] acc = new float[16];
    acc[0] = 1.0e8f;
    acc[8] = -1.0e8f;
    acc[1] = 1.0f;
    assertThat(Kernel.reduce(acc)).isEqualTo(1.0f);
    float[] a = new float[18];
    float[] b = new float[18];
    java.util.Arrays.fill(b, 1.0f);
    a[0] = 1.0e8f;
    a[16] = 1.0f;
    a[17] = 1.0f;
    assertThat(SCALAR.dot(a, 0, b, 0, 18)).isEqualTo(1.0e8f + 1.0f);
    assertThat(VECTOR.dot(a, 0, b, 0, 18)).isEqualTo(1.0e8f + 1.0f);
  }

  @ParameterizedTest
  @EnumSource(JavaKernel.class)
  void normalize_zeroTinyOrHugeVectors_refusedAndLeftUnchanged(JavaKernel kernel) {
    Kernel k = kernel.implementation();
    float[] v = {3.0f, 4.0f};
    assertThat(k.normalize(v, 0, 2)).isNull();
    assertThat(v).containsExactly(0.6f, 0.8f);
    assertThat(k.normalize(new float[5], 0, 5))
        .isEqualTo("zero vector cannot be normalized for cosine");
    assertThat(k.normalize(new float[] {1.0e-30f, 1.0e-30f, 1.0e-30f}, 0, 3)).isNotNull();
    float[] huge = {Float.MAX_VALUE, Float.MAX_VALUE};
    assertThat(k.normalize(huge, 0, 2))
        .isEqualTo("vector norm overflows float32; cannot be normalized for cosine");
    assertThat(huge).containsExactly(Float.MAX_VALUE, Float.MAX_VALUE);
  }

  @Test
  void javaKernel_ids_parseCaseInsensitivelyAndRefuseOthers() {
    assertThat(JavaKernel.of("Vector")).isEqualTo(JavaKernel.VECTOR);
    assertThat(JavaKernel.of("scalar")).isEqualTo(JavaKernel.SCALAR);
    assertThat(JavaKernel.vectorApiAvailable()).isTrue();
    assertThatThrownBy(() -> JavaKernel.of("avx2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hotpath.java.kernel");
  }
}
