package dev.hybridgateway.bench.targets;

import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.gateway.v1.CoreCall;
import dev.hybridgateway.gateway.v1.RerankResponse;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.ShardResult;
import dev.hybridgateway.gateway.v1.Transport;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a gateway answer says about the core calls behind it ({@code CoreCall}, one per shard):
 * the core's own time, so a gateway target records the boundary cost of edge plus transport
 * (client-observed time minus core time), and the transports that served it, so a pinned target
 * can prove the pin was honoured.
 */
public final class CoreCalls {
  private CoreCalls() {}

  /** The calls of a Search (one per shard) or a Rerank (one). */
  public static List<CoreCall> of(Object response) {
    return switch (response) {
      case SearchResponse search -> search.getShardsList().stream()
          .filter(ShardResult::hasCall).map(ShardResult::getCall).toList();
      case RerankResponse rerank -> rerank.hasCall() ? List.of(rerank.getCall()) : List.of();
      default -> List.of();
    };
  }

  /**
   * The core time of the slowest call (shards run in parallel, so the slowest one bounds the
   * answer), or -1 when the answer reports none.
   */
  public static long coreNanos(List<CoreCall> calls) {
    long slowest = -1;
    for (CoreCall call : calls) {
      if (call.hasCoreTiming()) {
        CoreTiming t = call.getCoreTiming();
        slowest = Math.max(slowest,
            t.getQueueNs() + t.getDecodeNs() + t.getComputeNs() + t.getEncodeNs());
      }
    }
    return slowest;
  }

  /** The distinct transports that served {@code calls}. */
  public static Set<Transport> transports(List<CoreCall> calls) {
    return calls.stream().map(CoreCall::getTransport).collect(Collectors.toSet());
  }
}
