package dev.hybridgateway.interop;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.ffi.FfiConfig;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.server.GatewayServer;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The targets of the in-build run, started on loopback by the suite itself: the Java engine,
 * the Rust engine through FFM (test hooks on), a {@code hotpath-server} process over gRPC (the
 * long-scan collection preloaded), and the gateway in-process in front of that same server
 * (its counters read through the gRPC client; no authentication: auth has its own tests in
 * gateway). Close to stop everything.
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

    RustCoreServer server = own(RustCoreServer.start("--preload", LongScan.PRELOAD));
    String coreAddress = "127.0.0.1:" + server.port();
    ManagedChannel coreChannel = CoreChannelBuilder.forTarget(coreAddress).build();
    resources.add(coreChannel::shutdownNow);
    CoreClient grpc = own(GrpcCoreClient.of(coreChannel));
    targets.put(TargetKind.GRPC,
        InteropTarget.ofCore(TargetKind.GRPC, coreAddress, grpc, coreChannel, false));

    CoreClient gatewayCore = own(GrpcCoreClient.of(coreChannel));
    GatewayServer gateway = own(GatewayServer.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0)).core(gatewayCore).unauthenticated().start());
    gateway.markServing();
    String gatewayAddress = "127.0.0.1:" + gateway.port();
    ManagedChannel gatewayChannel = NettyChannelBuilder.forTarget(gatewayAddress).usePlaintext()
        .maxInboundMessageSize(CoreChannelBuilder.DEFAULT_MAX_MESSAGE_BYTES).build();
    resources.add(gatewayChannel::shutdownNow);
    targets.put(TargetKind.GATEWAY, new InteropTarget(TargetKind.GATEWAY, gatewayAddress,
        GatewayCoreClient.of(gatewayChannel), grpc, grpc, null, gatewayChannel, false));
  }

  /** The Java reference engine the cases compare against. */
  CoreClient oracle() {
    return oracle;
  }

  InteropTarget get(TargetKind kind) {
    return targets.get(kind);
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
