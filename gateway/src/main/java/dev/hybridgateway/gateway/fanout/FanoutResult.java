package dev.hybridgateway.gateway.fanout;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.gateway.v1.SearchResponse;

/**
 * A gathered Search: the public response (merged hits, {@code partial}, one ShardResult per
 * shard) and the timing of its critical path. Shards run in parallel, so the call took as long
 * as its slowest shard: {@link #clientNanos()} and {@link #coreTiming()} are those of the
 * answering shard with the largest client-observed time (summing would overstate the latency);
 * their difference is the boundary cost for metrics and {@code Server-Timing}. Per-shard figures
 * are in the response's {@code shards}.
 *
 * @param response the public response
 * @param backend the backend that served it (the fallback's name if the fallback did)
 * @param clientNanos client-observed time of the slowest answering shard
 * @param coreTiming the core timing that shard reported
 */
public record FanoutResult(
    SearchResponse response, String backend, long clientNanos, CoreTiming coreTiming) {
  public FanoutResult {
    requireNonNull(response, "response");
    requireNonNull(backend, "backend");
    requireNonNull(coreTiming, "coreTiming");
  }

  /** Client time minus the core's total time on the critical path, never negative. */
  public long boundaryNanos() {
    long core =
        coreTiming.getQueueNs()
            + coreTiming.getDecodeNs()
            + coreTiming.getComputeNs()
            + coreTiming.getEncodeNs();
    return Math.max(0, clientNanos - core);
  }
}
