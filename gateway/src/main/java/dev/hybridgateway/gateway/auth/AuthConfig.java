package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of authentication, an immutable value checked when built: any inconsistency throws
 * IllegalArgumentException naming the {@code auth.*} setting to fix. Build one with {@link
 * #builder()}; {@link DevTokens#authConfig()} gives the dev profile's.
 *
 * @param profile {@code dev} or {@code prod} (only {@code dev} accepts HS256)
 * @param issuer the required {@code iss}; null only when JWTs are not accepted
 * @param audience the value {@code aud} must contain; null only when JWTs are not accepted
 * @param allowedAlgorithms asymmetric JWS algorithms accepted with JWKS keys (RS*, PS*, ES*)
 * @param clockSkew tolerance applied to {@code exp} and {@code nbf}
 * @param jwksFile a JWKS document on disk, read once at start
 * @param jwksUrl a JWKS URL, fetched and cached as {@code jwksCache} says
 * @param jwksCache fetch and cache policy of {@code jwksUrl}
 * @param devHs256Secret the shared HS256 secret of the dev profile (at least 32 bytes)
 * @param tenantClaim the JWT claim that names the tenant
 * @param apiKeys the accepted API keys (hashes only)
 */
public record AuthConfig(
    AuthProfile profile,
    String issuer,
    String audience,
    Set<String> allowedAlgorithms,
    Duration clockSkew,
    Optional<Path> jwksFile,
    Optional<URI> jwksUrl,
    JwksCacheSettings jwksCache,
    Optional<String> devHs256Secret,
    String tenantClaim,
    List<ApiKeyEntry> apiKeys) {

  /** The default allow-list. */
  public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "ES256", "PS256");

  /** The default {@link #clockSkew()}. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

  private static final Set<String> ASYMMETRIC =
      Set.of(
          "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

  public AuthConfig {
    requireNonNull(profile, "profile");
    allowedAlgorithms = Set.copyOf(requireNonNull(allowedAlgorithms, "allowedAlgorithms"));
    requireNonNull(clockSkew, "clockSkew");
    requireNonNull(jwksFile, "jwksFile");
    requireNonNull(jwksUrl, "jwksUrl");
    requireNonNull(jwksCache, "jwksCache");
    requireNonNull(devHs256Secret, "devHs256Secret");
    requireNonNull(tenantClaim, "tenantClaim");
    apiKeys = List.copyOf(requireNonNull(apiKeys, "apiKeys"));

    if (jwksFile.isPresent() && jwksUrl.isPresent()) {
      throw new IllegalArgumentException(
          "auth.jwks_url and auth.jwks_file are both set: keep the one your issuer publishes");
    }
    jwksUrl.ifPresent(AuthConfig::checkJwksUrl);
    checkAlgorithms(allowedAlgorithms);
    if (devHs256Secret.isPresent()) {
      if (profile != AuthProfile.DEV) {
        throw new IllegalArgumentException(
            "auth.dev_hs256_secret is set but auth.profile is prod: HS256 is accepted only in"
                + " the dev profile");
      }
      if (devHs256Secret.get().getBytes(StandardCharsets.UTF_8).length < 32) {
        throw new IllegalArgumentException(
            "auth.dev_hs256_secret must be at least 32 bytes (256 bits) long");
      }
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "auth.clock_skew must be between 0s and 5m, not " + clockSkew);
    }
    if (tenantClaim.isBlank()) {
      throw new IllegalArgumentException("auth.tenant_claim must not be blank");
    }
    boolean jwt = jwksFile.isPresent() || jwksUrl.isPresent() || devHs256Secret.isPresent();
    if (jwt && (issuer == null || issuer.isBlank())) {
      throw new IllegalArgumentException(
          "auth.issuer is required when JWTs are accepted (auth.jwks_file, auth.jwks_url or"
              + " auth.dev_hs256_secret is set)");
    }
    if (jwt && (audience == null || audience.isBlank())) {
      throw new IllegalArgumentException(
          "auth.audience is required when JWTs are accepted (auth.jwks_file, auth.jwks_url or"
              + " auth.dev_hs256_secret is set)");
    }
    if (!jwt && apiKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "auth accepts no credentials: set auth.jwks_file, auth.jwks_url or auth.api_keys"
              + " (or auth.profile dev with auth.dev_hs256_secret)");
    }
    checkApiKeys(apiKeys);
  }

  /** An empty builder: profile prod, the default algorithms, skew and cache settings. */
  public static AuthConfigBuilder builder() {
    return new AuthConfigBuilder();
  }

  /** Whether bearer JWTs are accepted (a JWKS or the dev secret is configured). */
  public boolean acceptsJwt() {
    return jwksFile.isPresent() || jwksUrl.isPresent() || devHs256Secret.isPresent();
  }

  /** Never prints the dev secret. */
  @Override
  public String toString() {
    return "AuthConfig[profile=" + profile + ", issuer=" + issuer + ", audience=" + audience
        + ", allowedAlgorithms=" + allowedAlgorithms + ", clockSkew=" + clockSkew
        + ", jwksFile=" + jwksFile.orElse(null) + ", jwksUrl=" + jwksUrl.orElse(null)
        + ", jwksCache=" + jwksCache
        + ", devHs256Secret=" + (devHs256Secret.isPresent() ? "(set)" : "(none)")
        + ", tenantClaim=" + tenantClaim + ", apiKeys=" + apiKeys.size() + "]";
  }

  private static void checkJwksUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost();
    boolean loopback =
        host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw new IllegalArgumentException(
          "auth.jwks_url must be an https URL (plain http only on loopback): " + url);
    }
  }

  private static void checkAlgorithms(Set<String> algorithms) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("auth.allowed_algorithms must not be empty");
    }
    for (String alg : algorithms) {
      if (alg.equalsIgnoreCase("none")) {
        throw new IllegalArgumentException(
            "auth.allowed_algorithms must not contain 'none' (unsigned tokens are never accepted)");
      }
      if (alg.toUpperCase(Locale.ROOT).startsWith("HS")) {
        throw new IllegalArgumentException(
            "auth.allowed_algorithms lists " + alg + ": shared-secret algorithms are not used"
                + " with a JWKS; HS256 is accepted only with auth.profile dev and"
                + " auth.dev_hs256_secret");
      }
      if (!ASYMMETRIC.contains(alg)) {
        throw new IllegalArgumentException(
            "auth.allowed_algorithms has an unknown algorithm '" + alg + "'; known: "
                + new TreeSet<>(ASYMMETRIC));
      }
    }
  }

  private static void checkApiKeys(List<ApiKeyEntry> keys) {
    Set<String> ids = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (ApiKeyEntry key : keys) {
      if (!ids.add(key.id())) {
        throw new IllegalArgumentException("auth.api_keys has the id '" + key.id() + "' twice");
      }
      if (!hashes.add(key.sha256Hex())) {
        throw new IllegalArgumentException(
            "auth.api_keys[" + key.id() + "] has the same sha256 as another entry");
      }
    }
  }
}
