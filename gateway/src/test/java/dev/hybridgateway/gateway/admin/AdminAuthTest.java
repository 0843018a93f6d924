package dev.hybridgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Authorizer;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.auth.Scopes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/*} behind the auth package: a dev token with the {@code admin} scope opens it;
 * no credential is 401, a credential without the scope 403, each with the google.rpc.Status JSON.
 */
class AdminAuthTest {
  private static final String ROUTES_JSON = "{\"routes\":[{\"name\":\"search\"}]}";

  @TempDir static Path keys;
  private static DevTokens tokens;

  private Authenticator authenticator;
  private AdminServer server;
  private AdminClient client;

  @BeforeAll
  static void keys() {
    tokens = DevTokens.open(keys);
  }

  @BeforeEach
  void start() throws IOException {
    authenticator = Authenticator.create(tokens.authConfig().build());
    server =
        AdminServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .auth(authenticator, Authorizer.defaults())
            .routes(() -> ROUTES_JSON)
            .page("circuits", () -> "{}")
            .start();
    client = new AdminClient(server);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    authenticator.close();
  }

  @Test
  void routes_noCredentials_returns401WithStatusJson() {
    HttpResponse<String> response = client.get("/admin/routes");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
    JsonObject status = AdminClient.json(response);
    assertThat(status.get("code").getAsInt()).isEqualTo(16);
    assertThat(status.get("message").getAsString()).contains("needs credentials");
    JsonObject info = status.getAsJsonArray("details").get(0).getAsJsonObject();
    assertThat(info.get("@type").getAsString())
        .isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(info.get("reason").getAsString()).isEqualTo("CREDENTIALS_MISSING");
  }

  @Test
  void routes_tokenWithoutAdminScope_returns403() {
    HttpResponse<String> response = client.get("/admin/routes", bearer(Scopes.SEARCH));

    assertThat(response.statusCode()).isEqualTo(403);
    JsonObject status = AdminClient.json(response);
    assertThat(status.get("code").getAsInt()).isEqualTo(7);
    JsonObject info = status.getAsJsonArray("details").get(0).getAsJsonObject();
    assertThat(info.get("reason").getAsString()).isEqualTo("SCOPE_MISSING");
    assertThat(info.getAsJsonObject("metadata").get("required_scope").getAsString())
        .isEqualTo("admin");
  }

  @Test
  void routes_badToken_returns401() {
    HttpResponse<String> response =
        client.get("/admin/routes", Map.of("authorization", "Bearer not.a.jwt"));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void routes_adminToken_returnsTheSuppliedJson() {
    HttpResponse<String> response = client.get("/admin/routes", bearer(Scopes.ADMIN));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue(AdminResponse.JSON);
    assertThat(response.body()).isEqualTo(ROUTES_JSON);
  }

  @Test
  void otherPage_adminToken_isServedUnderTheSameScope() {
    assertThat(client.get("/admin/circuits", bearer(Scopes.ADMIN)).statusCode()).isEqualTo(200);
    assertThat(client.get("/admin/circuits", bearer(Scopes.SEARCH)).statusCode()).isEqualTo(403);
  }

  @Test
  void unknownAdminPage_anonymous401_admin404() {
    assertThat(client.get("/admin/nothing-here").statusCode()).isEqualTo(401);
    assertThat(client.get("/admin/nothing-here", bearer(Scopes.ADMIN)).statusCode())
        .isEqualTo(404);
  }

  @Test
  void routesMessage_adminToken_printsProtoJson() throws IOException {
    Struct table =
        Struct.newBuilder()
            .putFields("default_group", Value.newBuilder().setStringValue("ffi").build())
            .build();
    try (AdminServer messages =
            AdminServer.builder()
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .auth(authenticator, Authorizer.defaults())
                .routesMessage(() -> table)
                .start();
        AdminClient messagesClient = new AdminClient(messages)) {
      HttpResponse<String> response = messagesClient.get("/admin/routes", bearer(Scopes.ADMIN));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(AdminClient.json(response).get("default_group").getAsString()).isEqualTo("ffi");
    }
  }

  private static Map<String, String> bearer(String scope) {
    return Map.of("authorization",
        "Bearer " + tokens.mint("ops", List.of(scope), Duration.ofMinutes(5)));
  }
}
