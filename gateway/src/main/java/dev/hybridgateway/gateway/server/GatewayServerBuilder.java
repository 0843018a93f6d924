package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Assembles and starts a {@link GatewayServer}. The order in which a call crosses the edge is
 * written down here, and only here:
 *
 * <ol>
 *   <li>OpenTelemetry server interceptor: continues the client's W3C {@code traceparent} (the
 *       core client then sends it on to the core);
 *   <li>{@link DeadlineInterceptor}: the edge deadline policy (may answer DEADLINE_EXCEEDED
 *       without calling the core);
 *   <li>the service ({@link SearchServiceImpl}, {@link CollectionServiceImpl}): map, call the
 *       core, map back.
 * </ol>
 *
 * Health and reflection are served as they are, outside the policy.
 */
public final class GatewayServerBuilder {
  /** Largest request or response: the core's limit, so a Rerank the core accepts gets through. */
  public static final int MAX_MESSAGE_BYTES = 64 << 20;

  /** How long {@link GatewayServer#close()} lets in-flight calls finish. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private InetSocketAddress listen = new InetSocketAddress("127.0.0.1", 8080);
  private CoreClient core;
  private DeadlinePolicy deadlinePolicy = DeadlinePolicy.defaults();
  private OpenTelemetry openTelemetry = OpenTelemetry.noop();
  private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;

  GatewayServerBuilder() {}

  /** The address to bind; port 0 picks a free one. Default 127.0.0.1:8080. */
  public GatewayServerBuilder listen(InetSocketAddress listen) {
    this.listen = requireNonNull(listen, "listen");
    return this;
  }

  /** The core every call goes to; the caller keeps owning (and closes) it. Required. */
  public GatewayServerBuilder core(CoreClient core) {
    this.core = requireNonNull(core, "core");
    return this;
  }

  /** The deadline policy of every gateway route. */
  public GatewayServerBuilder deadlinePolicy(DeadlinePolicy deadlinePolicy) {
    this.deadlinePolicy = requireNonNull(deadlinePolicy, "deadlinePolicy");
    return this;
  }

  /** The OpenTelemetry of the server interceptor (no-op unless set). */
  public GatewayServerBuilder openTelemetry(OpenTelemetry openTelemetry) {
    this.openTelemetry = requireNonNull(openTelemetry, "openTelemetry");
    return this;
  }

  /** How long a graceful shutdown waits for in-flight calls. */
  public GatewayServerBuilder drainTimeout(Duration drainTimeout) {
    this.drainTimeout = requireNonNull(drainTimeout, "drainTimeout");
    return this;
  }

  /** Binds and starts the server, health NOT_SERVING until {@link GatewayServer#markServing()}. */
  public GatewayServer start() throws IOException {
    if (core == null) {
      throw new IllegalStateException("set the core client of the gateway server");
    }
    ScheduledThreadPoolExecutor deadlineTimer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("gateway-deadlines").factory());
    deadlineTimer.setRemoveOnCancelPolicy(true);
    CoreCalls calls = new CoreCalls(core.transport().id(), core.transport());
    DeadlineInterceptor deadlines = new DeadlineInterceptor(deadlinePolicy, deadlineTimer);
    var tracing = GrpcTelemetry.create(openTelemetry).newServerInterceptor();
    HealthStatusManager health = new HealthStatusManager();
    NettyServerBuilder netty =
        NettyServerBuilder.forAddress(listen)
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            .keepAliveTime(30, TimeUnit.SECONDS)
            .keepAliveTimeout(10, TimeUnit.SECONDS)
            // Core clients (CoreChannelBuilder) ping every 30 s; allow that, refuse floods.
            .permitKeepAliveTime(20, TimeUnit.SECONDS)
            .addService(health.getHealthService())
            .addService(ProtoReflectionServiceV1.newInstance());
    for (ServerServiceDefinition service :
        new ServerServiceDefinition[] {
          new SearchServiceImpl(core, calls).bindService(),
          new CollectionServiceImpl(core, calls).bindService()
        }) {
      // intercept() runs the last interceptor first: tracing, then deadlines, then the service.
      netty.addService(ServerInterceptors.intercept(service, deadlines, tracing));
    }
    return GatewayServer.start(netty.build(), health, deadlineTimer, drainTimeout);
  }
}
