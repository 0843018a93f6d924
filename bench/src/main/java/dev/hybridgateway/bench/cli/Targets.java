package dev.hybridgateway.bench.cli;

import java.util.Map;
import java.util.TreeMap;

/**
 * The targets the command knows, by the name given to {@code --target}. A new transport (the
 * gateway over gRPC or REST, an in-process {@code CoreClient}) is one {@link TargetFactory} and
 * one entry here.
 */
public final class Targets {
  private static final Map<String, TargetFactory> FACTORIES =
      new TreeMap<>(
          Map.of(
              "grpc-core", new GrpcCoreTargetFactory(),
              "java-core", InProcessCoreTargetFactory.java(),
              "ffi-core", InProcessCoreTargetFactory.ffi()));

  private Targets() {}

  /** The factory of {@code name}; the error lists the known names. */
  public static TargetFactory of(String name) {
    TargetFactory factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown target '" + name + "': expected one of " + FACTORIES.keySet());
    }
    return factory;
  }

  /** The known names, sorted. */
  public static Iterable<String> names() {
    return FACTORIES.keySet();
  }
}
