package dev.hybridgateway.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Key pairs shared by the auth tests (generated once per JVM): the trusted RSA and EC keys that
 * the test JWKS publishes, and an untrusted RSA key for forged signatures.
 */
final class TestKeys {
  static final RSAKey RSA = rsa("rsa-1");
  static final ECKey EC = ec("ec-1");
  /** Not in the JWKS: signs tokens that must not verify. */
  static final RSAKey ATTACKER = rsa("attacker");

  private TestKeys() {}

  /** The public JWKS of {@link #RSA} and {@link #EC}. */
  static JWKSet trustedJwks() {
    return new JWKSet(List.<JWK>of(RSA.toPublicJWK(), EC.toPublicJWK()));
  }

  /** Writes {@link #trustedJwks()} to {@code dir/jwks.json}. */
  static Path writeJwks(Path dir) {
    try {
      return Files.writeString(dir.resolve("jwks.json"), trustedJwks().toString(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RSAKey rsa(String kid) {
    try {
      // No "alg" on the key: it serves RS256, RS384 and PS256 alike, so the allow-list decides.
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
