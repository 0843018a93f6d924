package dev.hybridgateway.gateway;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.server.GatewayServer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started gateway process: the server and the core client it serves from, closed together
 * (server first, so in-flight calls drain before their core goes away). Only the first close
 * does anything, so both a signal's shutdown hook and the end of {@code main} may call it.
 */
final class RunningGateway implements AutoCloseable {
  private final GatewayServer server;
  private final CoreClient core;
  private final AtomicBoolean closed = new AtomicBoolean();

  RunningGateway(GatewayServer server, CoreClient core) {
    this.server = requireNonNull(server, "server");
    this.core = requireNonNull(core, "core");
  }

  GatewayServer server() {
    return server;
  }

  CoreClient core() {
    return core;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.close();
    } finally {
      core.close();
    }
  }
}
