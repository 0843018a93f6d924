package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's gRPC server (grpc-java on Netty): {@code hybrid.gateway.v1.SearchService} and
 * {@code CollectionService} over a core client, plus {@code grpc.health.v1.Health} and server
 * reflection. Built and started by {@link GatewayServerBuilder}.
 *
 * <p>Health starts NOT_SERVING: the port is open but the core may not be ready (a gRPC core
 * still starting, a demo collection still generating). Whoever knows call {@link
 * #markServing()}; {@link #close()} turns health NOT_SERVING first, so load balancers stop
 * sending before the listener closes.
 *
 * <pre>{@code
 * try (GatewayServer server = GatewayServer.builder().listen(address).core(core).start()) {
 *   server.markServing();
 *   server.awaitTermination();
 * }
 * }</pre>
 */
public final class GatewayServer implements AutoCloseable {
  /** The services whose health this server reports, besides the overall {@code ""}. */
  public static final List<String> SERVICE_NAMES =
      List.of(SearchServiceGrpc.SERVICE_NAME, CollectionServiceGrpc.SERVICE_NAME);

  private final Server server;
  private final HealthStatusManager health;
  private final ScheduledExecutorService deadlineTimer;
  private final Duration drainTimeout;
  private final EdgePipeline pipeline;
  private final List<AutoCloseable> owned;

  GatewayServer(
      Server server,
      HealthStatusManager health,
      ScheduledExecutorService deadlineTimer,
      Duration drainTimeout,
      EdgePipeline pipeline,
      List<AutoCloseable> owned) {
    this.server = requireNonNull(server, "server");
    this.health = requireNonNull(health, "health");
    this.deadlineTimer = requireNonNull(deadlineTimer, "deadlineTimer");
    this.drainTimeout = requireNonNull(drainTimeout, "drainTimeout");
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.owned = List.copyOf(owned);
  }

  /** A builder: listen address, pipeline (or one core client), auth, deadline policy, telemetry. */
  public static GatewayServerBuilder builder() {
    return new GatewayServerBuilder();
  }

  static GatewayServer start(
      Server server,
      HealthStatusManager health,
      ScheduledExecutorService deadlineTimer,
      Duration drainTimeout,
      EdgePipeline pipeline,
      List<AutoCloseable> owned)
      throws IOException {
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.NOT_SERVING);
    for (String service : SERVICE_NAMES) {
      health.setStatus(service, ServingStatus.NOT_SERVING);
    }
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      deadlineTimer.shutdownNow();
      closeAll(owned);
      throw e;
    }
    return new GatewayServer(server, health, deadlineTimer, drainTimeout, pipeline, owned);
  }

  /** The bound address (the real port when the builder asked for port 0). */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getListenSockets().getFirst();
  }

  /** The bound port. */
  public int port() {
    return address().getPort();
  }

  /** Reports SERVING for the whole server and each gateway service. */
  public void markServing() {
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    for (String service : SERVICE_NAMES) {
      health.setStatus(service, ServingStatus.SERVING);
    }
  }

  /** Blocks until the server has terminated (after {@link #close()}, e.g. from a signal). */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Graceful shutdown: health NOT_SERVING, no new calls, in-flight calls may finish for up to
   * the drain timeout, then the rest are cancelled. Idempotent. An interrupt cuts the drain
   * short (and stays set).
   */
  @Override
  public void close() {
    health.enterTerminalState();
    server.shutdown();
    try {
      if (!server.awaitTermination(drainTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      deadlineTimer.shutdownNow();
      closeAll(owned);
    }
  }

  /** The request pipeline the services run (its router renders {@code /admin/routes}). */
  public EdgePipeline pipeline() {
    return pipeline;
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        System.getLogger(GatewayServer.class.getName())
            .log(System.Logger.Level.WARNING, "closing " + resource + " failed", e);
      }
    }
  }
}
