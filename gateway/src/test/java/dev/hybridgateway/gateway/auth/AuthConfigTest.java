package dev.hybridgateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AuthConfig refuses inconsistent settings with a message naming the setting. */
class AuthConfigTest {
  private static final Path JWKS = Path.of("jwks.json");

  private static AuthConfigBuilder valid() {
    return AuthConfig.builder().issuer("https://issuer.test").audience("gw").jwksFile(JWKS);
  }

  @Test
  void build_defaults_prodProfileDefaultAlgorithmsAndSkew() {
    AuthConfig config = valid().build();

    assertThat(config.profile()).isEqualTo(AuthProfile.PROD);
    assertThat(config.allowedAlgorithms()).containsExactlyInAnyOrder("RS256", "ES256", "PS256");
    assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.tenantClaim()).isEqualTo("tenant");
    assertThat(config.acceptsJwt()).isTrue();
  }

  @Test
  void build_jwksFileAndUrl_rejected() {
    assertThatThrownBy(() -> valid().jwksUrl(URI.create("https://idp.test/jwks")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth.jwks_url and auth.jwks_file are both set");
  }

  @Test
  void build_plainHttpJwksUrlOffLoopback_rejected() {
    assertThatThrownBy(
            () -> valid().jwksFile(null).jwksUrl(URI.create("http://idp.test/jwks")).build())
        .hasMessageContaining("auth.jwks_url must be an https URL");
  }

  @Test
  void build_algNoneOrHs256Listed_rejected() {
    assertThatThrownBy(() -> valid().allowedAlgorithms(List.of("RS256", "none")).build())
        .hasMessageContaining("must not contain 'none'");
    assertThatThrownBy(() -> valid().allowedAlgorithms(List.of("HS256")).build())
        .hasMessageContaining("HS256 is accepted only with auth.profile dev");
    assertThatThrownBy(() -> valid().allowedAlgorithms(List.of("RS1024")).build())
        .hasMessageContaining("unknown algorithm 'RS1024'");
    assertThatThrownBy(() -> valid().allowedAlgorithms(List.of()).build())
        .hasMessageContaining("auth.allowed_algorithms must not be empty");
  }

  @Test
  void build_shortDevSecret_rejected() {
    assertThatThrownBy(() -> valid().profile(AuthProfile.DEV).devHs256Secret("short").build())
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void build_missingIssuerOrAudience_rejected() {
    assertThatThrownBy(() -> valid().issuer(null).build()).hasMessageContaining("auth.issuer");
    assertThatThrownBy(() -> valid().audience(" ").build()).hasMessageContaining("auth.audience");
  }

  @Test
  void build_noCredentialSource_rejected() {
    assertThatThrownBy(() -> AuthConfig.builder().build())
        .hasMessageContaining("auth accepts no credentials");
  }

  @Test
  void build_apiKeysOnly_acceptsNoJwt() {
    AuthConfig config =
        AuthConfig.builder()
            .addApiKey(ApiKeyEntry.ofKey("ci", "secret-key-1", "acme", Set.of(Scopes.SEARCH)))
            .build();

    assertThat(config.acceptsJwt()).isFalse();
  }

  @Test
  void build_clockSkewOutOfRange_rejected() {
    assertThatThrownBy(() -> valid().clockSkew(Duration.ofMinutes(10)).build())
        .hasMessageContaining("auth.clock_skew");
  }

  @Test
  void build_duplicateApiKeys_rejected() {
    ApiKeyEntry a = ApiKeyEntry.ofKey("a", "key-1", "t", Set.of());
    ApiKeyEntry b = ApiKeyEntry.ofKey("b", "key-1", "t", Set.of());

    assertThatThrownBy(() -> valid().addApiKey(a).addApiKey(b).build())
        .hasMessageContaining("auth.api_keys[b] has the same sha256");
  }

  @Test
  void apiKeyEntry_plainKeyInsteadOfHash_rejected() {
    assertThatThrownBy(() -> new ApiKeyEntry("ci", "my-secret-key", "acme", Set.of()))
        .hasMessageContaining("must be 64 hex digits");
  }

  @Test
  void jwksCache_refreshAheadLongerThanTtl_rejected() {
    assertThatThrownBy(
            () ->
                new JwksCacheSettings(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(30),
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    65536))
        .hasMessageContaining("must not exceed auth.jwks_cache.ttl");
  }

  @Test
  void toString_neverShowsDevSecret() {
    String secret = "dev-secret-dev-secret-dev-secret-0123";
    AuthConfig config = valid().profile(AuthProfile.DEV).devHs256Secret(secret).build();

    assertThat(config.toString()).doesNotContain(secret).contains("devHs256Secret=(set)");
  }

  @Test
  void profile_parse_acceptsDevAndProdOnly() {
    assertThat(AuthProfile.parse("Dev")).isEqualTo(AuthProfile.DEV);
    assertThat(AuthProfile.parse("prod")).isEqualTo(AuthProfile.PROD);
    assertThatThrownBy(() -> AuthProfile.parse("staging"))
        .hasMessageContaining("auth.profile must be dev or prod");
  }

  @Test
  void create_unreadableJwksFile_failsAtStartup() {
    AuthConfig config = valid().jwksFile(Path.of("/nonexistent/jwks.json")).build();

    assertThatThrownBy(() -> Authenticator.create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth.jwks_file /nonexistent/jwks.json cannot be read");
  }
}
