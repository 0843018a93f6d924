package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running admin HTTP/1.1 server. Built and started by {@link AdminServerBuilder}:
 *
 * <pre>{@code
 * try (AdminServer admin = AdminServer.builder()
 *     .listen(new InetSocketAddress("127.0.0.1", 9090))
 *     .auth(authenticator, Authorizer.defaults())
 *     .readiness(() -> Map.of("ffi", true))
 *     .metrics(telemetry.metricsExposition())
 *     .routes(routing::describeJson)
 *     .start()) {
 *   ...
 * }
 * }</pre>
 *
 * {@link #close()} stops accepting, lets requests in progress finish (up to the drain timeout)
 * and releases the threads. Close it after the gRPC server has drained, so {@code /metrics}
 * stays scrapeable while calls finish.
 */
public final class AdminServer implements AutoCloseable {
  private final Channel listener;
  private final EventLoopGroup io;
  private final ExecutorService handlerThreads;
  private final Connections connections;
  private final Duration drainTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  AdminServer(
      Channel listener,
      EventLoopGroup io,
      ExecutorService handlerThreads,
      Connections connections,
      Duration drainTimeout) {
    this.listener = requireNonNull(listener, "listener");
    this.io = requireNonNull(io, "io");
    this.handlerThreads = requireNonNull(handlerThreads, "handlerThreads");
    this.connections = requireNonNull(connections, "connections");
    this.drainTimeout = requireNonNull(drainTimeout, "drainTimeout");
  }

  /** A builder: address, auth, readiness, metrics, admin pages, limits. */
  public static AdminServerBuilder builder() {
    return new AdminServerBuilder();
  }

  /** The bound address (the real port when the builder asked for port 0). */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** The bound port. */
  public int port() {
    return address().getPort();
  }

  /** Graceful close: no new connections, requests in progress answered, threads released. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    listener.close().awaitUninterruptibly();
    connections.drain(drainTimeout);
    handlerThreads.shutdownNow();
    io.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
