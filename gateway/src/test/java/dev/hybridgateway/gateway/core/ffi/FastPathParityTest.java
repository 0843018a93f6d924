package dev.hybridgateway.gateway.core.ffi;

import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.client;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.closeWithoutLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.Vector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Corners where the fast path must still answer exactly like the generic path. */
class FastPathParityTest {
  private static FfiCoreClient generic;
  private static FfiCoreClient fast;

  @BeforeAll
  static void open() {
    generic = client(config -> config.poolSize(1));
    fast = client(config -> config.poolSize(1).fastPath(true));
  }

  @AfterAll
  static void close() {
    closeWithoutLeaks(generic);
    closeWithoutLeaks(fast);
  }

  @Test
  void rerank_hitWithMaxIdAndNanScore_keptLikeTheGenericPath() {
    // Lane 0 overflows to +Inf and lane 1 to -Inf: the dot is NaN, which ranks last, and the
    // candidate's id is UINT64_MAX: the very slot the fast ABI writes as padding.
    RerankRequest request = RerankRequest.newBuilder().setK(3).setMetric(Metric.METRIC_DOT)
        .addQueries(vector(3e38f, 3e38f))
        .addCandidates(vector(3e38f, -3e38f))
        .addCandidates(vector(1f, 1f))
        .addCandidateIds(-1L)
        .addCandidateIds(7L)
        .build();

    RerankResponse fromFast = fast.rerank(request).join().response();

    assertThat(fromFast.getResultsList())
        .isEqualTo(generic.rerank(request).join().response().getResultsList());
    assertThat(fromFast.getResults(0).getHitsCount()).isEqualTo(2);
  }

  @Test
  void search_kBeyondCollectionSize_paddingIsNotReturned() {
    for (FfiCoreClient core : new FfiCoreClient[] {generic, fast}) {
      FfiTestSupport.createSynthetic(core, "tiny", 1, 3, 2, Metric.METRIC_L2);
    }
    SearchRequest request = SearchRequest.newBuilder().setCollection("tiny").setK(10)
        .addQueries(vector(0.5f, -0.5f)).build();

    SearchResponse fromFast = fast.search(request).join().response();

    assertThat(fromFast.getResults(0).getHitsCount()).isEqualTo(3);
    assertThat(fromFast.getResultsList())
        .isEqualTo(generic.search(request).join().response().getResultsList());
  }

  private static Vector vector(float... values) {
    Vector.Builder vector = Vector.newBuilder();
    for (float value : values) {
      vector.addValues(value);
    }
    return vector.build();
  }
}
