package dev.hybridgateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys from a JWKS URL served by a real loopback HTTP server: fetched once, then cached. */
class JwksUrlTest {
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicReference<String> jwks =
      new AtomicReference<>(TestKeys.trustedJwks().toString(true));
  private HttpServer http;
  private Authenticator authenticator;

  @BeforeEach
  void startJwksServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    http.start();
    authenticator = Authenticator.create(config(jwksUrl()), TestTokens.CLOCK);
  }

  @AfterEach
  void stop() {
    authenticator.close();
    http.stop(0);
  }

  @Test
  void authenticate_manyTokens_fetchesJwksOnce() {
    for (int i = 0; i < 25; i++) {
      String token =
          i % 2 == 0
              ? TestTokens.rs256(TestTokens.claims().subject("user-" + i).build())
              : TestTokens.sign(JWSAlgorithm.ES256, TestKeys.EC, TestTokens.claims().build());
      assertThat(authenticator.authenticate(bearer(token)).tenant()).isEqualTo("acme");
    }

    assertThat(fetches.get()).isEqualTo(1);
  }

  @Test
  void authenticate_unknownKid_keyNotFoundAndRefetchesAtMostOnce() {
    authenticator.authenticate(bearer(TestTokens.rs256(TestTokens.claims().build())));
    String unknown =
        TestTokens.sign(JWSAlgorithm.RS256, TestKeys.ATTACKER, TestTokens.claims().build());

    for (int i = 0; i < 5; i++) {
      var e =
          catchThrowableOfType(
              StatusRuntimeException.class, () -> authenticator.authenticate(bearer(unknown)));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(AuthTestServer.errorInfo(e).getReason()).isEqualTo(AuthErrors.KEY_NOT_FOUND);
    }

    // One fetch at start, one refresh for the unknown kid, then the rate limit holds.
    assertThat(fetches.get()).isEqualTo(2);
  }

  @Test
  void authenticate_rotatedKey_refreshesAndAccepts() {
    authenticator.authenticate(bearer(TestTokens.rs256(TestTokens.claims().build())));
    RSAKey next = TestKeys.rsa("rsa-2");
    jwks.set(new JWKSet(List.<JWK>of(TestKeys.RSA.toPublicJWK(), next.toPublicJWK())).toString());

    Principal principal =
        authenticator.authenticate(
            bearer(TestTokens.sign(JWSAlgorithm.RS256, next, TestTokens.claims().build())));

    assertThat(principal.tenant()).isEqualTo("acme");
    assertThat(fetches.get()).isEqualTo(2);
  }

  @Test
  void authenticate_jwksUrlDownAndNothingCached_unavailable() {
    URI down = jwksUrl();
    http.stop(0);
    try (Authenticator cold = Authenticator.create(config(down), TestTokens.CLOCK)) {
      String token = TestTokens.rs256(TestTokens.claims().build());

      var e =
          catchThrowableOfType(
              StatusRuntimeException.class, () -> cold.authenticate(bearer(token)));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(AuthTestServer.errorInfo(e).getReason()).isEqualTo(AuthErrors.JWKS_UNAVAILABLE);
    }
  }

  private URI jwksUrl() {
    return URI.create(
        "http://127.0.0.1:" + http.getAddress().getPort() + "/.well-known/jwks.json");
  }

  private static AuthConfig config(URI url) {
    return AuthConfig.builder()
        .issuer(TestTokens.ISSUER)
        .audience(TestTokens.AUDIENCE)
        .jwksUrl(url)
        .build();
  }

  private static RequestHeaders bearer(String token) {
    return RequestHeaders.of(Map.of("Authorization", "Bearer " + token));
  }
}
