package dev.hybridgateway.gateway.core;

import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.ffi.FfiConfig;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One client per transport, each over its own engine: the Java engine in this JVM, the Rust
 * engine in this JVM through FFM, and a real {@code hotpath-server} process over gRPC. Every
 * engine gets the same memory budget and the same extra server flags, so they start equal.
 */
final class ThreeClients implements AutoCloseable {
  private final RustCoreServer server;
  private final ManagedChannel channel;
  private final Map<Transport, CoreClient> clients = new EnumMap<>(Transport.class);

  private ThreeClients(long memoryBudgetBytes, String... serverArgs) throws IOException {
    List<String> args = new ArrayList<>(List.of(serverArgs));
    args.addAll(List.of("--memory-budget", Long.toString(memoryBudgetBytes)));
    server = RustCoreServer.start(args.toArray(String[]::new));
    channel = CoreChannelBuilder.forTarget("127.0.0.1:" + server.port()).build();
    clients.put(Transport.JAVA,
        JavaCoreClient.builder().memoryBudgetBytes(memoryBudgetBytes).build());
    clients.put(Transport.FFI,
        FfiCoreClient.open(FfiConfig.builder().memoryBudgetBytes(memoryBudgetBytes).build()));
    clients.put(Transport.GRPC, GrpcCoreClient.of(channel));
  }

  /** Starts the server (with {@code serverArgs}) and opens the three clients. */
  static ThreeClients start(long memoryBudgetBytes, String... serverArgs) throws IOException {
    return new ThreeClients(memoryBudgetBytes, serverArgs);
  }

  CoreClient get(Transport transport) {
    return clients.get(transport);
  }

  Map<Transport, CoreClient> all() {
    return clients;
  }

  @Override
  public void close() {
    clients.values().forEach(CoreClient::close);
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
  }
}
