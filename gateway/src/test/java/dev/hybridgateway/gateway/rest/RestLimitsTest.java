package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol limits, small enough to hit: 128-byte request line, 512-byte headers, 1 KiB
 * body, 300 ms idle timeout. Each answer is the JSON Status with the limit's HTTP status.
 */
class RestLimitsTest {
  private static RestFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture =
        RestFixture.start(
            JavaCoreClient.builder().threads(1).build(),
            channel -> channel,
            builder ->
                builder
                    .maxHeaderSizes(128, 512)
                    .maxBodyBytes(1024)
                    .timeouts(Duration.ofMillis(300), Duration.ofSeconds(5)));
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static RawHttp.Response exchange(String request) throws Exception {
    try (RawHttp raw = new RawHttp(fixture.rest.port())) {
      raw.send(request);
      RawHttp.Response response = raw.read();
      assertThat(raw.closedByServer()).as("connection closed after %s", response.status()).isTrue();
      return response;
    }
  }

  private static void assertJsonError(RawHttp.Response response, int httpStatus) {
    assertThat(response.status()).as(response.body()).isEqualTo(httpStatus);
    assertThat(response.headers()).containsEntry("content-type", RestResponse.JSON);
    assertThat(response.headers()).containsKey("server-timing");
    Status status = RestFixture.parse(response.body(), Status.getDefaultInstance());
    assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
  }

  @Test
  void body_overLimit_413Json() throws Exception {
    assertJsonError(
        exchange("POST /v1/collections/x:search HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n"),
        413);
  }

  @Test
  void body_overLimitWithExpectContinue_413Json() throws Exception {
    assertJsonError(
        exchange("POST /v1/collections/x:search HTTP/1.1\r\nHost: x\r\n"
            + "Expect: 100-continue\r\nContent-Length: 5000\r\n\r\n"),
        413);
  }

  @Test
  void headers_overLimit_431Json() throws Exception {
    assertJsonError(
        exchange("GET /v1/collections HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(1000)
            + "\r\n\r\n"),
        431);
  }

  @Test
  void requestLine_overLimit_414Json() throws Exception {
    assertJsonError(
        exchange("GET /v1/collections/" + "a".repeat(200) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
  }

  @Test
  void idleConnection_isClosedByTheServer() throws Exception {
    try (RawHttp raw = new RawHttp(fixture.rest.port())) {
      raw.send("GET /v1/collections HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(raw.read().status()).isEqualTo(200);

      assertThat(raw.closedByServer()).isTrue();
    }
  }
}
