package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.rpc.ErrorInfo;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestContexts;
import io.grpc.Context;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The DEADLINES group: a deadline that passes mid-compute stops the core (its counters say so)
 * and the answer is DEADLINE_EXCEEDED no later than the deadline plus the tolerance.
 */
final class DeadlineCases {
  private DeadlineCases() {}

  static void midComputeStopsCore(CaseContext ctx) {
    CoreClient stats = ctx.target().requireStats();
    Fixtures.ensure(ctx.target().setup(), Fixtures.longScan());
    EngineStats before = stats.getStats().join().response();
    Duration deadline = deadlineFor(ctx);
    Throwable failure = callWithDeadline(ctx, deadline);
    assertThat(Outcomes.code(failure))
        .as("a %d ms deadline on ~1 s of work over %s (%s)", deadline.toMillis(), ctx.target(), failure)
        .isEqualTo(Code.DEADLINE_EXCEEDED);
    if (ctx.target().kind() == TargetKind.REST) {
      HttpErrorChecks.assertDocumented(failure, ctx.target());
    }
    if (ctx.target().kind() != TargetKind.GATEWAY) {
      // Through the gateway the client's own deadline fires at the same instant as the edge's
      // answer, so the client may see its local DEADLINE_EXCEEDED (no details) first. The REST
      // client leaves the deadline to the server, so there the edge's answer is always seen.
      assertThat(StatusDetails.detail(failure, ErrorInfo.class))
          .as("ErrorInfo naming the stage that ran out of time over %s", ctx.target())
          .hasValueSatisfying(info -> assertThat(info.getMetadataMap()).containsKey("stage"));
    }
    EngineStats after = awaitStopped(stats, before);
    assertThat(after.getRequestsCompleted())
        .as("the core completed the scan although its deadline passed (%s)", ctx.target())
        .isEqualTo(before.getRequestsCompleted());
    assertThat(after.getVectorsScanned() - before.getVectorsScanned())
        .as("vectors the core scanned after a %d ms deadline (%s)", deadline.toMillis(), ctx.target())
        .isLessThan(LongScan.FULL_SCAN / 4);
  }

  /** Deadlines from 5 to 45 ms on the long scan: every answer comes by deadline + tolerance. */
  static void neverLaterThanDeadline(CaseContext ctx) {
    Fixtures.ensure(ctx.target().setup(), Fixtures.longScan());
    Duration floor = deadlineFor(ctx);
    for (int i = 0; i < 5; i++) {
      Duration deadline = floor.plusMillis(10L * i);
      long start = System.nanoTime();
      Throwable failure = callWithDeadline(ctx, deadline);
      Duration late = Duration.ofNanos(System.nanoTime() - start).minus(deadline);
      assertThat(Outcomes.code(failure))
          .as("the code of a %d ms deadline over %s (%s)", deadline.toMillis(), ctx.target(), failure)
          .isEqualTo(Code.DEADLINE_EXCEEDED);
      assertThat(late)
          .as("answer after a %d ms deadline over %s came this late", deadline.toMillis(), ctx.target())
          .isLessThan(ctx.tolerance());
    }
  }

  /** A deadline already passed: DEADLINE_EXCEEDED and the core never starts the work. */
  static void expiredBeforeDispatch(CaseContext ctx) {
    CoreClient stats = ctx.target().requireStats();
    Fixtures.ensure(ctx.target().setup(), Fixtures.longScan());
    EngineStats before = stats.getStats().join().response();
    Throwable failure = callWithDeadline(ctx, Duration.ZERO);
    assertThat(Outcomes.code(failure)).as("an expired deadline over %s (%s)", ctx.target(), failure)
        .isEqualTo(Code.DEADLINE_EXCEEDED);
    EngineStats after = stats.getStats().join().response();
    assertThat(after.getVectorsScanned() - before.getVectorsScanned())
        .as("vectors scanned for a call whose deadline had passed (%s)", ctx.target())
        .isZero();
  }

  /** The gateway needs its edge reserve and minimum budget, or it fails fast by design. */
  private static Duration deadlineFor(CaseContext ctx) {
    return ctx.target().kind().edge() ? Duration.ofMillis(20) : Duration.ofMillis(5);
  }

  private static Throwable callWithDeadline(CaseContext ctx, Duration deadline) {
    Context.CancellableContext context = Context.current()
        .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS, ctx.timer());
    try {
      long start = System.nanoTime();
      var call = TestContexts.in(context, () -> ctx.core().search(Fixtures.longSearch()));
      call.handle((r, t) -> null).join();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      return Outcomes.failure(call, String.format(
          "a long scan under a %d ms deadline over %s (the deadline did not stop it: it ran %d ms)",
          deadline.toMillis(), ctx.target(), millis));
    } finally {
      context.cancel(null);
    }
  }

  /** Waits until the core has no call in flight and counted one more stopped call. */
  static EngineStats awaitStopped(CoreClient stats, EngineStats before) {
    return await("the core stops the call").atMost(Duration.ofSeconds(10)).until(
        () -> stats.getStats().join().response(),
        s -> s.getInFlight() == 0
            && (LongScan.stops(s) > LongScan.stops(before)
                || s.getRequestsStarted() == before.getRequestsStarted()));
  }
}
