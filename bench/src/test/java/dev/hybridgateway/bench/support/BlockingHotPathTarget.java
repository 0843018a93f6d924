package dev.hybridgateway.bench.support;

import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.load.Reply;
import dev.hybridgateway.bench.scenario.Workload;
import dev.hybridgateway.core.v1.HotPathGrpc;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A target that waits for each answer before returning, as a closed-loop client (one connection,
 * one request at a time, like wrk or ab) does. Run by the open-loop runner, it shows what such a
 * client measures from its actual send times, and what the intended times reveal.
 */
public final class BlockingHotPathTarget implements LoadTarget {
  private final HotPathGrpc.HotPathBlockingStub stub;
  private final Workload.Search workload;

  public BlockingHotPathTarget(Channel channel, Workload.Search workload) {
    this.stub = HotPathGrpc.newBlockingStub(channel);
    this.workload = workload;
  }

  @Override
  public String name() {
    return "closed-loop";
  }

  @Override
  public CompletableFuture<Reply> send(long index, Duration deadline) {
    try {
      stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
          .search(workload.request(index));
      return CompletableFuture.completedFuture(Reply.ok());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
