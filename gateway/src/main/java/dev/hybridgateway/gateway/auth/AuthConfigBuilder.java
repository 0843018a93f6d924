package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an {@link AuthConfig}; {@link #build()} validates. Unset values take the defaults:
 * profile prod, algorithms RS256/ES256/PS256, clock skew 30 s, tenant claim {@code tenant},
 * {@link JwksCacheSettings#defaults()}.
 */
public final class AuthConfigBuilder {
  private AuthProfile profile = AuthProfile.PROD;
  private String issuer;
  private String audience;
  private Set<String> allowedAlgorithms = AuthConfig.DEFAULT_ALGORITHMS;
  private Duration clockSkew = AuthConfig.DEFAULT_CLOCK_SKEW;
  private Path jwksFile;
  private URI jwksUrl;
  private JwksCacheSettings jwksCache = JwksCacheSettings.defaults();
  private String devHs256Secret;
  private String tenantClaim = "tenant";
  private final List<ApiKeyEntry> apiKeys = new ArrayList<>();

  AuthConfigBuilder() {}

  public AuthConfigBuilder profile(AuthProfile profile) {
    this.profile = requireNonNull(profile, "profile");
    return this;
  }

  public AuthConfigBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  public AuthConfigBuilder audience(String audience) {
    this.audience = audience;
    return this;
  }

  public AuthConfigBuilder allowedAlgorithms(Collection<String> algorithms) {
    this.allowedAlgorithms = Set.copyOf(requireNonNull(algorithms, "algorithms"));
    return this;
  }

  public AuthConfigBuilder clockSkew(Duration clockSkew) {
    this.clockSkew = requireNonNull(clockSkew, "clockSkew");
    return this;
  }

  /** A JWKS document on disk; null clears it. */
  public AuthConfigBuilder jwksFile(Path jwksFile) {
    this.jwksFile = jwksFile;
    return this;
  }

  /** A JWKS URL (https, or http on loopback); null clears it. */
  public AuthConfigBuilder jwksUrl(URI jwksUrl) {
    this.jwksUrl = jwksUrl;
    return this;
  }

  public AuthConfigBuilder jwksCache(JwksCacheSettings jwksCache) {
    this.jwksCache = requireNonNull(jwksCache, "jwksCache");
    return this;
  }

  /** The HS256 secret of the dev profile; null clears it. */
  public AuthConfigBuilder devHs256Secret(String secret) {
    this.devHs256Secret = secret;
    return this;
  }

  public AuthConfigBuilder tenantClaim(String tenantClaim) {
    this.tenantClaim = requireNonNull(tenantClaim, "tenantClaim");
    return this;
  }

  public AuthConfigBuilder addApiKey(ApiKeyEntry entry) {
    apiKeys.add(requireNonNull(entry, "entry"));
    return this;
  }

  /** The config; throws IllegalArgumentException naming the setting that is wrong. */
  public AuthConfig build() {
    return new AuthConfig(
        profile,
        issuer,
        audience,
        allowedAlgorithms,
        clockSkew,
        Optional.ofNullable(jwksFile),
        Optional.ofNullable(jwksUrl),
        jwksCache,
        Optional.ofNullable(devHs256Secret),
        tenantClaim,
        apiKeys);
  }
}
