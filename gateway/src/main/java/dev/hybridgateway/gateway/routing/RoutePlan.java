package dev.hybridgateway.gateway.routing;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.Transport;
import java.util.List;

/**
 * Where one call goes: the route that matched, the chosen backend, its shards in index order
 * (one entry for an unsharded backend) and the plan to use instead if this backend's circuit
 * turns out to be open (null when the route has no fallback, or this is the fallback).
 */
public record RoutePlan(
    String route, String backend, Transport transport, List<ShardTarget> shards, RoutePlan fallback) {
  public RoutePlan {
    requireNonNull(route, "route");
    requireNonNull(backend, "backend");
    requireNonNull(transport, "transport");
    shards = List.copyOf(shards);
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one shard");
    }
  }

  /** The first shard: where calls that are not fanned out (Rerank, GetStats) go. */
  public ShardTarget primary() {
    return shards.get(0);
  }
}
