package dev.hybridgateway.gateway.rest;

import dev.hybridgateway.gateway.core.StatusHttp;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An overloaded core (a Java core whose queue holds nothing, so it refuses every call with
 * UNAVAILABLE + RetryInfo of 1.5 s) answers 503 with {@code Retry-After: 2} (rounded up).
 */
class RestRetryAfterTest {
  private static RestFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    JavaCoreClient full =
        JavaCoreClient.builder()
            .threads(1)
            .queueCapacity(0)
            .overloadRetryAfter(Duration.ofMillis(1500))
            .build();
    fixture = RestFixture.start(full, channel -> channel, builder -> builder);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void search_coreOverloaded_503WithRetryAfterRoundedUp() throws Exception {
    HttpResponse<String> http =
        fixture.post("/v1/collections/any:search",
            "{\"queries\": [{\"values\": [1, 2]}], \"k\": 1}");

    assertThat(http.statusCode()).as(http.body()).isEqualTo(503);
    assertThat(http.headers().firstValue("retry-after")).hasValue("2");
    Status status = RestFixture.parse(http.body(), Status.getDefaultInstance());
    assertThat(status.getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
    assertThat(status.getDetailsList()).anySatisfy(d -> assertThat(d.is(RetryInfo.class)).isTrue());
  }

  @Test
  void retryAfterSeconds_roundsUpAndIgnoresMissing() {
    Status none = Status.newBuilder().setCode(Code.UNAVAILABLE_VALUE).build();
    Status exact =
        none.toBuilder()
            .addDetails(com.google.protobuf.Any.pack(RetryInfo.newBuilder()
                .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(3)).build()))
            .build();

    assertThat(StatusHttp.retryAfterSeconds(none)).isNull();
    assertThat(StatusHttp.retryAfterSeconds(exact)).isEqualTo(3L);
  }
}
