package dev.hybridgateway.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

/** Tokens for the auth tests, all relative to the fixed {@link #NOW}. */
final class TestTokens {
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String ISSUER = "https://issuer.test";
  static final String AUDIENCE = "hybrid-gateway";
  static final String DEV_SECRET = "dev-secret-dev-secret-dev-secret-0123";

  private TestTokens() {}

  /** Valid claims: tenant acme, scopes search and collections.read, five minutes left. */
  static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("alice")
        .claim("tenant", "acme")
        .claim("scope", "search collections.read")
        .issueTime(Date.from(NOW.minusSeconds(60)))
        .notBeforeTime(Date.from(NOW.minusSeconds(60)))
        .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))));
  }

  /** Prod config over the JWKS in {@code jwks}. */
  static AuthConfigBuilder prodConfig(Path jwks) {
    return AuthConfig.builder().issuer(ISSUER).audience(AUDIENCE).jwksFile(jwks);
  }

  static String rs256(JWTClaimsSet claims) {
    return sign(JWSAlgorithm.RS256, TestKeys.RSA, claims);
  }

  static String sign(JWSAlgorithm alg, RSAKey key, JWTClaimsSet claims) {
    return sign(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), rsaSigner(key), claims);
  }

  static String sign(JWSAlgorithm alg, ECKey key, JWTClaimsSet claims) {
    try {
      JWSHeader header = new JWSHeader.Builder(alg).keyID(key.getKeyID()).build();
      return sign(header, new ECDSASigner(key), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HS256 with {@code secret}, the header naming {@code kid}. */
  static String hs256(byte[] secret, String kid, JWTClaimsSet claims) {
    try {
      return sign(
          new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(),
          new MACSigner(secret),
          claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hs256Dev(JWTClaimsSet claims) {
    return hs256(DEV_SECRET.getBytes(StandardCharsets.UTF_8), null, claims);
  }

  /** The classic HS/RS confusion: HMAC keyed with the trusted RSA public key's bytes. */
  static String hmacWithRsaPublicKey(JWTClaimsSet claims) {
    try {
      byte[] publicKey = TestKeys.RSA.toRSAPublicKey().getEncoded();
      return hs256(publicKey, TestKeys.RSA.getKeyID(), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  static String sign(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static JWSSigner rsaSigner(RSAKey key) {
    try {
      return new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
