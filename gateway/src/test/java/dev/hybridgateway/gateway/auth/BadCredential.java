package dev.hybridgateway.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The credentials the gateway must refuse (prod profile, RS256/ES256/PS256 from a JWKS), each
 * with the ErrorInfo reason of the refusal. {@link RejectionTest} sends every one.
 */
enum BadCredential {
  MISSING(AuthErrors.CREDENTIALS_MISSING, Map::of),
  EMPTY_BEARER(AuthErrors.TOKEN_INVALID, () -> Map.of("authorization", "Bearer ")),
  NOT_BEARER_SCHEME(
      AuthErrors.TOKEN_INVALID, () -> Map.of("authorization", "Basic YWxpY2U6cHc=")),
  BOTH_CREDENTIALS(
      AuthErrors.CREDENTIALS_AMBIGUOUS,
      () ->
          Map.of(
              "authorization", "Bearer " + valid(), "x-api-key", BadCredential.VALID_API_KEY)),
  MALFORMED(AuthErrors.TOKEN_INVALID, () -> bearer("not-a-jwt")),
  MALFORMED_THREE_PARTS(AuthErrors.TOKEN_INVALID, () -> bearer("aGVsbG8.d29ybGQ.c2ln")),
  EXPIRED(
      AuthErrors.TOKEN_EXPIRED,
      () -> bearer(TestTokens.rs256(claims().expirationTime(at(-31)).build()))),
  NOT_YET_VALID(
      AuthErrors.TOKEN_NOT_YET_VALID,
      () -> bearer(TestTokens.rs256(claims().notBeforeTime(at(31)).build()))),
  NO_EXP(
      AuthErrors.TOKEN_INVALID,
      () -> bearer(TestTokens.rs256(claims().expirationTime(null).build()))),
  ALG_NONE(
      AuthErrors.ALGORITHM_NOT_ALLOWED,
      () -> bearer(TestTokens.unsigned(claims().build()))),
  HS256_OUTSIDE_DEV(
      AuthErrors.ALGORITHM_NOT_ALLOWED,
      () -> bearer(TestTokens.hs256Dev(claims().build()))),
  RS384_NOT_LISTED(
      AuthErrors.ALGORITHM_NOT_ALLOWED,
      () -> bearer(TestTokens.sign(JWSAlgorithm.RS384, TestKeys.RSA, claims().build()))),
  HS_RS_CONFUSION(
      AuthErrors.ALGORITHM_NOT_ALLOWED,
      () -> bearer(TestTokens.hmacWithRsaPublicKey(claims().build()))),
  BAD_SIGNATURE(
      AuthErrors.TOKEN_INVALID,
      () ->
          bearer(
              TestTokens.sign(
                  new JWSHeader.Builder(JWSAlgorithm.RS256)
                      .keyID(TestKeys.RSA.getKeyID())
                      .build(),
                  attackerSigner(),
                  claims().build()))),
  TAMPERED_PAYLOAD(AuthErrors.TOKEN_INVALID, () -> bearer(tampered())),
  UNKNOWN_KID(
      AuthErrors.KEY_NOT_FOUND,
      () -> bearer(TestTokens.sign(JWSAlgorithm.RS256, TestKeys.ATTACKER, claims().build()))),
  WRONG_ISSUER(
      AuthErrors.ISSUER_MISMATCH,
      () -> bearer(TestTokens.rs256(claims().issuer("https://evil.test").build()))),
  NO_ISSUER(
      AuthErrors.ISSUER_MISMATCH, () -> bearer(TestTokens.rs256(claims().issuer(null).build()))),
  WRONG_AUDIENCE(
      AuthErrors.AUDIENCE_MISMATCH,
      () -> bearer(TestTokens.rs256(claims().audience("another-service").build()))),
  NO_TENANT(
      AuthErrors.TOKEN_INVALID,
      () -> bearer(TestTokens.rs256(claims().claim("tenant", null).build()))),
  API_KEY_UNKNOWN(AuthErrors.API_KEY_INVALID, () -> Map.of("x-api-key", "hgk_guess_000000")),
  API_KEY_ONE_CHAR_OFF(
      AuthErrors.API_KEY_INVALID,
      () -> Map.of("x-api-key", BadCredential.VALID_API_KEY.replace('f', 'e')));

  /** The one API key the server under test accepts. */
  static final String VALID_API_KEY = "hgk_valid_0123456789abcdef";

  private final String reason;
  private final Supplier<Map<String, String>> headers;

  BadCredential(String reason, Supplier<Map<String, String>> headers) {
    this.reason = reason;
    this.headers = headers;
  }

  /** The ErrorInfo reason the refusal must carry. */
  String reason() {
    return reason;
  }

  /** The request headers that carry the bad credential. */
  Map<String, String> headers() {
    return headers.get();
  }

  private static JWTClaimsSet.Builder claims() {
    return TestTokens.claims();
  }

  private static Date at(long secondsFromNow) {
    return Date.from(TestTokens.NOW.plus(Duration.ofSeconds(secondsFromNow)));
  }

  private static String valid() {
    return TestTokens.rs256(claims().build());
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("authorization", "Bearer " + token);
  }

  private static JWSSigner attackerSigner() {
    try {
      return new RSASSASigner(TestKeys.ATTACKER);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token whose payload was swapped for one granting another tenant. */
  private static String tampered() {
    String[] good = valid().split("\\.");
    String[] other = TestTokens.rs256(claims().claim("tenant", "victim").build()).split("\\.");
    return good[0] + "." + other[1] + "." + good[2];
  }
}
