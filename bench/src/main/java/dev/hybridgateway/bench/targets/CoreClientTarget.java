package dev.hybridgateway.bench.targets;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.load.Reply;
import dev.hybridgateway.bench.scenario.Workload;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreReply;
import io.grpc.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An in-process {@link CoreClient} (the Java engine, or the Rust core through Panama FFM) as a
 * load target. The deadline travels in the gRPC {@link Context}, as in the gateway; the client
 * reports the core's own time, so the boundary cost of the in-process transport is recorded
 * beside gRPC's. The client's calls never block, so {@link #send} returns at once.
 *
 * <pre>{@code
 * LoadTarget target = new CoreClientTarget("ffi-core", client, workload, scheduler);
 * }</pre>
 */
public final class CoreClientTarget implements LoadTarget {
  private final String name;
  private final CoreClient client;
  private final Workload workload;
  private final ScheduledExecutorService scheduler;

  /** Calls {@code client}; the caller owns and closes it and {@code scheduler} (deadlines). */
  public CoreClientTarget(
      String name, CoreClient client, Workload workload, ScheduledExecutorService scheduler) {
    this.name = requireNonNull(name, "name");
    this.client = requireNonNull(client, "client");
    this.workload = requireNonNull(workload, "workload");
    this.scheduler = requireNonNull(scheduler, "scheduler");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletableFuture<Reply> send(long index, Duration deadline) {
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(deadline.toNanos(), NANOSECONDS, scheduler);
    Context previous = context.attach();
    try {
      CompletableFuture<? extends CoreReply<?>> call =
          switch (workload) {
            case Workload.Search search -> client.search(search.request(index));
            case Workload.Rerank rerank -> client.rerank(rerank.request(index));
          };
      return call.<Reply>thenApply(reply -> Reply.ok(reply.coreNanos()))
          .whenComplete((reply, failure) -> context.cancel(null));
    } finally {
      context.detach(previous);
    }
  }
}
