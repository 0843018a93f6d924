package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.ErrorInfo;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.testing.StatusDetails;
import io.grpc.Status.Code;

/**
 * Message-size limits, which are transport-specific by nature, so the case asserts the documented
 * answer of each transport to a Rerank over its limit:
 *
 * <ul>
 *   <li>grpc: tonic refuses to decode ~70 MB (over hotpath-server's 64 MiB): OUT_OF_RANGE;
 *   <li>gateway: grpc-java's server refuses ~70 MB (over its 64 MiB): RESOURCE_EXHAUSTED;
 *   <li>rest: a JSON body over the REST adapter's 8 MiB: HTTP 413 with INVALID_ARGUMENT and
 *       ErrorInfo {@code BODY_TOO_LARGE}, refused before the body is read ({@code 100-continue});
 *   <li>ffi: no serialized-size limit at the C ABI (the request is in shared memory), so the
 *       core's own limits decide: here, it answers;
 *   <li>java: nothing is serialized; skipped.
 * </ul>
 */
final class MessageSizeCases {
  private static final int DIM = 1024;
  private static final int CANDIDATES = 17_000; // 17,000 × 1,024 × 4 B ≈ 69.6 MB
  /** 2,400 × 1,024 values printed as {@code 0.5,} (4 bytes) ≈ 9.8 MB of JSON, over 8 MiB. */
  private static final int REST_CANDIDATES = 2_400;

  private MessageSizeCases() {}

  static void overLimitDocumentedCode(CaseContext ctx) {
    Code expected = switch (ctx.target().kind()) {
      case GRPC -> Code.OUT_OF_RANGE;
      case GATEWAY -> Code.RESOURCE_EXHAUSTED;
      case REST -> Code.INVALID_ARGUMENT;
      case FFI -> Code.OK;
      case JAVA -> throw new CaseSkipped("nothing is serialized into the in-process Java engine");
    };
    int candidates = ctx.target().kind() == TargetKind.REST ? REST_CANDIDATES : CANDIDATES;
    Vector candidate = Fixtures.vector(DIM, 0.5f); // one immutable message, referenced many times
    RerankRequest.Builder rerank = RerankRequest.newBuilder()
        .addQueries(Fixtures.vector(DIM, 1f)).setK(1).setMetric(Metric.METRIC_DOT);
    for (int i = 0; i < candidates; i++) {
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
    if (ctx.target().kind() == TargetKind.REST) {
      HttpErrorChecks.assertDocumented(failure, ctx.target(), 413);
      assertThat(StatusDetails.detail(failure, ErrorInfo.class).map(ErrorInfo::getReason))
          .as("ErrorInfo reason of an over-limit body over %s", ctx.target())
          .contains("BODY_TOO_LARGE");
    }
  }
}
