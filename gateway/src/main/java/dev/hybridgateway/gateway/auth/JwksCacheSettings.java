package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How keys from {@code auth.jwks_url} are fetched and cached (nimbus {@code JWKSourceBuilder}):
 * the set is cached for {@code ttl} and refreshed in the background {@code refreshAhead} before
 * it expires; an unknown {@code kid} triggers a refresh, at most two fetches per {@code
 * rateLimit}; while the URL is down a stale set is used for up to {@code outageTolerance} ({@link
 * Duration#ZERO} turns that off).
 *
 * @param ttl how long a fetched set is used
 * @param refreshAhead how long before expiry a background refresh starts
 * @param refreshTimeout how long callers wait for a refresh another thread is doing
 * @param rateLimit the minimum interval per two fetches
 * @param outageTolerance how long a stale set is used while the URL fails
 * @param connectTimeout HTTP connect timeout
 * @param readTimeout HTTP read timeout
 * @param sizeLimitBytes the largest JWKS document accepted
 */
public record JwksCacheSettings(
    Duration ttl,
    Duration refreshAhead,
    Duration refreshTimeout,
    Duration rateLimit,
    Duration outageTolerance,
    Duration connectTimeout,
    Duration readTimeout,
    int sizeLimitBytes) {

  public JwksCacheSettings {
    positive(ttl, "ttl");
    positive(refreshAhead, "refresh_ahead");
    positive(refreshTimeout, "refresh_timeout");
    positive(rateLimit, "rate_limit");
    requireNonNull(outageTolerance, "outageTolerance");
    if (outageTolerance.isNegative()) {
      throw new IllegalArgumentException("auth.jwks_cache.outage_tolerance must not be negative");
    }
    positive(connectTimeout, "connect_timeout");
    positive(readTimeout, "read_timeout");
    if (sizeLimitBytes < 1024) {
      throw new IllegalArgumentException("auth.jwks_cache.size_limit must be at least 1024 bytes");
    }
    if (refreshAhead.plus(refreshTimeout).compareTo(ttl) > 0) {
      throw new IllegalArgumentException(
          "auth.jwks_cache.refresh_ahead + refresh_timeout ("
              + refreshAhead.plus(refreshTimeout)
              + ") must not exceed auth.jwks_cache.ttl ("
              + ttl
              + ")");
    }
  }

  /** 5 min TTL, refresh 30 s ahead, 15 s refresh wait, 30 s rate limit, 1 h outage tolerance. */
  public static JwksCacheSettings defaults() {
    return new JwksCacheSettings(
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofHours(1),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        64 * 1024);
  }

  private static void positive(Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("auth.jwks_cache." + name + " must be positive: " + value);
    }
  }
}
