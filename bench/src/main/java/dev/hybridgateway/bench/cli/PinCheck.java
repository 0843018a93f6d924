package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.targets.TransportPin;
import dev.hybridgateway.gateway.v1.Transport;
import java.util.Set;

/**
 * Proves before a run that a pinned gateway target measures the transport it names. The gateway
 * silently ignores {@code x-hybrid-transport} for a token without the admin scope, so without
 * this check a run labelled {@code gateway-grpc/java} could measure the FFI backend.
 */
final class PinCheck {
  private PinCheck() {}

  /** Fails unless every core call of the preflight answer ran on {@code pin}'s transport. */
  static void verify(String target, TransportPin pin, Set<Transport> served) {
    if (pin == null || served.equals(Set.of(pin.transport()))) {
      return;
    }
    throw new IllegalStateException(
        target + ": the gateway served the pinned call over " + served + ", not " + pin.id()
            + " (x-hybrid-transport is honoured only for a token with the admin scope: mint one"
            + " with `hybrid-gateway token --scopes search,collections.read,collections.write,admin`"
            + " and pass it with --token-file)");
  }
}
