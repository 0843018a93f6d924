package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.http.HttpListener;
import java.net.InetSocketAddress;

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
  private final HttpListener listener;

  RestServer(HttpListener listener) {
    this.listener = requireNonNull(listener, "listener");
  }

  /** A builder: listen address, gateway channel, limits. */
  public static RestServerBuilder builder() {
    return new RestServerBuilder();
  }

  /** The bound address (the real port when the builder asked for port 0). */
  public InetSocketAddress address() {
    return listener.address();
  }

  /** The bound port. */
  public int port() {
    return address().getPort();
  }

  /** Graceful close: no new connections, requests in progress answered, threads released. */
  @Override
  public void close() {
    listener.close();
  }
}
