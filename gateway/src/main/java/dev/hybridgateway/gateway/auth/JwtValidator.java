package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;

/**
 * Validates a bearer JWT: parse, algorithm on the allow-list, key by {@code kid} and algorithm,
 * signature, then {@link TokenClaims}. The algorithm decides where the key comes from before any
 * key is looked at: asymmetric algorithms only ever use JWKS keys and HS256 (dev profile only)
 * only ever uses the dev secret, so a token MACed with a public key as secret cannot verify.
 * A token whose signature verified is remembered for a minute ({@link VerifiedTokens}); its
 * claims are checked on every call.
 */
final class JwtValidator implements AutoCloseable {
  /** Longer bearer values are rejected before parsing. */
  static final int MAX_TOKEN_CHARS = 16 * 1024;

  private final Set<JWSAlgorithm> asymmetric;
  private final JWKSource<SecurityContext> keys;
  private final JWSVerificationKeySelector<SecurityContext> keySelector;
  private final Key devSecret;
  private final TokenClaims claims;
  private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
  private final String allowedNames;
  private final VerifiedTokens verified;

  JwtValidator(AuthConfig config, Clock clock) {
    this(config, clock, new VerifiedTokens(System::nanoTime));
  }

  JwtValidator(AuthConfig config, Clock clock, VerifiedTokens verified) {
    this.verified = requireNonNull(verified, "verified");
    this.asymmetric =
        config.allowedAlgorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
    if (config.jwksFile().isPresent()) {
      this.keys = JwksSources.fromFile(config.jwksFile().get());
    } else if (config.jwksUrl().isPresent()) {
      this.keys = JwksSources.fromUrl(config.jwksUrl().get(), config.jwksCache());
    } else {
      this.keys = null;
    }
    this.keySelector = keys == null ? null : new JWSVerificationKeySelector<>(asymmetric, keys);
    this.devSecret =
        config.profile() == AuthProfile.DEV
            ? config
                .devHs256Secret()
                .map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .orElse(null)
            : null;
    this.claims = new TokenClaims(config, clock);
    Set<String> names = new TreeSet<>(keys == null ? Set.of() : config.allowedAlgorithms());
    if (devSecret != null) {
      names.add("HS256");
    }
    this.allowedNames = String.join(", ", names);
  }

  /** The Principal of {@code token}, or UNAUTHENTICATED with the reason it was refused. */
  Principal validate(String token) {
    if (token.length() > MAX_TOKEN_CHARS) {
      throw invalid("the bearer token is longer than " + MAX_TOKEN_CHARS + " characters");
    }
    JWTClaimsSet cached = verified.get(token);
    if (cached != null) {
      return claims.check(cached);
    }
    JWTClaimsSet checked = verifiedClaims(token);
    Principal principal = claims.check(checked);
    verified.put(token, checked);
    return principal;
  }

  /** The claims of {@code token} once its algorithm, key and signature passed. */
  private JWTClaimsSet verifiedClaims(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw invalid("the bearer token is not a well-formed JWT (header.payload.signature)");
    }
    if (jwt instanceof PlainJWT) {
      throw notAllowed("none", "unsigned tokens (alg: none) are never accepted");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw invalid("encrypted tokens (JWE) are not accepted; send a signed JWT (JWS)");
    }
    JWSHeader header = signed.getHeader();
    List<? extends Key> candidates = keysFor(header);
    if (!verifies(signed, candidates)) {
      throw invalid("the token's signature does not verify");
    }
    try {
      return signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid("the token's payload is not a valid JWT claims set");
    }
  }

  private List<? extends Key> keysFor(JWSHeader header) {
    JWSAlgorithm alg = header.getAlgorithm();
    if (JWSAlgorithm.HS256.equals(alg) && devSecret != null) {
      return List.of(devSecret);
    }
    if (keySelector == null || !asymmetric.contains(alg)) {
      throw notAllowed(
          alg.getName(),
          "the token's algorithm " + alg.getName() + " is not allowed; allowed: " + allowedNames);
    }
    List<Key> found;
    try {
      found = keySelector.selectJWSKeys(header, null);
    } catch (RateLimitReachedException e) {
      found = List.of(); // the JWKS was just re-fetched: the kid is not in it
    } catch (KeySourceException e) {
      throw AuthErrors.jwksUnavailable(
          "the keys to check the token could not be loaded from auth.jwks_url: " + e.getMessage());
    }
    if (found.isEmpty()) {
      String kid = header.getKeyID() == null ? "" : header.getKeyID();
      kid = kid.length() > 64 ? kid.substring(0, 64) + "..." : kid;
      throw AuthErrors.unauthenticated(
          AuthErrors.KEY_NOT_FOUND,
          "no " + alg.getName() + " key with kid '" + kid + "' is in the trusted JWKS",
          Map.of("kid", kid, "algorithm", alg.getName()));
    }
    return found;
  }

  private boolean verifies(SignedJWT jwt, List<? extends Key> candidates) {
    for (Key key : candidates) {
      try {
        if (jwt.verify(verifiers.createJWSVerifier(jwt.getHeader(), key))) {
          return true;
        }
      } catch (JOSEException | IllegalStateException e) {
        // a key of the wrong type or size for this algorithm: try the next one
      }
    }
    return false;
  }

  @Override
  public void close() {
    if (keys instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // nothing useful to do while shutting down
      }
    }
  }

  private static RuntimeException invalid(String message) {
    return AuthErrors.unauthenticated(AuthErrors.TOKEN_INVALID, message);
  }

  private static RuntimeException notAllowed(String alg, String message) {
    return AuthErrors.unauthenticated(
        AuthErrors.ALGORITHM_NOT_ALLOWED, message, Map.of("algorithm", alg));
  }
}
