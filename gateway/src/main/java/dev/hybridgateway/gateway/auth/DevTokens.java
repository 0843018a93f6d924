package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/**
 * The dev profile's signing key and a minter of tokens it validates. The first {@link #open}
 * generates an RSA-2048 key pair in the given directory; later ones reuse it:
 *
 * <pre>
 * DIR/dev-signing-key.jwk.json   private key (JWK), permissions 600 — never ship it
 * DIR/dev-jwks.json              public JWKS: the dev gateway's auth.jwks_file
 * </pre>
 *
 * {@link #authConfig()} is the matching dev configuration, so a token from {@link #mint} (or the
 * {@code token} command, {@link DevTokenCommand}) is accepted by a gateway started with it.
 */
public final class DevTokens {
  /** {@code iss} of dev tokens. */
  public static final String ISSUER = "hybrid-gateway-dev";

  /** {@code aud} of dev tokens. */
  public static final String AUDIENCE = "hybrid-gateway";

  /** The private key's file name in the dev directory. */
  public static final String PRIVATE_KEY_FILE = "dev-signing-key.jwk.json";

  /** The public JWKS's file name in the dev directory. */
  public static final String JWKS_FILE = "dev-jwks.json";

  private final RSAKey key;
  private final Path jwksFile;
  private final Clock clock;

  private DevTokens(RSAKey key, Path jwksFile, Clock clock) {
    this.key = key;
    this.jwksFile = jwksFile;
    this.clock = clock;
  }

  /** {@code ~/.hybrid-gateway/dev}, the directory of the quick start. */
  public static Path defaultDirectory() {
    return Path.of(System.getProperty("user.home"), ".hybrid-gateway", "dev");
  }

  /** The dev key of {@code directory}, generated on first use. */
  public static DevTokens open(Path directory) {
    return open(directory, Clock.systemUTC());
  }

  /** As {@link #open(Path)}, with the clock that {@code iat}, {@code nbf} and {@code exp} use. */
  public static DevTokens open(Path directory, Clock clock) {
    requireNonNull(directory, "directory");
    requireNonNull(clock, "clock");
    try {
      RSAKey key = DevKeyFiles.loadOrCreate(directory.resolve(PRIVATE_KEY_FILE));
      Path jwks = directory.resolve(JWKS_FILE);
      DevKeyFiles.writePublic(jwks, new JWKSet(key.toPublicJWK()).toString(true));
      return new DevTokens(key, jwks, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the dev signing key in " + directory, e);
    }
  }

  /** The public JWKS file that validates this key's tokens. */
  public Path jwksFile() {
    return jwksFile;
  }

  /** The key id ({@code kid}) of the dev key: its JWK thumbprint. */
  public String keyId() {
    return key.getKeyID();
  }

  /**
   * The dev profile's config (profile dev, dev issuer and audience, {@link #jwksFile()}) as a
   * builder, to add API keys or a dev HS256 secret.
   */
  public AuthConfigBuilder authConfig() {
    return AuthConfig.builder()
        .profile(AuthProfile.DEV)
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .jwksFile(jwksFile);
  }

  /** An RS256 token for {@code tenant} with {@code scopes}, valid for {@code ttl} from now. */
  public String mint(String tenant, Collection<String> scopes, Duration ttl) {
    return mint(tenant, "dev-user", scopes, ttl, ISSUER, AUDIENCE);
  }

  /** As {@link #mint(String, Collection, Duration)}, with every claim chosen by the caller. */
  public String mint(
      String tenant,
      String subject,
      Collection<String> scopes,
      Duration ttl,
      String issuer,
      String audience) {
    requireNonNull(tenant, "tenant");
    requireNonNull(subject, "subject");
    requireNonNull(scopes, "scopes");
    requireNonNull(issuer, "issuer");
    requireNonNull(audience, "audience");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .claim("tenant", tenant)
            .claim("scope", String.join(" ", scopes))
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the dev key", e);
    }
    return jwt.serialize();
  }

  static RSAKey parsePrivate(String json, Path file) {
    try {
      RSAKey key = RSAKey.parse(json);
      if (!key.isPrivate()) {
        throw new IllegalStateException(file + " holds no private key");
      }
      return key;
    } catch (ParseException e) {
      throw new IllegalStateException(
          file + " is not an RSA JWK; delete it to generate a new dev key", e);
    }
  }
}
