package dev.hybridgateway.bench.jmh;

import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.Vector;

/**
 * A Rerank request whose float payload (query plus candidates) is about {@code bytes} long: the
 * work unit of the P2 and P3 payload sweeps. Small payloads shrink the dimension (1 query, 1
 * candidate), larger ones keep dim 384 and add candidates, so 100 B … 4 MB all stay valid
 * requests. Values are deterministic (seeded), dot product, k = min(10, candidates).
 */
public final class RerankPayload {
  /** The dimension of the scan and of every payload of 1.5 KB or more. */
  public static final int DIM = 384;

  private RerankPayload() {}

  /** The request for about {@code bytes} bytes of floats (at least one query and candidate). */
  public static RerankRequest of(int bytes) {
    if (bytes < 8) {
      throw new IllegalArgumentException("bytes must be >= 8: " + bytes);
    }
    int floats = bytes / Float.BYTES;
    int dim = Math.min(DIM, Math.max(1, floats / 2));
    int candidates = Math.max(1, floats / dim - 1);
    long state = 42;
    RerankRequest.Builder request =
        RerankRequest.newBuilder().setK(Math.min(10, candidates)).setMetric(Metric.METRIC_DOT);
    for (int v = 0; v <= candidates; v++) {
      Vector.Builder vector = Vector.newBuilder();
      for (int i = 0; i < dim; i++) {
        state = state * 6364136223846793005L + 1442695040888963407L;
        vector.addValues((state >>> 40) / (float) (1 << 24) - 0.5f);
      }
      if (v == 0) {
        request.addQueries(vector);
      } else {
        request.addCandidates(vector);
      }
    }
    return request.build();
  }

  /** Bytes of floats the request carries (queries and candidates). */
  public static long floatBytes(RerankRequest request) {
    long floats = 0;
    for (Vector v : request.getQueriesList()) {
      floats += v.getValuesCount();
    }
    for (Vector v : request.getCandidatesList()) {
      floats += v.getValuesCount();
    }
    return floats * Float.BYTES;
  }
}
