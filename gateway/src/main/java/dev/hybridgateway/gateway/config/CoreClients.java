package dev.hybridgateway.gateway.config;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;

/**
 * The one place that turns a {@link Transport} into an open {@link CoreClient}. The caller owns
 * the client and closes it (which releases its channel, native engine or threads).
 *
 * <pre>{@code
 * try (CoreClient core = CoreClients.open(Transport.GRPC, CoreOptions.defaults())) { ... }
 * }</pre>
 */
public final class CoreClients {
  private CoreClients() {}

  /** Opens a client of {@code transport}. */
  public static CoreClient open(Transport transport, CoreOptions options) {
    requireNonNull(transport, "transport");
    requireNonNull(options, "options");
    return switch (transport) {
      case GRPC ->
          GrpcCoreClient.builder()
              .target(options.grpcTarget())
              .openTelemetry(options.openTelemetry())
              .build();
      case JAVA -> JavaCoreClient.builder().build();
      case FFI -> FfiCoreClient.open();
    };
  }
}
