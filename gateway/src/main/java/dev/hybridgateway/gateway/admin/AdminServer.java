package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.http.HttpListener;
import java.net.InetSocketAddress;

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
  private final HttpListener listener;

  AdminServer(HttpListener listener) {
    this.listener = requireNonNull(listener, "listener");
  }

  /** A builder: address, auth, readiness, metrics, admin pages, limits. */
  public static AdminServerBuilder builder() {
    return new AdminServerBuilder();
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
