package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreClient;
import io.grpc.Status.Code;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The ERRORS group: each row of DESIGN.md's error table that the core produces, made on the
 * target and on the Java oracle; the code and the decoded details must be the same. Through the
 * gateway, whose edge validation may answer before the core, the error contract must be the same
 * (code, detail types, ErrorInfo reason, BadRequest field paths; the wording is the edge's); over
 * REST also the documented HTTP status and JSON body ({@link HttpErrorChecks}).
 */
final class ErrorCases {
  private ErrorCases() {}

  /** Makes the failing call on the target and on the oracle; both must answer the same status. */
  static void sameStatusAsOracle(
      CaseContext ctx, Code expected, Function<CoreClient, CompletableFuture<?>> call) {
    Fixtures.ensure(ctx.oracle(), Fixtures.parity());
    Fixtures.ensure(ctx.target().setup(), Fixtures.parity());
    Outcomes.DecodedStatus reference = Outcomes.decoded(Outcomes.failure(call.apply(ctx.oracle())));
    Throwable failure = Outcomes.failure(call.apply(ctx.core()));
    assertThat(Outcomes.code(failure))
        .as("status code over %s (%s)", ctx.target(), failure)
        .isEqualTo(expected);
    Outcomes.DecodedStatus actual = Outcomes.decoded(failure);
    assertThat(reference.code()).as("the Java oracle's code").isEqualTo(expected);
    assertThat(actual.details())
        .as("google.rpc.Status details over %s: the Java engine sends %s, this transport delivered"
            + " no details (%s)", ctx.target(), typeNames(reference), failure)
        .isNotEmpty();
    if (ctx.target().kind() == TargetKind.REST) {
      HttpErrorChecks.assertDocumented(failure, ctx.target());
    }
    if (ctx.target().kind().edge()) {
      // The edge validates first and words the error itself; it keeps the contract.
      assertThat(Outcomes.ErrorContract.of(actual))
          .as("code, detail types, ErrorInfo reason and field paths over %s vs the Java engine",
              ctx.target())
          .isEqualTo(Outcomes.ErrorContract.of(reference));
      return;
    }
    assertThat(actual)
        .as("decoded status over %s vs the Java reference engine", ctx.target())
        .isEqualTo(reference);
  }

  /**
   * NaN, +Inf and -Inf, each at its own position of a second query: INVALID_ARGUMENT whose
   * BadRequest names the exact field path ({@code queries[1].values[i]}), as the oracle does.
   */
  static void nonFiniteRejected(CaseContext ctx) {
    float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (int i = 0; i < bad.length; i++) {
      int position = 2 + 3 * i;
      Vector query = Fixtures.vector(Fixtures.DIM, 1f).toBuilder().setValues(position, bad[i]).build();
      SearchRequest request = Fixtures.paritySearch().addQueries(query).build();
      sameStatusAsOracle(ctx, Code.INVALID_ARGUMENT, core -> core.search(request));
      BadRequest badRequest = Outcomes.decoded(Outcomes.failure(ctx.core().search(request)))
          .details().stream().filter(BadRequest.class::isInstance).map(BadRequest.class::cast)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no BadRequest detail over " + ctx.target()));
      assertThat(badRequest.getFieldViolationsList())
          .as("field paths for %s over %s", bad[i], ctx.target())
          .extracting(BadRequest.FieldViolation::getField)
          .containsExactly("queries[1].values[" + position + "]");
    }
  }

  /**
   * The edge's first row of the error table: a call without credentials, and one with a token
   * that is no JWT, answer UNAUTHENTICATED with an ErrorInfo (over REST: 401 and {@code
   * WWW-Authenticate: Bearer}). Skipped when the runner was given no token: then the gateway is
   * taken to run without authentication.
   */
  static void unauthenticatedRejected(CaseContext ctx) {
    if (!(ctx.core() instanceof EdgeClient edge)) {
      throw new CaseSkipped(ctx.target() + " is no gateway API client");
    }
    if (edge.token() == null) {
      throw new CaseSkipped("no token was given for " + ctx.target()
          + ", so its gateway is taken to run without authentication");
    }
    Fixtures.ensure(ctx.target().setup(), Fixtures.parity());
    for (String token : new String[] {null, "not-a-jwt"}) {
      String as = token == null ? "without credentials" : "with the token \"" + token + "\"";
      Throwable failure = Outcomes.failure(
          edge.withToken(token).search(Fixtures.paritySearch().build()), "a search " + as);
      assertThat(Outcomes.code(failure)).as("a search %s over %s (%s)", as, ctx.target(), failure)
          .isEqualTo(Code.UNAUTHENTICATED);
      assertThat(Outcomes.decoded(failure).details())
          .as("the details of UNAUTHENTICATED %s over %s", as, ctx.target())
          .anySatisfy(d -> assertThat(d).isInstanceOf(com.google.rpc.ErrorInfo.class));
      if (ctx.target().kind() == TargetKind.REST) {
        HttpErrorChecks.assertDocumented(failure, ctx.target());
      }
    }
  }

  private static java.util.List<String> typeNames(Outcomes.DecodedStatus status) {
    return status.details().stream().map(d -> d.getClass().getSimpleName()).toList();
  }

  /** Ragged rerank candidates (dims 4 and 3): INVALID_ARGUMENT, same details. */
  static RerankRequest raggedRerank() {
    return RerankRequest.newBuilder()
        .addQueries(Fixtures.vector(4, 1f))
        .addCandidates(Fixtures.vector(4, 2f))
        .addCandidates(Fixtures.vector(3, 2f))
        .setK(1)
        .setMetric(Metric.METRIC_DOT)
        .build();
  }
}
