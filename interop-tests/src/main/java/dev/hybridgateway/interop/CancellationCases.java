package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.TestContexts;
import io.grpc.Context;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The CANCELLATION group: the caller cancels mid-scan and the core's counters show it stopped. */
final class CancellationCases {
  private CancellationCases() {}

  static void cancelStopsCore(CaseContext ctx) {
    CoreClient stats = ctx.target().requireStats();
    Fixtures.ensure(ctx.target().setup(), Fixtures.longScan());
    EngineStats before = stats.getStats().join().response();
    Context.CancellableContext context = Context.current().withCancellation();

    CompletableFuture<?> call = TestContexts.in(context, () -> ctx.core().search(Fixtures.longSearch()));
    await("the scan runs").atMost(Duration.ofSeconds(10)).until(
        () -> stats.getStats().join().response().getVectorsScanned() > before.getVectorsScanned());
    context.cancel(null);

    Throwable failure = Outcomes.failure(call, "a long scan cancelled by its caller over "
        + ctx.target() + " (the cancellation did not stop it)");
    assertThat(Outcomes.code(failure)).as("the cancelled call over %s (%s)", ctx.target(), failure)
        .isEqualTo(Code.CANCELLED);
    EngineStats after = DeadlineCases.awaitStopped(stats, before);
    assertThat(after.getStoppedByCancellation())
        .as("the core's stopped_by_cancellation counter after a cancel over %s", ctx.target())
        .isGreaterThan(before.getStoppedByCancellation());
    assertThat(after.getVectorsScanned() - before.getVectorsScanned())
        .as("vectors scanned before the core noticed the cancel (%s)", ctx.target())
        .isLessThan(LongScan.FULL_SCAN / 2);
  }
}
