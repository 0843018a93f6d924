package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.MessageOrBuilder;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Authorizer;
import dev.hybridgateway.gateway.http.HttpConnections;
import dev.hybridgateway.gateway.http.HttpListener;
import dev.hybridgateway.gateway.telemetry.MetricsExposition;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Configures and starts an {@link AdminServer}. Only the authenticator is required (the
 * {@code /admin/} pages fail closed); the rest defaults to: 127.0.0.1:9090, always ready, an
 * empty {@code /metrics}, {@code /admin/routes} answering {@code {}}. Admin traffic is light:
 * one event loop thread; requests are answered on virtual threads (one slow JWKS fetch for an
 * {@code /admin/} page does not hold up {@code /healthz}).
 */
public final class AdminServerBuilder {
  /** The default address: loopback only, so exposing the admin port is a deliberate choice. */
  public static final InetSocketAddress DEFAULT_LISTEN = new InetSocketAddress("127.0.0.1", 9090);

  private InetSocketAddress listen = DEFAULT_LISTEN;
  private Authenticator authenticator;
  private Authorizer authorizer = Authorizer.defaults();
  private ReadinessCheck readiness = ReadinessCheck.none();
  private MetricsExposition metrics = MetricsExposition.empty();
  private final Map<String, Supplier<String>> pages = new LinkedHashMap<>();
  private int maxRequestLineBytes = AdminLimits.DEFAULTS.maxRequestLineBytes();
  private int maxHeaderBytes = AdminLimits.DEFAULTS.maxHeaderBytes();
  private Duration idleTimeout = AdminLimits.DEFAULTS.idleTimeout();
  private Duration drainTimeout = AdminLimits.DEFAULTS.drainTimeout();

  AdminServerBuilder() {
    pages.put("routes", () -> "{}");
  }

  /** The address to bind; port 0 picks a free one. */
  public AdminServerBuilder listen(InetSocketAddress listen) {
    this.listen = requireNonNull(listen, "listen");
    return this;
  }

  /** Who may read {@code /admin/} pages (the admin scope by default); the caller closes both. */
  public AdminServerBuilder auth(Authenticator authenticator, Authorizer authorizer) {
    this.authenticator = requireNonNull(authenticator, "authenticator");
    this.authorizer = requireNonNull(authorizer, "authorizer");
    return this;
  }

  /** What {@code /readyz} reports. */
  public AdminServerBuilder readiness(ReadinessCheck readiness) {
    this.readiness = requireNonNull(readiness, "readiness");
    return this;
  }

  /** What {@code /metrics} serves ({@code Telemetry.metricsExposition()}). */
  public AdminServerBuilder metrics(MetricsExposition metrics) {
    this.metrics = requireNonNull(metrics, "metrics");
    return this;
  }

  /** {@code /admin/routes}: the routing table and circuit states, as JSON text. */
  public AdminServerBuilder routes(Supplier<String> json) {
    return page("routes", json);
  }

  /** {@code /admin/routes} from a message, printed in the proto3 JSON mapping. */
  public AdminServerBuilder routesMessage(Supplier<? extends MessageOrBuilder> message) {
    requireNonNull(message, "message");
    return page("routes", () -> Json.print(message.get()));
  }

  /**
   * {@code /admin/<name>}: a JSON page behind the admin operation named after it ({@code
   * circuits} → {@code MethodScopes.adminOperation("Circuits")}).
   */
  public AdminServerBuilder page(String name, Supplier<String> json) {
    requireNonNull(name, "name");
    if (!name.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException("admin page names are lower-case words: '" + name + "'");
    }
    pages.put(name, requireNonNull(json, "json"));
    return this;
  }

  /** Longest request line (default 4096 bytes) and header block (default 8192 bytes). */
  public AdminServerBuilder maxRequestSize(int requestLineBytes, int headerBytes) {
    this.maxRequestLineBytes = requestLineBytes;
    this.maxHeaderBytes = headerBytes;
    return this;
  }

  /** Idle connection timeout (default 60 s) and graceful close budget (default 5 s). */
  public AdminServerBuilder timeouts(Duration idle, Duration drain) {
    this.idleTimeout = requireNonNull(idle, "idle");
    this.drainTimeout = requireNonNull(drain, "drain");
    return this;
  }

  /** Binds and starts the server; throws IOException naming the address when it cannot bind. */
  public AdminServer start() throws IOException {
    if (authenticator == null) {
      throw new IllegalStateException("set the admin server's auth (Authenticator, Authorizer)");
    }
    AdminLimits limits =
        new AdminLimits(maxRequestLineBytes, maxHeaderBytes, idleTimeout, drainTimeout);
    AdminRoutes routes =
        new AdminRoutes(
            new HealthEndpoints(readiness),
            metrics,
            new AdminGuard(authenticator, authorizer),
            pages);
    HttpConnections connections = new HttpConnections("admin");
    EventLoopGroup io =
        new MultiThreadIoEventLoopGroup(
            1,
            Thread.ofPlatform().daemon().name("admin-io-", 0).factory(),
            NioIoHandler.newFactory());
    ExecutorService handlers =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("admin-handler-", 0).factory());
    ChannelFuture bound =
        new ServerBootstrap()
            .group(io)
            .channel(NioServerSocketChannel.class)
            .childHandler(new AdminPipeline(limits, routes, connections, handlers))
            .bind(listen)
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      handlers.shutdownNow();
      io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IOException(
          "cannot start the admin server on " + listen + ": " + bound.cause().getMessage(),
          bound.cause());
    }
    return new AdminServer(
        new HttpListener(bound.channel(), io, handlers, connections, drainTimeout));
  }
}
