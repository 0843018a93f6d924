package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.testing.SharedVectorCases;
import dev.hybridgateway.gateway.testing.SharedVectorCases.RerankCase;
import dev.hybridgateway.gateway.testing.SharedVectorCases.SearchCase;

/** The RESULTS group: ids and score bits, against the shared vectors and the Java oracle. */
final class ResultCases {
  private ResultCases() {}

  static void searchSharedVectors(CaseContext ctx) {
    for (SearchCase c : SharedVectorCases.searchCases()) {
      String name = "interop-" + c.collection().getName();
      Fixtures.ensure(ctx.target().setup(), c.collection().toBuilder().setName(name).build());
      SearchRequest request = c.request().toBuilder().setCollection(name).build();
      var results = ctx.core().search(request).join().response().getResultsList();
      assertThat(SharedVectorCases.hits(results))
          .as("shared vector case %s: ids and score bits over %s", c, ctx.target())
          .isEqualTo(c.expected());
    }
  }

  static void rerankSharedVectors(CaseContext ctx) {
    for (RerankCase c : SharedVectorCases.rerankCases()) {
      var call = ctx.core().rerank(c.request());
      if (c.error() == null) {
        assertThat(SharedVectorCases.hits(call.join().response().getResultsList()))
            .as("shared vector case %s: ids and score bits over %s", c, ctx.target())
            .isEqualTo(c.expected());
      } else {
        Throwable failure = Outcomes.failure(call);
        assertThat(Outcomes.code(failure).value())
            .as("shared vector case %s: error code over %s (%s)", c, ctx.target(), failure)
            .isEqualTo(c.error().code());
      }
    }
  }

  /**
   * -0.0, the smallest subnormal, a mid subnormal, the smallest normal and the largest finite
   * value, in queries and candidates: every product and sum crosses the boundary and comes back
   * as the same score bits the Java reference engine computes (including overflow to ±Inf and
   * flush-free subnormal arithmetic). Then the extremes as scores themselves (a unit query against
   * one-value candidates): the response carries subnormal and ±MAX_VALUE scores, which over REST
   * are JSON numbers ({@code 1.4E-45}, {@code 3.4028235E38}) that must parse back to the same bits.
   * (-0.0 cannot be a score: the canonical sum starts at +0.0, and +0.0 + -0.0 is +0.0.)
   */
  static void extremeFloatsBitExact(CaseContext ctx) {
    float[] values = {
      -0.0f, Float.MIN_VALUE, Float.MIN_NORMAL / 3, Float.MIN_NORMAL, Float.MAX_VALUE,
      -Float.MAX_VALUE, 1e-30f, 0.0f
    };
    RerankRequest.Builder rerank = RerankRequest.newBuilder().setK(values.length)
        .setMetric(Metric.METRIC_DOT);
    for (int q = 0; q < 3; q++) {
      rerank.addQueries(rotated(values, q));
    }
    for (int c = 0; c < values.length; c++) {
      rerank.addCandidates(rotated(values, c + 1));
      rerank.addCandidateIds(100 + c);
    }
    for (Metric metric : new Metric[] {Metric.METRIC_DOT, Metric.METRIC_L2}) {
      RerankRequest request = rerank.setMetric(metric).build();
      var expected = SharedVectorCases.hits(ctx.oracle().rerank(request).join().response().getResultsList());
      var actual = SharedVectorCases.hits(ctx.core().rerank(request).join().response().getResultsList());
      assertThat(actual)
          .as("%s rerank of -0.0/subnormal/MAX_VALUE vectors over %s vs the Java engine",
              metric, ctx.target())
          .isEqualTo(expected);
    }
    RerankRequest.Builder asScores = RerankRequest.newBuilder().setK(values.length)
        .setMetric(Metric.METRIC_DOT).addQueries(unit(values.length));
    for (int c = 0; c < values.length; c++) {
      asScores.addCandidates(rotated(new float[] {values[c]}, 0).toBuilder()
          .addAllValues(java.util.Collections.nCopies(values.length - 1, 0f)));
      asScores.addCandidateIds(200 + c);
    }
    RerankRequest request = asScores.build();
    assertThat(SharedVectorCases.hits(ctx.core().rerank(request).join().response().getResultsList()))
        .as("subnormal and ±MAX_VALUE scores over %s vs the Java engine", ctx.target())
        .isEqualTo(SharedVectorCases.hits(ctx.oracle().rerank(request).join().response().getResultsList()));
  }

  private static Vector unit(int dim) {
    return Vector.newBuilder().addValues(1f)
        .addAllValues(java.util.Collections.nCopies(dim - 1, 0f)).build();
  }

  private static Vector rotated(float[] values, int by) {
    Vector.Builder vector = Vector.newBuilder();
    for (int i = 0; i < values.length; i++) {
      vector.addValues(values[(i + by) % values.length]);
    }
    return vector.build();
  }
}
