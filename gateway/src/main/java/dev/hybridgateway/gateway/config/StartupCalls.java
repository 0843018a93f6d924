package dev.hybridgateway.gateway.config;

import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.Context;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a blocking start-up step (readiness probe, demo collection) in a Context with a deadline,
 * because core calls take their deadline from the Context and the edge never calls the core
 * without one.
 */
final class StartupCalls {
  private StartupCalls() {}

  /** {@code work}'s result, computed in a Context whose deadline is {@code timeout} from now. */
  static <T> T within(Duration timeout, Supplier<T> work) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gateway-startup-deadline").factory());
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS, timer);
    try {
      return context.call(work::get);
    } catch (Exception e) {
      throw CoreErrors.toException(e);
    } finally {
      context.cancel(null);
      timer.shutdownNow();
    }
  }
}
