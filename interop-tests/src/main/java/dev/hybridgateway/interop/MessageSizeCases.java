package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.Vector;
import io.grpc.Status.Code;

/**
 * Message-size limits, which are transport-specific by nature, so the case asserts the documented
 * answer of each transport to a Rerank of about 70 MB (over the 64 MiB default of hotpath-server
 * and of the gateway):
 *
 * <ul>
 *   <li>grpc: tonic refuses to decode it: OUT_OF_RANGE;
 *   <li>gateway: grpc-java's server refuses it: RESOURCE_EXHAUSTED;
 *   <li>ffi: no serialized-size limit at the C ABI (the request is in shared memory), so the
 *       core's own limits decide: here, it answers.
 *   <li>java: nothing is serialized; skipped.
 * </ul>
 */
final class MessageSizeCases {
  private static final int DIM = 1024;
  private static final int CANDIDATES = 17_000; // 17,000 × 1,024 × 4 B ≈ 69.6 MB

  private MessageSizeCases() {}

  static void overLimitDocumentedCode(CaseContext ctx) {
    Code expected = switch (ctx.target().kind()) {
      case GRPC -> Code.OUT_OF_RANGE;
      case GATEWAY -> Code.RESOURCE_EXHAUSTED;
      case FFI -> Code.OK;
      case JAVA -> throw new CaseSkipped("nothing is serialized into the in-process Java engine");
    };
    Vector candidate = Fixtures.vector(DIM, 0.5f); // one immutable message, referenced 17,000 times
    RerankRequest.Builder rerank = RerankRequest.newBuilder()
        .addQueries(Fixtures.vector(DIM, 1f)).setK(1).setMetric(Metric.METRIC_DOT);
    for (int i = 0; i < CANDIDATES; i++) {
      rerank.addCandidates(candidate);
    }
    var call = ctx.core().rerank(rerank.build());
    if (expected == Code.OK) {
      assertThat(call.join().response().getResultsCount())
          .as("a 70 MB rerank over %s (no size limit at the C ABI)", ctx.target()).isEqualTo(1);
      return;
    }
    Throwable failure = Outcomes.failure(call);
    assertThat(Outcomes.code(failure))
        .as("the documented code for an over-limit request over %s (%s)", ctx.target(), failure)
        .isEqualTo(expected);
  }
}
