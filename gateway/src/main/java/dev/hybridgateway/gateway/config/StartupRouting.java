package dev.hybridgateway.gateway.config;

import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import java.nio.file.Path;

/**
 * Which routing table the process runs: the {@code --config} file when given; otherwise the
 * embedded default for {@code --core ffi}, or a one-backend table for {@code --core java} or
 * {@code --core grpc} (its one target: {@code --core-target}), the quick way to put the gateway
 * in front of a single core.
 */
public final class StartupRouting {
  private StartupRouting() {}

  /** The table to run. */
  public static RoutingConfig of(Path config, Transport core, String coreTarget) {
    if (config != null) {
      return RoutingConfig.load(config);
    }
    if (core == null || core == Transport.FFI) {
      return RoutingConfig.loadDefault();
    }
    String name = core.id();
    String yaml =
        "backends:\n  " + name + ":\n    type: " + name + "\n"
            + (core == Transport.GRPC ? "    targets: [\"" + coreTarget + "\"]\n" : "")
            + "routes: []\n"
            + "default_route:\n  name: default\n  backends:\n"
            + "    - backend: " + name + "\n      weight: 100\n";
    return RoutingConfig.parse(yaml, "--core " + name);
  }

  /** The transport of the default route's first backend: what the listening line names. */
  public static String describe(RoutingConfig routing) {
    String first = routing.defaultRoute().backends().getFirst().backend();
    return routing.backends().get(first).type().id();
  }
}
