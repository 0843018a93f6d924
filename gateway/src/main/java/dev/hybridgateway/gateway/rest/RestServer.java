package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The REST/JSON adapter: an HTTP/1.1 server (Netty, keep-alive) that serves the routes of the
 * {@code google.api.http} annotations by calling the gateway's own gRPC services through a
 * {@link io.grpc.Channel}, so every gRPC interceptor (auth, deadline policy, telemetry) runs for
 * REST callers too. Built and started by {@link RestServerBuilder}.
 *
 * <pre>{@code
 * try (RestServer rest =
 *     RestServer.builder().listen(new InetSocketAddress("127.0.0.1", 8081)).gateway(channel).start()) {
 *   System.out.println("REST on port " + rest.port());
 * }
 * }</pre>
 *
 * {@link #close()} stops accepting, lets requests in progress finish (up to the drain timeout;
 * their responses carry {@code Connection: close}), then releases the threads. It does not close
 * the gateway channel: whoever created it closes it.
 */
public final class RestServer implements AutoCloseable {
  private final Channel listener;
  private final EventLoopGroup io;
  private final ExecutorService json;
  private final RestConnections connections;
  private final Duration drainTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  RestServer(
      Channel listener,
      EventLoopGroup io,
      ExecutorService json,
      RestConnections connections,
      Duration drainTimeout) {
    this.listener = requireNonNull(listener, "listener");
    this.io = requireNonNull(io, "io");
    this.json = requireNonNull(json, "json");
    this.connections = requireNonNull(connections, "connections");
    this.drainTimeout = requireNonNull(drainTimeout, "drainTimeout");
  }

  /** A builder: listen address, gateway channel, limits. */
  public static RestServerBuilder builder() {
    return new RestServerBuilder();
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
    json.shutdownNow();
    io.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
