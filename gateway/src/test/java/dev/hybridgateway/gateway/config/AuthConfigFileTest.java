package dev.hybridgateway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hybridgateway.gateway.auth.AuthConfig;
import dev.hybridgateway.gateway.auth.AuthMethod;
import dev.hybridgateway.gateway.auth.AuthProfile;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Principal;
import dev.hybridgateway.gateway.auth.RequestHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prod auth file: the shipped example works end to end; mistakes fail with the key path. */
class AuthConfigFileTest {
  private static final Path EXAMPLE = Path.of("config/auth-prod.example.yaml");

  @TempDir Path dir;

  @Test
  void load_example_acceptsATokenSignedByTheJwksKeyAndTheExampleApiKey() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("prod-1").keyUse(KeyUse.SIGNATURE).generate();
    Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString(true));
    Path file = Files.copy(EXAMPLE, dir.resolve("auth.yaml"));

    AuthConfig config = AuthConfigFile.load(file);

    assertThat(config.profile()).isEqualTo(AuthProfile.PROD);
    assertThat(config.jwksFile()).contains(dir.toAbsolutePath().resolve("jwks.json"));
    assertThat(config.allowedAlgorithms()).containsExactlyInAnyOrder("RS256", "ES256");
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("prod-1").build(),
            new JWTClaimsSet.Builder()
                .issuer("https://login.example.com/")
                .audience("hybrid-gateway")
                .subject("alice")
                .claim("tenant", "acme")
                .claim("scope", "search")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build());
    jwt.sign(new RSASSASigner(key));
    try (Authenticator authenticator = Authenticator.create(config)) {
      Principal user =
          authenticator.authenticate(
              RequestHeaders.of(Map.of("authorization", "Bearer " + jwt.serialize())));
      assertThat(user.tenant()).isEqualTo("acme");
      assertThat(user.subject()).isEqualTo("alice");
      assertThat(user.method()).isEqualTo(AuthMethod.JWT);

      Principal ci = authenticator.authenticate(RequestHeaders.of(Map.of("x-api-key", "foo")));
      assertThat(ci.tenant()).isEqualTo("acme");
      assertThat(ci.subject()).isEqualTo("ci-pipeline");
    }
  }

  @Test
  void parse_unknownKey_namesTheKeyPath() {
    String yaml = base() + "api_keys:\n  - id: a\n    sha256: " + "0".repeat(64)
        + "\n    tenant: t\n    scope: [search]\n";

    assertThatThrownBy(() -> AuthConfigFile.parse(yaml, "auth.yaml", dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("auth.yaml: auth.api_keys[0].scope: unknown key");
  }

  @Test
  void parse_unknownTopLevelKey_namesIt() {
    assertThatThrownBy(() -> AuthConfigFile.parse(base() + "isuer: x\n", "auth.yaml", dir))
        .hasMessageStartingWith("auth.yaml: auth.isuer: unknown key (expected one of");
  }

  @Test
  void parse_bothJwksFileAndUrl_saysKeepOne() {
    String yaml = base() + "jwks_url: https://login.example.com/jwks.json\n";

    assertThatThrownBy(() -> AuthConfigFile.parse(yaml, "auth.yaml", dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "auth.yaml: auth.jwks_url and auth.jwks_file are both set: keep the one your issuer"
                + " publishes");
  }

  @Test
  void parse_badDuration_namesTheKey() {
    String yaml = "issuer: i\naudience: a\njwks_url: https://x.example/j\njwks_cache:\n  ttl: soon\n";

    assertThatThrownBy(() -> AuthConfigFile.parse(yaml, "auth.yaml", dir))
        .hasMessageStartingWith("auth.yaml: auth.jwks_cache.ttl: expected a duration");
  }

  @Test
  void parse_jwksUrlWithCache_appliesTheCacheSettings() {
    String yaml =
        "issuer: i\naudience: a\njwks_url: https://x.example/j\n"
            + "jwks_cache: {ttl: 10m, outage_tolerance: 0s, size_limit: 4096}\n";

    AuthConfig config = AuthConfigFile.parse(yaml, "auth.yaml", dir);

    assertThat(config.jwksCache().ttl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.jwksCache().outageTolerance()).isZero();
    assertThat(config.jwksCache().sizeLimitBytes()).isEqualTo(4096);
  }

  @Test
  void startupAuth_prodWithoutFile_saysWhatIsMissing() {
    assertThatThrownBy(() -> StartupAuth.of(AuthProfile.PROD, null, dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--auth prod needs --auth-config FILE");
  }

  @Test
  void startupAuth_fileWithDevProfile_isRefusedNotIgnored() {
    assertThatThrownBy(() -> StartupAuth.of(AuthProfile.DEV, EXAMPLE, dir))
        .hasMessageContaining("is read with --auth prod only");
  }

  private static String base() {
    return "issuer: https://login.example.com/\naudience: hybrid-gateway\njwks_file: jwks.json\n";
  }
}
