package dev.hybridgateway.gateway.testing;

import dev.hybridgateway.core.v1.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic vectors for requests (a tiny LCG, not the core's synthetic generator: tests only
 * need stable, finite, non-zero values).
 */
public final class TestVectors {
  private TestVectors() {}

  /** {@code count} vectors of {@code dim} values in [-1, 1), the same for the same seed. */
  public static List<Vector> of(int count, int dim, long seed) {
    long state = seed * 0x9E3779B97F4A7C15L + 1;
    List<Vector> vectors = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Vector.Builder vector = Vector.newBuilder();
      for (int j = 0; j < dim; j++) {
        state = state * 6364136223846793005L + 1442695040888963407L;
        vector.addValues(((state >>> 40) / (float) (1 << 23)) - 1f);
      }
      vectors.add(vector.build());
    }
    return vectors;
  }
}
