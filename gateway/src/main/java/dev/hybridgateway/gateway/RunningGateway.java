package dev.hybridgateway.gateway;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.admin.AdminServer;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.config.BackendClients;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.rest.RestServer;
import dev.hybridgateway.gateway.server.GatewayServer;
import dev.hybridgateway.gateway.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started gateway process and everything it owns, closed in the one safe order: stop
 * accepting (REST, then gRPC, which drains its in-flight calls), the admin port, the REST
 * adapter's channel, the core clients, resilience and auth, telemetry last (so the spans of the
 * drained calls are still flushed). Only the first close does anything, so both a signal's
 * shutdown hook and the end of {@code main} may call it. {@link GatewayAssembly} builds it.
 */
final class RunningGateway implements AutoCloseable {
  private final GatewayServer server;
  private final List<AutoCloseable> inOrder;
  private final AtomicBoolean closed = new AtomicBoolean();

  RunningGateway(
      RestServer rest,
      ManagedChannel restChannel,
      GatewayServer server,
      AdminServer admin,
      BackendClients clients,
      BackendResilience resilience,
      Authenticator authenticator,
      Telemetry telemetry) {
    this.server = requireNonNull(server, "server");
    List<AutoCloseable> order = new ArrayList<>();
    if (rest != null) {
      order.add(rest);
    }
    order.add(server);
    order.add(requireNonNull(admin, "admin"));
    if (restChannel != null) {
      order.add(restChannel::shutdownNow);
    }
    order.add(requireNonNull(clients, "clients"));
    order.add(requireNonNull(resilience, "resilience"));
    order.add(requireNonNull(authenticator, "authenticator"));
    order.add(requireNonNull(telemetry, "telemetry"));
    this.inOrder = List.copyOf(order);
  }

  GatewayServer server() {
    return server;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (AutoCloseable resource : inOrder) {
      try {
        resource.close();
      } catch (Exception e) {
        System.getLogger(RunningGateway.class.getName())
            .log(System.Logger.Level.WARNING, "shutdown: closing " + resource + " failed", e);
      }
    }
  }
}
