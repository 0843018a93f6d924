package dev.hybridgateway.gateway.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

/** Where the verification keys come from: a JWKS file read once, or a cached JWKS URL. */
final class JwksSources {
  private JwksSources() {}

  /** The public keys of {@code file}; a missing, unreadable or empty file fails at start-up. */
  static JWKSource<SecurityContext> fromFile(Path file) {
    JWKSet set;
    try {
      set = JWKSet.load(file.toFile()).toPublicJWKSet();
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException(
          "auth.jwks_file " + file + " cannot be read as a JWKS document: " + e.getMessage(), e);
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("auth.jwks_file " + file + " holds no public keys");
    }
    return new ImmutableJWKSet<>(set);
  }

  /**
   * Keys fetched from {@code url} and cached: refreshed ahead of expiry, re-fetched (rate
   * limited) when a token names an unknown {@code kid}, a stale copy kept through outages. The
   * result is {@link java.io.Closeable}: close it to stop the refresh thread.
   */
  static JWKSource<SecurityContext> fromUrl(URI url, JwksCacheSettings cache) {
    DefaultResourceRetriever retriever =
        new DefaultResourceRetriever(
            millis(cache.connectTimeout()), millis(cache.readTimeout()), cache.sizeLimitBytes());
    JWKSourceBuilder<SecurityContext> builder;
    try {
      builder = JWKSourceBuilder.create(url.toURL(), retriever);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("auth.jwks_url is not a valid URL: " + url, e);
    }
    builder
        .cache(cache.ttl().toMillis(), cache.refreshTimeout().toMillis())
        .refreshAheadCache(cache.refreshAhead().toMillis(), false)
        .rateLimited(cache.rateLimit().toMillis())
        .retrying(true);
    if (cache.outageTolerance().isZero()) {
      builder.outageTolerant(false);
    } else {
      builder.outageTolerant(cache.outageTolerance().toMillis());
    }
    return builder.build();
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }
}
