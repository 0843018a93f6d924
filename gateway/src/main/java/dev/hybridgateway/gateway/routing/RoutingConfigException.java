package dev.hybridgateway.gateway.routing;

/**
 * A routing configuration that cannot be used. The message names the source and the path of the
 * offending key, e.g. {@code two-shards.yaml: routes[0].backends[1].weight: expected an integer,
 * found "ten"}, so a bad deployment fails at start-up with one line that says what to fix.
 */
public final class RoutingConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  RoutingConfigException(String message) {
    super(message);
  }
}
