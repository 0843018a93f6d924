package dev.hybridgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Authorizer;
import dev.hybridgateway.gateway.auth.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin server's public endpoints and HTTP rules, over a real loopback connection. */
class AdminServerTest {
  @TempDir static Path keys;
  private static DevTokens tokens;

  private final AtomicReference<Map<String, Boolean>> backends =
      new AtomicReference<>(Map.of("ffi", true));
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
    server = builder().start();
    client = new AdminClient(server);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    authenticator.close();
  }

  @Test
  void healthz_running_returns200() {
    HttpResponse<String> response = client.get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue(AdminResponse.JSON);
    assertThat(AdminClient.json(response).get("status").getAsString()).isEqualTo("ok");
  }

  @Test
  void readyz_supplierFlips_followsTheSupplier() {
    backends.set(Map.of("ffi", true, "grpc", false));
    HttpResponse<String> notReady = client.get("/readyz");
    backends.set(Map.of("ffi", true, "grpc", true));
    HttpResponse<String> ready = client.get("/readyz");

    assertThat(notReady.statusCode()).isEqualTo(503);
    JsonObject body = AdminClient.json(notReady);
    assertThat(body.get("ready").getAsBoolean()).isFalse();
    assertThat(body.getAsJsonArray("not_ready").toString()).isEqualTo("[\"grpc\"]");
    assertThat(body.getAsJsonObject("backends").get("ffi").getAsBoolean()).isTrue();
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(AdminClient.json(ready).get("ready").getAsBoolean()).isTrue();
  }

  @Test
  void readyz_checkThrows_returns503() {
    backends.set(null);

    HttpResponse<String> response = client.get("/readyz");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(AdminClient.json(response).get("error").getAsString())
        .contains("readiness check failed");
  }

  @Test
  void unknownPath_returns404StatusJson() {
    HttpResponse<String> response = client.get("/nope?x=1");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonObject status = AdminClient.json(response);
    assertThat(status.get("code").getAsInt()).isEqualTo(5);
    assertThat(status.get("message").getAsString()).contains("/nope");
    assertThat(status.getAsJsonArray("details").get(0).getAsJsonObject().get("reason")
        .getAsString()).isEqualTo("ADMIN_PATH_NOT_FOUND");
  }

  @Test
  void post_returns405WithAllow() {
    HttpResponse<String> response = client.send("POST", "/healthz");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD");
    assertThat(AdminClient.json(response).get("code").getAsInt()).isEqualTo(12);
  }

  @Test
  void head_healthz_returnsLengthWithoutBody() {
    HttpResponse<String> response = client.send("HEAD", "/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValueAsLong("content-length").orElseThrow())
        .isEqualTo(client.get("/healthz").body().length());
  }

  @Test
  void requestLineTooLong_returns414() {
    HttpResponse<String> response = client.get("/healthz?pad=" + "x".repeat(5000));

    assertThat(response.statusCode()).isEqualTo(414);
    assertThat(AdminClient.json(response).get("code").getAsInt()).isEqualTo(3);
  }

  @Test
  void headersTooLarge_returns431() {
    HttpResponse<String> response = client.get("/healthz", Map.of("x-pad", "y".repeat(9000)));

    assertThat(response.statusCode()).isEqualTo(431);
  }

  @Test
  void keepAlive_manyRequestsOnOneClient_allAnswered() {
    for (int i = 0; i < 20; i++) {
      assertThat(client.get(i % 2 == 0 ? "/healthz" : "/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void close_requestInProgress_answersItThenRefusesConnections() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (AdminServer slow =
            builder()
                .readiness(() -> {
                  entered.countDown();
                  await(release);
                  return Map.of("ffi", true);
                })
                .start();
        AdminClient slowClient = new AdminClient(slow)) {
      CompletableFuture<HttpResponse<String>> inProgress =
          CompletableFuture.supplyAsync(() -> slowClient.get("/readyz"));
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(slow::close);
      release.countDown();

      assertThat(inProgress.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      closing.get(5, TimeUnit.SECONDS);
      assertThatThrownBy(() -> slowClient.get("/healthz"))
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void start_portTaken_throwsIOExceptionNamingTheAddress() {
    assertThatThrownBy(() -> builder().listen(server.address()).start())
        .isInstanceOf(IOException.class)
        .hasMessageContaining(String.valueOf(server.port()));
  }

  @Test
  void start_noAuthenticator_refusesToStart() {
    assertThatThrownBy(() -> AdminServer.builder().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("auth");
  }

  private AdminServerBuilder builder() {
    return AdminServer.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .auth(authenticator, Authorizer.defaults())
        .readiness(backends::get);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
