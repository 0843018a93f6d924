package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The REST server's protocol limits, set explicitly so a misbehaving client costs bounded
 * memory and time.
 *
 * @param maxRequestLineBytes longest request line ({@code POST /path HTTP/1.1}); longer: 414
 * @param maxHeaderBytes largest header block; larger: 431
 * @param maxBodyBytes largest request body; larger: 413
 * @param idleTimeout a connection with no traffic and no request in progress for this long is
 *     closed
 * @param drainTimeout how long a graceful close waits for requests in progress
 */
record RestLimits(
    int maxRequestLineBytes,
    int maxHeaderBytes,
    int maxBodyBytes,
    Duration idleTimeout,
    Duration drainTimeout) {
  static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 8 << 10;
  static final int DEFAULT_MAX_HEADER_BYTES = 16 << 10;
  static final int DEFAULT_MAX_BODY_BYTES = 8 << 20;
  static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

  RestLimits {
    requireNonNull(idleTimeout, "idleTimeout");
    requireNonNull(drainTimeout, "drainTimeout");
    if (maxRequestLineBytes < 64 || maxHeaderBytes < 256 || maxBodyBytes < 1) {
      throw new IllegalArgumentException(
          "REST limits too small: request line " + maxRequestLineBytes + " B (min 64), headers "
              + maxHeaderBytes + " B (min 256), body " + maxBodyBytes + " B (min 1)");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero() || drainTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "REST idle timeout must be positive and drain timeout not negative: " + idleTimeout
              + ", " + drainTimeout);
    }
  }
}
