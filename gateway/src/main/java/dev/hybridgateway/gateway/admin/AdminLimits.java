package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The admin server's protocol limits.
 *
 * @param maxRequestLineBytes longest request line ({@code GET /path HTTP/1.1}); longer: 414
 * @param maxHeaderBytes largest header block; larger: 431
 * @param idleTimeout a connection without traffic for this long is closed
 * @param drainTimeout how long a graceful close waits for requests in progress
 */
record AdminLimits(
    int maxRequestLineBytes, int maxHeaderBytes, Duration idleTimeout, Duration drainTimeout) {
  static final AdminLimits DEFAULTS =
      new AdminLimits(4096, 8192, Duration.ofSeconds(60), Duration.ofSeconds(5));

  AdminLimits {
    requireNonNull(idleTimeout, "idleTimeout");
    requireNonNull(drainTimeout, "drainTimeout");
    if (maxRequestLineBytes < 64 || maxHeaderBytes < 256) {
      throw new IllegalArgumentException(
          "admin limits too small: request line " + maxRequestLineBytes + " B (min 64), headers "
              + maxHeaderBytes + " B (min 256)");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero() || drainTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "admin idle timeout must be positive and drain timeout not negative: " + idleTimeout
              + ", " + drainTimeout);
    }
  }
}
