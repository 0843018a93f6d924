package dev.hybridgateway.gateway.config;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import java.lang.reflect.InvocationTargetException;

/**
 * The one place that turns a {@link Transport} into an open {@link CoreClient}. The caller owns
 * the client and closes it (which releases its channel, native engine or threads).
 *
 * <pre>{@code
 * try (CoreClient core = CoreClients.open(Transport.GRPC, CoreOptions.defaults())) { ... }
 * }</pre>
 */
public final class CoreClients {
  private static final String JAVA_CLIENT = "dev.hybridgateway.gateway.core.engine.JavaCoreClient";
  private static final String FFI_CLIENT = "dev.hybridgateway.gateway.core.ffi.FfiCoreClient";

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
      // Temporary: reflective until JavaCoreClient.builder().build() is called directly.
      case JAVA -> (CoreClient) invokeChain(JAVA_CLIENT, "builder", "build");
      // Temporary: reflective until FfiCoreClient.open() is called directly.
      case FFI -> (CoreClient) invokeChain(FFI_CLIENT, "open");
    };
  }

  /** Calls the static {@code methods[0]} of {@code className}, then each next one on the result. */
  private static Object invokeChain(String className, String... methods) {
    try {
      Object target = null;
      Class<?> type = Class.forName(className);
      for (String method : methods) {
        target = type.getMethod(method).invoke(target);
        type = target.getClass();
      }
      return target;
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException(className + " is not available in this build: " + e, e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw CoreErrors.toException(e.getCause());
    }
  }
}
