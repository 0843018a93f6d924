package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests in progress, held at a gate ({@link HeldCalls}): a graceful close answers them before
 * the server stops, a client that disconnects cancels its gRPC call, and the forwarded headers
 * reach the call's metadata.
 */
class RestInFlightTest {
  private static RestFixture start(HeldCalls gate) throws IOException {
    return RestFixture.start(
        JavaCoreClient.builder().threads(1).build(),
        channel -> ClientInterceptors.intercept(channel, gate),
        builder -> builder);
  }

  @Test
  void close_requestInProgress_isAnsweredBeforeTheServerStops() throws Exception {
    HeldCalls gate = new HeldCalls();
    try (RestFixture fixture = start(gate)) {
      CompletableFuture<HttpResponse<String>> inFlight =
          RestFixture.HTTP.sendAsync(
              HttpRequest.newBuilder(fixture.uri("/v1/collections")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(gate.arrived.await(10, TimeUnit.SECONDS)).isTrue();

      int port = fixture.rest.port();
      CompletableFuture<Void> closing = CompletableFuture.runAsync(fixture.rest::close);
      // close() cannot finish while the held request's connection is open.
      assertThat(closing).isNotDone();
      gate.open();

      HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
      closing.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("connection")).hasValue("close");
      assertThatThrownBy(() -> new RawHttp(port).close()).isInstanceOf(IOException.class);
    }
  }

  @Test
  void close_idleKeepAliveConnection_isClosedWithoutWaitingForTheDrainTimeout() throws Exception {
    try (RestFixture fixture =
            RestFixture.start(
                JavaCoreClient.builder().threads(1).build(),
                channel -> channel,
                builder -> builder.timeouts(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        RawHttp raw = new RawHttp(fixture.rest.port())) {
      raw.send("GET /v1/collections HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(raw.read().status()).isEqualTo(200);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(fixture.rest::close);

      // Both well inside the one-minute drain timeout (and the socket's 10 s read timeout).
      assertThat(raw.closedByServer()).isTrue();
      closing.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void clientDisconnects_requestInProgress_grpcCallCancelled() throws Exception {
    HeldCalls gate = new HeldCalls();
    try (RestFixture fixture = start(gate)) {
      try (RawHttp raw = new RawHttp(fixture.rest.port())) {
        raw.send("GET /v1/collections HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(gate.arrived.await(10, TimeUnit.SECONDS)).isTrue();
      }

      assertThat(gate.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
      gate.open();
    }
  }

  @Test
  void forwardedHeaders_reachTheCallMetadata() throws Exception {
    HeldCalls gate = new HeldCalls();
    try (RestFixture fixture = start(gate)) {
      String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
      try (RawHttp raw = new RawHttp(fixture.rest.port())) {
        raw.send("GET /v1/collections HTTP/1.1\r\nHost: x\r\n"
            + "Authorization: Bearer abc\r\nX-Api-Key: k1\r\nTraceparent: " + traceparent + "\r\n"
            + "X-Hybrid-Transport: ffi\r\nX-Other: dropped\r\n\r\n");
        assertThat(gate.arrived.await(10, TimeUnit.SECONDS)).isTrue();
        gate.open();
        assertThat(raw.read().status()).isEqualTo(200);
      }

      Metadata headers = gate.headers;
      assertThat(headers.get(key(RestHeaders.AUTHORIZATION))).isEqualTo("Bearer abc");
      assertThat(headers.get(key(RestHeaders.API_KEY))).isEqualTo("k1");
      assertThat(headers.get(key(RestHeaders.TRACEPARENT))).isEqualTo(traceparent);
      assertThat(headers.get(key(RestHeaders.TRANSPORT))).isEqualTo("ffi");
      assertThat(headers.containsKey(key("x-other"))).isFalse();
    }
  }

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
