package dev.hybridgateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.ErrorInfo;
import com.nimbusds.jose.JWSAlgorithm;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls that pass the interceptor, and the authorization step, over a real in-process server. */
class AuthInterceptorTest {
  private static final String ADMIN_KEY = "hgk_admin_0123456789abcdef";
  private static final String READER_KEY = "hgk_reader_0123456789abcdef";

  @TempDir static Path dir;
  private static Authenticator authenticator;
  private static AuthTestServer server;

  @BeforeAll
  static void start() throws Exception {
    AuthConfig config =
        TestTokens.prodConfig(TestKeys.writeJwks(dir))
            .addApiKey(ApiKeyEntry.ofKey("ops", ADMIN_KEY, "acme", Set.of(Scopes.ADMIN)))
            .addApiKey(
                ApiKeyEntry.ofKey("reader", READER_KEY, "globex", Set.of(Scopes.COLLECTIONS_READ)))
            .build();
    authenticator = Authenticator.create(config, TestTokens.CLOCK);
    server = new AuthTestServer(authenticator);
  }

  @AfterAll
  static void stop() {
    server.close();
    authenticator.close();
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("authorization", "Bearer " + token);
  }

  @Test
  void search_validRs256Token_passesWithPrincipalInContext() {
    Principal principal = server.search(bearer(TestTokens.rs256(TestTokens.claims().build())));

    assertThat(principal.tenant()).isEqualTo("acme");
    assertThat(principal.subject()).isEqualTo("alice");
    assertThat(principal.scopes()).containsExactlyInAnyOrder("search", "collections.read");
    assertThat(principal.method()).isEqualTo(AuthMethod.JWT);
  }

  @Test
  void search_validEs256AndPs256Tokens_pass() {
    String es256 = TestTokens.sign(JWSAlgorithm.ES256, TestKeys.EC, TestTokens.claims().build());
    String ps256 = TestTokens.sign(JWSAlgorithm.PS256, TestKeys.RSA, TestTokens.claims().build());

    assertThat(server.search(bearer(es256)).tenant()).isEqualTo("acme");
    assertThat(server.search(bearer(ps256)).tenant()).isEqualTo("acme");
  }

  @Test
  void search_scpArrayClaim_grantsScopes() {
    var claims = TestTokens.claims().claim("scope", null).claim("scp", List.of("search")).build();

    assertThat(server.search(bearer(TestTokens.rs256(claims))).scopes()).containsExactly("search");
  }

  @Test
  void search_lowerCaseBearerScheme_passes() {
    String token = TestTokens.rs256(TestTokens.claims().build());

    assertThat(server.search(Map.of("authorization", "bearer " + token))).isNotNull();
  }

  @Test
  void listCollections_validApiKey_passesWithKeyPrincipal() {
    Principal principal = server.listCollections(Map.of("x-api-key", READER_KEY));

    assertThat(principal)
        .isEqualTo(
            new Principal("globex", "reader", Set.of("collections.read"), AuthMethod.API_KEY));
  }

  @Test
  void search_apiKeyWithoutSearchScope_permissionDeniedWithRequiredScope() {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> server.search(Map.of("x-api-key", READER_KEY)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    ErrorInfo info = AuthTestServer.errorInfo(e);
    assertThat(info.getDomain()).isEqualTo(CoreErrors.EDGE_DOMAIN);
    assertThat(info.getReason()).isEqualTo(AuthErrors.SCOPE_MISSING);
    assertThat(info.getMetadataMap())
        .containsEntry("required_scope", "search")
        .containsEntry("method", "hybrid.gateway.v1.SearchService/Search");
  }

  @Test
  void createCollection_tokenWithReadScopeOnly_permissionDenied() {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> server.createCollection(bearer(TestTokens.rs256(TestTokens.claims().build()))));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(AuthTestServer.errorInfo(e).getMetadataMap())
        .containsEntry("required_scope", "collections.write");
  }

  @Test
  void createCollection_tokenWithWriteScope_passes() {
    var claims = TestTokens.claims().claim("scope", "collections.write").build();

    Principal principal = server.createCollection(bearer(TestTokens.rs256(claims)));

    assertThat(principal.tenant()).isEqualTo("acme");
  }

  @Test
  void health_noCredentials_isPublic() {
    assertThat(server.health(Map.of())).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void health_invalidCredentials_stillPublic() {
    assertThat(server.health(Map.of("authorization", "Bearer nonsense")))
        .isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void unmappedMethod_evenForAdmin_permissionDeniedFailClosed() {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> server.callUnmapped(Map.of("x-api-key", ADMIN_KEY)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    ErrorInfo info = AuthTestServer.errorInfo(e);
    assertThat(info.getReason()).isEqualTo(AuthErrors.METHOD_NOT_MAPPED);
    assertThat(info.getMetadataMap()).containsEntry("method", "hybrid.core.v1.HotPath/Search");
  }

  @Test
  void unmappedMethod_noCredentials_unauthenticatedFirst() {
    var e =
        catchThrowableOfType(StatusRuntimeException.class, () -> server.callUnmapped(Map.of()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(AuthTestServer.errorInfo(e).getReason()).isEqualTo(AuthErrors.CREDENTIALS_MISSING);
  }

  @Test
  void transportOverride_adminOnly() {
    Authorizer authorizer = Authorizer.defaults();
    Principal admin = new Principal("acme", "ops", Set.of(Scopes.ADMIN), AuthMethod.API_KEY);
    Principal user = new Principal("acme", "alice", Set.of(Scopes.SEARCH), AuthMethod.JWT);

    authorizer.authorize(admin, MethodScopes.TRANSPORT_OVERRIDE);
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> authorizer.authorize(user, MethodScopes.TRANSPORT_OVERRIDE));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(AuthTestServer.errorInfo(e).getMetadataMap())
        .containsEntry("required_scope", "admin");
  }
}
