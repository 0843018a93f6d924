package dev.hybridgateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.ErrorInfo;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every refused credential, over a real in-process server (prod profile: RS256, ES256, PS256 from
 * a JWKS file): the call fails with UNAUTHENTICATED, the ErrorInfo reason says why, and the
 * message never contains the credential.
 */
class RejectionTest {
  private static final String API_KEY = BadCredential.VALID_API_KEY;

  @TempDir static Path dir;
  private static Authenticator authenticator;
  private static AuthTestServer server;

  @BeforeAll
  static void start() throws Exception {
    AuthConfig config =
        TestTokens.prodConfig(TestKeys.writeJwks(dir))
            .addApiKey(ApiKeyEntry.ofKey("svc", API_KEY, "acme", Set.of(Scopes.SEARCH)))
            .build();
    authenticator = Authenticator.create(config, TestTokens.CLOCK);
    server = new AuthTestServer(authenticator);
  }

  @AfterAll
  static void stop() {
    server.close();
    authenticator.close();
  }

  @ParameterizedTest
  @EnumSource(BadCredential.class)
  void search_badCredential_unauthenticatedWithReason(BadCredential bad) {
    Map<String, String> headers = bad.headers();

    var e = catchThrowableOfType(StatusRuntimeException.class, () -> server.search(headers));

    assertThat(e).as(bad.name()).isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    ErrorInfo info = AuthTestServer.errorInfo(e);
    assertThat(info.getDomain()).isEqualTo(CoreErrors.EDGE_DOMAIN);
    assertThat(info.getReason()).isEqualTo(bad.reason());
    for (String value : headers.values()) {
      String credential = value.replaceFirst("(?i)^bearer ", "");
      if (credential.length() > 8) {
        assertThat(e.getStatus().getDescription()).doesNotContain(credential);
        assertThat(info.getMetadataMap().values()).doesNotContain(credential);
      }
    }
  }

  @Test
  void search_validApiKey_passes() {
    assertThat(server.search(Map.of("x-api-key", API_KEY)).tenant()).isEqualTo("acme");
  }

  @Test
  void search_expiredWithinClockSkew_passes() {
    String token = TestTokens.rs256(claims().expirationTime(at(-29)).build());

    assertThat(server.search(bearer(token))).isNotNull();
  }

  @Test
  void search_notBeforeWithinClockSkew_passes() {
    String token = TestTokens.rs256(claims().notBeforeTime(at(29)).build());

    assertThat(server.search(bearer(token))).isNotNull();
  }

  @Test
  void search_audienceListContainingOurs_passes() {
    String token =
        TestTokens.rs256(
            claims().audience(List.of("other", TestTokens.AUDIENCE)).build());

    assertThat(server.search(bearer(token))).isNotNull();
  }

  @Test
  void search_algorithmNotAllowed_namesAlgorithmAndAllowList() {
    String token = TestTokens.sign(JWSAlgorithm.RS384, TestKeys.RSA, claims().build());

    var e = catchThrowableOfType(StatusRuntimeException.class, () -> server.search(bearer(token)));

    assertThat(e.getStatus().getDescription()).contains("RS384").contains("ES256, PS256, RS256");
    assertThat(AuthTestServer.errorInfo(e).getMetadataMap()).containsEntry("algorithm", "RS384");
  }

  private static JWTClaimsSet.Builder claims() {
    return TestTokens.claims();
  }

  private static Date at(long secondsFromNow) {
    return Date.from(TestTokens.NOW.plus(Duration.ofSeconds(secondsFromNow)));
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("authorization", "Bearer " + token);
  }
}
