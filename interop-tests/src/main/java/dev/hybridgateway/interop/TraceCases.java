package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.gateway.testing.TestContexts;
import io.grpc.Status.Code;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The TRACE group: one trace id from the caller through the edge's spans into the Rust core's.
 * The case sends its own W3C {@code traceparent} (a fresh trace id, so the trace is found among
 * everything else the edge records), then asks the target's {@link TraceProbe}: the edge's server
 * span continues that trace as a child of the caller's span, the edge's core call is a span of
 * the same trace, and the core reported a call under the same trace id. The call is a GetCollection
 * of a missing name: it reaches the core (the edge cannot answer it) and fails there, which is
 * what the core logs at debug level.
 */
final class TraceCases {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private TraceCases() {}

  static void edgeTraceReachesCore(CaseContext ctx) {
    if (ctx.target().kind() == TargetKind.FFI) {
      throw new CaseSkipped("the FFI client passes no traceparent to hotpath_call (its generic path"
          + " sends NULL) and the in-process core installs no tracing subscriber to report it");
    }
    TraceProbe probe = ctx.target().traces();
    if (probe == null) {
      throw new CaseSkipped("the edge's spans and the core's log of " + ctx.target()
          + " are not readable from here (they go to the deployment's own tracing backend and log"
          + " sink); the in-build run checks them");
    }
    String traceId = hex(16);
    String callerSpan = hex(8);
    String traceparent = "00-" + traceId + "-" + callerSpan + "-01";

    Throwable failure = Outcomes.failure(TestContexts.in(CallTrace.with(traceparent),
        () -> ctx.core().getCollection(
            GetCollectionRequest.newBuilder().setName("interop-trace-missing").build())));
    assertThat(Outcomes.code(failure)).as("GetCollection of a missing name over %s (%s)",
        ctx.target(), failure).isEqualTo(Code.NOT_FOUND);

    List<TraceProbe.EdgeSpan> spans = await("the edge's spans of trace " + traceId)
        .atMost(WAIT).until(() -> probe.edgeSpans(traceId), s -> s.size() >= 2);
    assertThat(spans)
        .as("the edge's server span continues the caller's traceparent %s over %s (spans: %s)",
            traceparent, ctx.target(), spans)
        .anySatisfy(s -> {
          assertThat(s.kind()).isEqualTo("SERVER");
          assertThat(s.parentSpanId()).isEqualTo(callerSpan);
        });
    assertThat(spans)
        .as("the edge's core call is a span of the caller's trace over %s (spans: %s)",
            ctx.target(), spans)
        .anySatisfy(s -> assertThat(s.name()).startsWith("core "));
    await("the core reports trace " + traceId).atMost(WAIT).untilAsserted(() ->
        assertThat(probe.coreReports(traceId))
            .as("the Rust core's log has no line with trace_id=%s: the edge did not propagate the"
                + " trace to the core over %s", traceId, ctx.target())
            .isNotEmpty());
  }

  private static String hex(int bytes) {
    byte[] id = new byte[bytes];
    do {
      RANDOM.nextBytes(id);
    } while (id[0] == 0); // never the all-zero id W3C calls invalid
    return HexFormat.of().formatHex(id);
  }
}
