package dev.hybridgateway.gateway.routing;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;

/**
 * One shard to call: shard {@code index} of {@code count} (the ids with id % count == index),
 * served by {@code client} of backend {@code backend}.
 */
public record ShardTarget(int index, int count, String backend, CoreClient client) {
  public ShardTarget {
    requireNonNull(backend, "backend");
    requireNonNull(client, "client");
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("shard index " + index + " not in 0.." + (count - 1));
    }
  }
}
