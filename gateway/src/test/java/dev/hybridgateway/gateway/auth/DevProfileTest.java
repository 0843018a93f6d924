package dev.hybridgateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HS256 with the shared dev secret: accepted in the dev profile, and only there. */
class DevProfileTest {
  @TempDir static Path dir;
  private static Authenticator authenticator;
  private static AuthTestServer server;

  @BeforeAll
  static void start() throws Exception {
    AuthConfig dev =
        TestTokens.prodConfig(TestKeys.writeJwks(dir))
            .profile(AuthProfile.DEV)
            .devHs256Secret(TestTokens.DEV_SECRET)
            .build();
    authenticator = Authenticator.create(dev, TestTokens.CLOCK);
    server = new AuthTestServer(authenticator);
  }

  @AfterAll
  static void stop() {
    server.close();
    authenticator.close();
  }

  @Test
  void search_hs256WithDevSecretInDevProfile_passes() {
    Principal principal = server.search(bearer(TestTokens.hs256Dev(TestTokens.claims().build())));

    assertThat(principal.tenant()).isEqualTo("acme");
  }

  @Test
  void search_rs256InDevProfile_stillPasses() {
    assertThat(server.search(bearer(TestTokens.rs256(TestTokens.claims().build())))).isNotNull();
  }

  @Test
  void search_hmacWithRsaPublicKeyInDevProfile_tokenInvalid() {
    String confused = TestTokens.hmacWithRsaPublicKey(TestTokens.claims().build());

    var e =
        catchThrowableOfType(StatusRuntimeException.class, () -> server.search(bearer(confused)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(AuthTestServer.errorInfo(e).getReason()).isEqualTo(AuthErrors.TOKEN_INVALID);
  }

  @Test
  void search_hs256WithOtherSecret_tokenInvalid() {
    byte[] other = "another-secret-another-secret-0123".getBytes(StandardCharsets.UTF_8);
    String token = TestTokens.hs256(other, null, TestTokens.claims().build());

    var e = catchThrowableOfType(StatusRuntimeException.class, () -> server.search(bearer(token)));

    assertThat(AuthTestServer.errorInfo(e).getReason()).isEqualTo(AuthErrors.TOKEN_INVALID);
  }

  @Test
  void authenticate_devSecretOnlyNoJwks_acceptsHs256RejectsRs256() {
    AuthConfig secretOnly =
        AuthConfig.builder()
            .profile(AuthProfile.DEV)
            .issuer(TestTokens.ISSUER)
            .audience(TestTokens.AUDIENCE)
            .devHs256Secret(TestTokens.DEV_SECRET)
            .build();
    try (Authenticator auth = Authenticator.create(secretOnly, TestTokens.CLOCK)) {
      String hs = TestTokens.hs256Dev(TestTokens.claims().build());
      String rs = TestTokens.rs256(TestTokens.claims().build());

      assertThat(auth.authenticate(RequestHeaders.of(bearer(hs))).tenant()).isEqualTo("acme");
      var e =
          catchThrowableOfType(
              StatusRuntimeException.class, () -> auth.authenticate(RequestHeaders.of(bearer(rs))));
      assertThat(AuthTestServer.errorInfo(e).getReason())
          .isEqualTo(AuthErrors.ALGORITHM_NOT_ALLOWED);
    }
  }

  @Test
  void build_devSecretInProdProfile_rejected() {
    assertThatThrownBy(
            () ->
                TestTokens.prodConfig(dir.resolve("jwks.json"))
                    .devHs256Secret(TestTokens.DEV_SECRET)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HS256 is accepted only in the dev profile");
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("authorization", "Bearer " + token);
  }
}
