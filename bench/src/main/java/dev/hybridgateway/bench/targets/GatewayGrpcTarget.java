package dev.hybridgateway.bench.targets;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.load.Reply;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's public gRPC API ({@code hybrid.gateway.v1.SearchService/Search} and
 * {@code /Rerank}) as a load target, through grpc-java's future stubs, exactly like {@link
 * GrpcCoreTarget} does for the core, so the two differ only by the edge. Every call carries the
 * {@link GatewayHeaders} (token, transport pin). The answer's {@code CoreCall}s give the core's
 * time, so the recorded boundary cost is edge plus transport. Also loads the bare grpc-java
 * server that answers the same methods with a fixed reply ({@link BareSearchServer}).
 */
public final class GatewayGrpcTarget implements LoadTarget {
  private final String name;
  private final List<SearchServiceGrpc.SearchServiceFutureStub> stubs;
  private final GatewayWorkload workload;

  /** Calls over {@code channels}, which the caller owns and closes. */
  public GatewayGrpcTarget(
      String name, List<? extends Channel> channels, GatewayWorkload workload,
      GatewayHeaders headers) {
    this.name = requireNonNull(name, "name");
    this.workload = requireNonNull(workload, "workload");
    this.stubs =
        requireNonNull(channels, "channels").stream()
            .map(c -> SearchServiceGrpc.newFutureStub(c).withInterceptors(headers.interceptor()))
            .toList();
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
    SearchServiceGrpc.SearchServiceFutureStub stub =
        stubs.get((int) Math.floorMod(index, (long) stubs.size()))
            .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    return switch (workload) {
      case GatewayWorkload.Search search ->
          ListenableFutures.toCompletable(stub.search(search.request(index)))
              .thenApply(response -> Reply.ok(CoreCalls.coreNanos(CoreCalls.of(response))));
      case GatewayWorkload.Rerank rerank ->
          ListenableFutures.toCompletable(stub.rerank(rerank.request(index)))
              .thenApply(response -> Reply.ok(CoreCalls.coreNanos(CoreCalls.of(response))));
    };
  }
}
