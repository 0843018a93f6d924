package dev.hybridgateway.gateway.routing;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.Transport;
import java.util.List;

/**
 * One backend: a core reached through one transport, holding {@link #shards()} shards. A gRPC
 * backend lists one target per shard, in shard order; a java or ffi backend runs its shards
 * in-process (one engine each).
 *
 * @param name the backend's name (metrics, circuit, admin, {@code CoreCall.backend})
 * @param type its transport
 * @param targets gRPC targets ({@code host:port}), one per shard; empty for java and ffi
 * @param shards how many shards it holds (1 = each collection whole)
 */
public record BackendConfig(String name, Transport type, List<String> targets, int shards) {
  public BackendConfig {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    targets = List.copyOf(targets);
  }
}
