package dev.hybridgateway.gateway.config;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.routing.BackendConfig;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw core clients of every backend of a routing table, opened at start-up and closed at
 * shutdown: one {@code GrpcCoreClient} per gRPC target, and for java and ffi backends one
 * in-process engine per shard. The pipeline wraps them; this class owns them.
 *
 * <pre>{@code
 * try (BackendClients clients = BackendClients.open(routing, options)) {
 *   EdgePipeline.builder().routing(routing).clients(clients.byBackend())...
 * }
 * }</pre>
 */
public final class BackendClients implements AutoCloseable {
  private final Map<String, List<CoreClient>> clients;

  private BackendClients(Map<String, List<CoreClient>> clients) {
    this.clients = clients;
  }

  /** Opens the clients of every backend of {@code routing}; on failure closes those opened. */
  public static BackendClients open(RoutingConfig routing, CoreOptions options) {
    requireNonNull(routing, "routing");
    requireNonNull(options, "options");
    Map<String, List<CoreClient>> opened = new LinkedHashMap<>();
    BackendClients result = new BackendClients(opened);
    try {
      for (BackendConfig backend : routing.backends().values()) {
        List<CoreClient> shards = new ArrayList<>();
        opened.put(backend.name(), shards);
        for (int i = 0; i < backend.shards(); i++) {
          CoreOptions shard =
              backend.targets().isEmpty() ? options : options.withGrpcTarget(backend.targets().get(i));
          shards.add(CoreClients.open(backend.type(), shard));
        }
      }
    } catch (RuntimeException | Error e) {
      result.close();
      throw e;
    }
    return result;
  }

  /** Backend name → its clients, one per shard in shard order. */
  public Map<String, List<CoreClient>> byBackend() {
    return Collections.unmodifiableMap(clients);
  }

  /** Closes every client (in-flight calls fail); errors are logged, the rest still close. */
  @Override
  public void close() {
    for (List<CoreClient> shards : clients.values()) {
      for (CoreClient client : shards) {
        try {
          client.close();
        } catch (RuntimeException e) {
          System.getLogger(BackendClients.class.getName())
              .log(System.Logger.Level.WARNING, "closing a core client failed", e);
        }
      }
    }
  }
}
