package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.targets.TransportPin;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The targets the command knows, by the name given to {@code --target}. A new transport is one
 * {@link TargetFactory} and one entry here. The gateway targets take an optional core transport
 * after a slash, sent as the {@code x-hybrid-transport} pin: {@code gateway-grpc/ffi} is the
 * gateway's gRPC API with every call served by its FFI backend; {@code gateway-rest} alone lets
 * the routing table choose. The full name, pin included, labels the runs in reports.
 */
public final class Targets {
  private static final Map<String, TargetFactory> FACTORIES =
      new TreeMap<>(
          Map.of(
              "grpc-core", new GrpcCoreTargetFactory(),
              "java-core", InProcessCoreTargetFactory.java(),
              "ffi-core", InProcessCoreTargetFactory.ffi(),
              "gateway-grpc", new GatewayGrpcTargetFactory(),
              "gateway-rest", new GatewayRestTargetFactory(),
              "bare-grpc", new BareGrpcTargetFactory()));

  private static final Set<String> PINNABLE = Set.of("gateway-grpc", "gateway-rest");

  private Targets() {}

  /**
   * The factory of {@code name} (a pin after a slash is checked here); the error lists the known
   * names or transports.
   */
  public static TargetFactory of(String name) {
    int slash = name.indexOf('/');
    String base = slash < 0 ? name : name.substring(0, slash);
    TargetFactory factory = FACTORIES.get(base);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown target '" + name + "': expected one of " + FACTORIES.keySet()
              + " (gateway targets may add /java, /ffi or /grpc)");
    }
    if (slash >= 0 && !PINNABLE.contains(base)) {
      throw new IllegalArgumentException(
          "target '" + base + "' takes no transport pin (only " + PINNABLE + " do)");
    }
    pin(name);
    return factory;
  }

  /** The transport pin of {@code name} ({@code gateway-grpc/ffi} → FFI), or null for none. */
  public static TransportPin pin(String name) {
    int slash = name.indexOf('/');
    if (slash < 0) {
      return null;
    }
    try {
      return TransportPin.of(name.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("target '" + name + "': " + e.getMessage(), e);
    }
  }

  /** The known names, sorted. */
  public static Iterable<String> names() {
    return FACTORIES.keySet();
  }
}
