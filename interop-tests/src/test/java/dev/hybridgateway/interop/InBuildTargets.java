package dev.hybridgateway.interop;

import dev.hybridgateway.gateway.admission.TenantRateLimiter;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.ffi.FfiConfig;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.rest.RestServer;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.server.EdgePipeline;
import dev.hybridgateway.gateway.server.GatewayServer;
import dev.hybridgateway.gateway.server.GatewayServerBuilder;
import dev.hybridgateway.gateway.telemetry.Telemetry;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The targets of the in-build run, started on loopback by the suite itself: the Java engine,
 * the Rust engine through FFM (test hooks on), a {@code hotpath-server} process over gRPC (the
 * long-scan collection preloaded, {@code hotpath_server} logging at debug level for the TRACE
 * case), the gateway in-process in front of that same server, and the gateway's REST adapter in
 * front of that gateway. The gateway authenticates (the dev profile: a key pair in a temporary
 * directory, the suite's token minted with every scope), records its spans in memory and sends
 * {@code traceparent} to the core; its counters are read through the gRPC client. Close to stop
 * everything.
 */
final class InBuildTargets implements AutoCloseable {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Map<TargetKind, InteropTarget> targets = new EnumMap<>(TargetKind.class);
  private final CoreClient oracle;

  InBuildTargets() throws Exception {
    oracle = own(JavaCoreClient.builder().build());
    CoreClient java = own(JavaCoreClient.builder().build());
    targets.put(TargetKind.JAVA,
        InteropTarget.ofCore(TargetKind.JAVA, "in-process", java, null, false));
    FfiCoreClient ffi = own(FfiCoreClient.open(FfiConfig.builder().testHooks(true).build()));
    targets.put(TargetKind.FFI, InteropTarget.ofCore(TargetKind.FFI, "in-process", ffi, null, true));

    RustCoreServer server = own(RustCoreServer.start(
        "--preload", LongScan.PRELOAD, "--log-level", "hotpath_server=debug"));
    String coreAddress = "127.0.0.1:" + server.port();
    ManagedChannel coreChannel = CoreChannelBuilder.forTarget(coreAddress).build();
    resources.add(coreChannel::shutdownNow);
    CoreClient grpc = own(GrpcCoreClient.of(coreChannel));
    targets.put(TargetKind.GRPC,
        InteropTarget.ofCore(TargetKind.GRPC, coreAddress, grpc, coreChannel, false));

    Path devDir = Files.createTempDirectory("interop-dev-keys");
    resources.add(() -> deleteTree(devDir));
    DevTokens tokens = DevTokens.open(devDir);
    Authenticator authenticator = own(Authenticator.create(tokens.authConfig().build()));
    String token = tokens.mint("interop",
        List.of(Scopes.SEARCH, Scopes.COLLECTIONS_READ, Scopes.COLLECTIONS_WRITE, Scopes.ADMIN),
        Duration.ofHours(2));

    InMemorySpanExporter spans = InMemorySpanExporter.create();
    Telemetry telemetry = own(
        Telemetry.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build());
    TraceProbe traces = new InBuildTraceProbe(spans, server);
    CoreClient gatewayCore = own(GrpcCoreClient.builder().channel(coreChannel)
        .openTelemetry(telemetry.openTelemetry()).build());
    // The catalogue fails calls on purpose (deadlines mid-compute, cancellations), several in a
    // row: with the default circuit (50 % of the last 20 calls) the backend's circuit would open and the
    // next cases would get UNAVAILABLE instead of what they test. Opens only if every one of
    // 100 calls fails; circuit breaking has its own tests in the gateway module.
    BackendResilience resilience = own(BackendResilience.builder()
        .window(100, 100).failureRatePercent(100f).build());
    EdgePipeline pipeline = EdgePipeline.builder()
        .routing(RoutingConfig.parse("backends:\n  grpc: {type: grpc, targets: [" + coreAddress
            + "]}\ndefault_route:\n  backends: [{backend: grpc}]\n", "interop in-build"))
        .clients(Map.of("grpc", List.of(gatewayCore)))
        .resilience(resilience)
        .telemetry(telemetry)
        // Not the default 100 calls/s per tenant: the suite's bursts (concurrent_calls) would be
        // throttled at random. The rate limit has its own tests in the gateway module.
        .rateLimiter(TenantRateLimiter.builder().permitsPerSecond(1e6).burst(1_000_000).build())
        .build();
    GatewayServer gateway = own(GatewayServer.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0)).pipeline(pipeline).telemetry(telemetry)
        .auth(authenticator).start());
    gateway.markServing();
    String gatewayAddress = "127.0.0.1:" + gateway.port();
    ManagedChannel gatewayChannel = gatewayChannel(gatewayAddress);
    targets.put(TargetKind.GATEWAY, new InteropTarget(TargetKind.GATEWAY, gatewayAddress,
        GatewayCoreClient.of(gatewayChannel, token), grpc, grpc, null, gatewayChannel, false,
        traces));

    RestServer rest = own(RestServer.builder().listen(new InetSocketAddress("127.0.0.1", 0))
        .gateway(gatewayChannel(gatewayAddress)).start());
    String restAddress = "127.0.0.1:" + rest.port();
    targets.put(TargetKind.REST, new InteropTarget(TargetKind.REST, restAddress,
        own(RestCoreClient.of(restAddress, token)), grpc, grpc, null, null, false, traces));
  }

  /** The Java reference engine the cases compare against. */
  CoreClient oracle() {
    return oracle;
  }

  InteropTarget get(TargetKind kind) {
    return targets.get(kind);
  }

  private ManagedChannel gatewayChannel(String address) {
    ManagedChannel channel = NettyChannelBuilder.forTarget(address).usePlaintext()
        .maxInboundMessageSize(GatewayServerBuilder.MAX_MESSAGE_BYTES).build();
    resources.add(channel::shutdownNow);
    return channel;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.add(resource);
    return resource;
  }

  @Override
  public void close() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }
}
