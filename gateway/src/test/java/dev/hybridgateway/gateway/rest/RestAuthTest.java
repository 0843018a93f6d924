package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.auth.AuthInterceptor;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Authorizer;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REST behind the gRPC auth interceptor (dev profile, tokens from {@link DevTokens}): the
 * adapter forwards {@code authorization} as metadata, and refusals come back as 401 / 403.
 */
class RestAuthTest {
  @TempDir static Path dir;
  private static DevTokens tokens;
  private static Authenticator authenticator;
  private static Server authServer;
  private static ManagedChannel authChannel;
  private static RestFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    tokens = DevTokens.open(dir);
    authenticator = Authenticator.create(tokens.authConfig().build());
    fixture =
        RestFixture.start(
            JavaCoreClient.builder().threads(1).build(),
            gateway -> {
              String name = InProcessServerBuilder.generateName();
              AuthInterceptor auth = new AuthInterceptor(authenticator, Authorizer.defaults());
              try {
                authServer =
                    InProcessServerBuilder.forName(name)
                        .addService(ServerInterceptors.intercept(
                            ForwardingServices.to(SearchServiceGrpc.getServiceDescriptor(), gateway),
                            auth))
                        .addService(ServerInterceptors.intercept(
                            ForwardingServices.to(
                                CollectionServiceGrpc.getServiceDescriptor(), gateway),
                            auth))
                        .build()
                        .start();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              authChannel = InProcessChannelBuilder.forName(name).build();
              return authChannel;
            },
            builder -> builder);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
    authChannel.shutdownNow();
    authServer.shutdownNow();
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
