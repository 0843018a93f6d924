package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.auth.AuthInterceptor;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Authorizer;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.telemetry.ServerTelemetry;
import dev.hybridgateway.gateway.telemetry.Telemetry;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Assembles and starts a {@link GatewayServer}. The interceptor chain, outermost first, is the
 * head of the request path that {@link EdgePipeline} writes down in full: server span, access
 * log, authentication and authorization, the tenant for the access log, the transport override
 * header, the deadline policy; then the services, which run the pipeline. Health and reflection
 * are served as they are, outside it.
 */
public final class GatewayServerBuilder {
  /** Largest request or response: the core's limit, so a Rerank the core accepts gets through. */
  public static final int MAX_MESSAGE_BYTES = 64 << 20;

  /** Concurrent calls (HTTP/2 streams) per client connection. */
  public static final int MAX_CALLS_PER_CONNECTION = 1024;

  /** Largest metadata (all headers of a call) accepted; larger calls are refused. */
  public static final int MAX_METADATA_BYTES = 16 << 10;

  /** RST_STREAM frames a connection may send per {@link #RST_WINDOW_SECONDS} (rapid reset). */
  public static final int MAX_RST_FRAMES = 1000;

  /** The window of {@link #MAX_RST_FRAMES}. */
  public static final int RST_WINDOW_SECONDS = 10;

  /** How long {@link GatewayServer#close()} lets in-flight calls finish. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private InetSocketAddress listen = new InetSocketAddress("127.0.0.1", 8080);
  private EdgePipeline pipeline;
  private CoreClient core;
  private Authenticator authenticator;
  private boolean unauthenticated;
  private DeadlinePolicy deadlinePolicy = DeadlinePolicy.defaults();
  private Telemetry telemetry = Telemetry.noop();
  private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;

  GatewayServerBuilder() {}

  /** The address to bind; port 0 picks a free one. Default 127.0.0.1:8080. */
  public GatewayServerBuilder listen(InetSocketAddress listen) {
    this.listen = requireNonNull(listen, "listen");
    return this;
  }

  /** The request pipeline (routing, admission, fan-out, resilience). This or {@link #core}. */
  public GatewayServerBuilder pipeline(EdgePipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    return this;
  }

  /**
   * Serves every call from {@code core} alone: a pipeline of one backend named after its
   * transport, with default admission and resilience. The caller keeps owning (and closes) it.
   */
  public GatewayServerBuilder core(CoreClient core) {
    this.core = requireNonNull(core, "core");
    return this;
  }

  /** Authenticates every call and authorizes it with the default scope table. */
  public GatewayServerBuilder auth(Authenticator authenticator) {
    this.authenticator = requireNonNull(authenticator, "authenticator");
    return this;
  }

  /**
   * Serves without authentication: every caller is the tenant {@code anonymous} without the admin
   * scope. For tests and tools only; the gateway process always authenticates.
   */
  public GatewayServerBuilder unauthenticated() {
    this.unauthenticated = true;
    return this;
  }

  /** The deadline policy of every gateway route. */
  public GatewayServerBuilder deadlinePolicy(DeadlinePolicy deadlinePolicy) {
    this.deadlinePolicy = requireNonNull(deadlinePolicy, "deadlinePolicy");
    return this;
  }

  /** Server spans and the access log (default: no-op that still continues W3C trace context). */
  public GatewayServerBuilder telemetry(Telemetry telemetry) {
    this.telemetry = requireNonNull(telemetry, "telemetry");
    return this;
  }

  /** How long a graceful shutdown waits for in-flight calls. */
  public GatewayServerBuilder drainTimeout(Duration drainTimeout) {
    this.drainTimeout = requireNonNull(drainTimeout, "drainTimeout");
    return this;
  }

  /** Binds and starts the server, health NOT_SERVING until {@link GatewayServer#markServing()}. */
  public GatewayServer start() throws IOException {
    if ((pipeline == null) == (core == null)) {
      throw new IllegalStateException("set either the pipeline or the core client");
    }
    if ((authenticator == null) == !unauthenticated) {
      throw new IllegalStateException("set either auth(authenticator) or unauthenticated()");
    }
    List<AutoCloseable> owned = new ArrayList<>();
    EdgePipeline edge = pipeline == null ? singleCore(owned) : pipeline;
    ScheduledThreadPoolExecutor deadlineTimer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("gateway-deadlines").factory());
    deadlineTimer.setRemoveOnCancelPolicy(true);
    HealthStatusManager health = new HealthStatusManager();
    NettyServerBuilder netty =
        NettyServerBuilder.forAddress(listen)
            // Hardening: every value is explicit; gateway/README.md "Hardening" has the table.
            // HTTP/2 streams per connection: the core's limit; admission is the tenant rate
            // limit and the per-backend bulkheads, not stream refusal.
            .maxConcurrentCallsPerConnection(MAX_CALLS_PER_CONNECTION)
            // The core's message limit, so a Rerank the core accepts gets through.
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            // Metadata is a bearer token and a few headers; 16 KiB (the core's header-list
            // limit, grpc-java's default is 8 KiB) fits a JWT with many scopes.
            .maxInboundMetadataSize(MAX_METADATA_BYTES)
            // Ping idle-looking connections every 30 s, drop them when no ack in 10 s.
            .keepAliveTime(30, TimeUnit.SECONDS)
            .keepAliveTimeout(10, TimeUnit.SECONDS)
            // Core clients (CoreChannelBuilder) ping every 30 s; allow that, refuse floods.
            .permitKeepAliveTime(20, TimeUnit.SECONDS)
            // No pings on connections without calls: idle ones are closed below anyway.
            .permitKeepAliveWithoutCalls(false)
            // Close connections idle for 5 min (GOAWAY; clients reconnect transparently).
            .maxConnectionIdle(5, TimeUnit.MINUTES)
            // Recycle every connection after 30 min so clients rebalance over new instances,
            // with a grace of the longest deadline the edge grants (DeadlinePolicy max 30 s).
            .maxConnectionAge(30, TimeUnit.MINUTES)
            .maxConnectionAgeGrace(30, TimeUnit.SECONDS)
            // HTTP/2 rapid reset (CVE-2023-44487): at most 1,000 RST_STREAM per 10 s per
            // connection (an attack sends ~100,000/s; a client cancelling its calls rarely
            // exceeds the 1,024 streams it may hold), else GOAWAY.
            .maxRstFramesPerWindow(MAX_RST_FRAMES, RST_WINDOW_SECONDS)
            .addService(health.getHealthService())
            .addService(ProtoReflectionServiceV1.newInstance());
    ServerInterceptor[] chain = chain(new DeadlineInterceptor(deadlinePolicy, deadlineTimer));
    for (ServerServiceDefinition service :
        new ServerServiceDefinition[] {
          new SearchServiceImpl(edge).bindService(), new CollectionServiceImpl(edge).bindService()
        }) {
      netty.addService(ServerInterceptors.intercept(service, chain));
    }
    return GatewayServer.start(netty.build(), health, deadlineTimer, drainTimeout, edge, owned);
  }

  /** The interceptors innermost first, as {@code ServerInterceptors.intercept} wants them. */
  private ServerInterceptor[] chain(DeadlineInterceptor deadlines) {
    ServerTelemetry server = ServerTelemetry.of(telemetry);
    List<ServerInterceptor> inner = new ArrayList<>(List.of(deadlines, new TransportOverride()));
    if (authenticator != null) {
      inner.add(server.afterAuth());
      inner.add(new AuthInterceptor(authenticator, Authorizer.defaults()));
    }
    inner.add(server.accessLog());
    inner.add(server.serverSpans());
    return inner.toArray(ServerInterceptor[]::new);
  }

  private EdgePipeline singleCore(List<AutoCloseable> owned) {
    String backend = core.transport().id();
    RoutingConfig routing =
        RoutingConfig.parse(
            "backends:\n  " + backend + ":\n    type: " + backend + "\n"
                + (backend.equals("grpc") ? "    targets: [in-process]\n" : "")
                + "routes: []\ndefault_route:\n  name: default\n  backends:\n"
                + "    - backend: " + backend + "\n      weight: 100\n",
            "single core");
    BackendResilience resilience = BackendResilience.builder().build();
    owned.add(resilience);
    return EdgePipeline.builder()
        .routing(routing)
        .clients(Map.of(backend, List.of(core)))
        .resilience(resilience)
        .telemetry(telemetry)
        .build();
  }
}
