package dev.hybridgateway.bench.targets;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.load.Reply;
import dev.hybridgateway.bench.scenario.Workload;
import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.core.v1.HotPathGrpc;
import io.grpc.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Rust core reached directly over gRPC ({@code hybrid.core.v1.HotPath/Search} and
 * {@code /Rerank}), through grpc-java's future stubs. Requests spread round-robin over the given
 * channels (one HTTP/2 connection each). The core's reported timing makes the boundary cost of
 * the gRPC transport visible: client-observed time minus queue + compute time in the core.
 *
 * <pre>{@code
 * LoadTarget target = new GrpcCoreTarget("grpc-core", List.of(channel), Workload.of(...));
 * }</pre>
 */
public final class GrpcCoreTarget implements LoadTarget {
  private final String name;
  private final List<HotPathGrpc.HotPathFutureStub> stubs;
  private final Workload workload;

  /** Calls over {@code channels}, which the caller owns and closes. */
  public GrpcCoreTarget(String name, List<? extends Channel> channels, Workload workload) {
    this.name = requireNonNull(name, "name");
    this.workload = requireNonNull(workload, "workload");
    this.stubs = requireNonNull(channels, "channels").stream().map(HotPathGrpc::newFutureStub).toList();
    if (stubs.isEmpty()) {
      throw new IllegalArgumentException("need at least one channel");
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletableFuture<Reply> send(long index, Duration deadline) {
    HotPathGrpc.HotPathFutureStub stub =
        stubs.get((int) Math.floorMod(index, (long) stubs.size()))
            .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    return switch (workload) {
      case Workload.Search search ->
          ListenableFutures.toCompletable(stub.search(search.request(index)))
              .thenApply(response -> reply(response.hasTiming(), response.getTiming()));
      case Workload.Rerank rerank ->
          ListenableFutures.toCompletable(stub.rerank(rerank.request(index)))
              .thenApply(response -> reply(response.hasTiming(), response.getTiming()));
    };
  }

  /** OK with the core's own time, or with "unknown" when the response carries no timing. */
  private static Reply reply(boolean hasTiming, CoreTiming timing) {
    if (!hasTiming) {
      return Reply.ok();
    }
    return Reply.ok(
        timing.getQueueNs() + timing.getDecodeNs() + timing.getComputeNs()
            + timing.getEncodeNs());
  }
}
