package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REST in front of a gateway that authenticates (dev profile, tokens from {@link DevTokens}):
 * the adapter forwards {@code authorization} as metadata, and refusals come back as 401 / 403.
 */
class RestAuthTest {
  @TempDir static Path dir;
  private static DevTokens tokens;
  private static Authenticator authenticator;
  private static RestFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    tokens = DevTokens.open(dir);
    authenticator = Authenticator.create(tokens.authConfig().build());
    fixture =
        RestFixture.start(
            JavaCoreClient.builder().threads(1).build(),
            authenticator,
            channel -> channel,
            builder -> builder);
  }

  @AfterAll
  static void stop() {
    fixture.close();
    authenticator.close();
  }

  private static String bearer(String... scopes) {
    return "Bearer " + tokens.mint("acme", List.of(scopes), Duration.ofMinutes(5));
  }

  @Test
  void list_noCredentials_401WithWwwAuthenticate() {
    HttpResponse<String> http = fixture.send("GET", "/v1/collections");

    assertThat(http.statusCode()).as(http.body()).isEqualTo(401);
    assertThat(http.headers().firstValue("www-authenticate")).hasValue("Bearer");
    Status status = RestFixture.parse(http.body(), Status.getDefaultInstance());
    assertThat(status.getCode()).isEqualTo(Code.UNAUTHENTICATED_VALUE);
  }

  @Test
  void list_validToken_200() {
    HttpResponse<String> http =
        fixture.send("GET", "/v1/collections", "authorization", bearer(Scopes.COLLECTIONS_READ));

    assertThat(http.statusCode()).as(http.body()).isEqualTo(200);
  }

  @Test
  void list_tokenWithoutScope_403() {
    HttpResponse<String> http =
        fixture.send("GET", "/v1/collections", "authorization", bearer(Scopes.SEARCH));

    assertThat(http.statusCode()).as(http.body()).isEqualTo(403);
    Status status = RestFixture.parse(http.body(), Status.getDefaultInstance());
    assertThat(status.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
  }
}
