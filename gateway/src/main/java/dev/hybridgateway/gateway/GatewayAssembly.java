package dev.hybridgateway.gateway;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.gateway.admin.AdminServer;
import dev.hybridgateway.gateway.admission.TenantRateLimiter;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Authorizer;
import dev.hybridgateway.gateway.config.BackendClients;
import dev.hybridgateway.gateway.config.CoreOptions;
import dev.hybridgateway.gateway.config.CoreReadiness;
import dev.hybridgateway.gateway.config.DemoCollection;
import dev.hybridgateway.gateway.config.RoutesPage;
import dev.hybridgateway.gateway.config.StartupAuth;
import dev.hybridgateway.gateway.config.StartupRouting;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.rest.RestServer;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.server.DeadlinePolicy;
import dev.hybridgateway.gateway.server.EdgePipeline;
import dev.hybridgateway.gateway.server.GatewayServer;
import dev.hybridgateway.gateway.server.GatewayServerBuilder;
import dev.hybridgateway.gateway.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the gateway process from {@link Main}'s options, in dependency order: telemetry, the
 * routing table, the core clients of every backend, auth (--auth dev or prod), the edge pipeline, the
 * gRPC server, the admin port, the cores' readiness, the demo collection on every shard, REST,
 * then SERVING and the listening line. A failure on the way closes what was started.
 */
final class GatewayAssembly {
  private GatewayAssembly() {}

  static RunningGateway start(Main options, PrintStream out) throws Exception {
    Deque<AutoCloseable> started = new ArrayDeque<>(); // newest first: closed in reverse
    try {
      Telemetry telemetry = Telemetry.fromEnvironment();
      started.addFirst(telemetry);
      RoutingConfig routing = StartupRouting.of(options.config, options.core, options.coreTarget);
      BackendClients clients =
          BackendClients.open(
              routing, new CoreOptions(options.coreTarget, telemetry.openTelemetry()));
      started.addFirst(clients);
      BackendResilience resilience = BackendResilience.builder().build();
      started.addFirst(resilience);
      StartupAuth auth = StartupAuth.of(options.auth, options.authConfig, options.devDir);
      Authenticator authenticator = Authenticator.create(auth.config());
      started.addFirst(authenticator);
      EdgePipeline pipeline =
          EdgePipeline.builder()
              .routing(routing)
              .clients(clients.byBackend())
              .resilience(resilience)
              .rateLimiter(
                  TenantRateLimiter.builder()
                      .permitsPerSecond(options.rateLimit)
                      .burst(options.rateBurst)
                      .build())
              .telemetry(telemetry)
              .build();
      GatewayServer server =
          GatewayServer.builder()
              .listen(options.listen)
              .pipeline(pipeline)
              .auth(authenticator)
              .deadlinePolicy(policy(options))
              .telemetry(telemetry)
              .drainTimeout(options.drainTimeout)
              .start();
      started.addFirst(server);
      AtomicBoolean ready = new AtomicBoolean();
      AdminServer admin =
          AdminServer.builder()
              .listen(options.adminListen)
              .auth(authenticator, Authorizer.defaults())
              .readiness(() -> readiness(routing, resilience, ready.get()))
              .metrics(telemetry.metricsExposition())
              .routesMessage(new RoutesPage(routing, resilience.circuitStates()))
              .start();
      started.addFirst(admin);
      prepareCores(options, routing, clients);
      ManagedChannel restChannel =
          NettyChannelBuilder.forAddress(server.address())
              .usePlaintext()
              .maxInboundMessageSize(GatewayServerBuilder.MAX_MESSAGE_BYTES)
              .build();
      started.addFirst(restChannel::shutdownNow);
      RestServer rest =
          RestServer.builder().listen(options.restListen).gateway(restChannel).start();
      started.addFirst(rest);
      server.markServing();
      ready.set(true);
      RunningGateway running =
          new RunningGateway(
              rest, restChannel, server, admin, clients, resilience, authenticator, telemetry);
      System.err.printf(
          "hybrid-gateway: %s; %s%n", auth.description(), telemetry.describe());
      out.printf(
          "hybrid-gateway listening on %s (core: %s; rest: %s; admin: %s)%n",
          hostPort(server.address()), StartupRouting.describe(routing), hostPort(rest.address()),
          hostPort(admin.address()));
      out.flush();
      return running;
    } catch (Exception | Error e) {
      for (AutoCloseable resource : started) {
        try {
          resource.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static DeadlinePolicy policy(Main options) {
    return DeadlinePolicy.builder()
        .defaultTimeout(options.defaultDeadline)
        .maxTimeout(options.maxDeadline)
        .reserve(options.edgeReserve)
        .minBudget(options.minBudget)
        .build();
  }

  /** Waits for every shard of every backend, then creates the demo collection on each. */
  private static void prepareCores(Main options, RoutingConfig routing, BackendClients clients)
      throws InterruptedException {
    for (List<CoreClient> shards : clients.byBackend().values()) {
      for (CoreClient shard : shards) {
        CoreReadiness.await(shard, options.startupTimeout);
      }
    }
    if (!options.demoCollection) {
      return;
    }
    DemoCollection demo =
        new DemoCollection(
            DemoCollection.DEFAULT_NAME, DemoCollection.DEFAULT_SEED, options.demoCount,
            options.demoDim);
    clients.byBackend().forEach(
        (backend, shards) -> {
          long count = 0;
          for (int i = 0; i < shards.size(); i++) {
            CollectionInfo info =
                demo.createIn(shards.get(i), i, shards.size(), options.startupTimeout);
            count += info.getCount();
          }
          System.err.printf(
              "hybrid-gateway: collection '%s' ready on backend '%s': %d vectors of dim %d over"
                  + " %d shard(s)%n",
              demo.name(), backend, count, demo.dim(), shards.size());
        });
  }

  private static Map<String, Boolean> readiness(
      RoutingConfig routing, BackendResilience resilience, boolean started) {
    Map<String, Boolean> backends = new LinkedHashMap<>();
    for (String backend : routing.backends().keySet()) {
      backends.put(backend, started && !resilience.isOpen(backend));
    }
    return backends;
  }

  static String hostPort(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
