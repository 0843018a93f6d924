package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.admission.TenantRateLimiter;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.server.EdgePipeline;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant rate limit over REST: once the tenant's burst is spent the call is refused with 429,
 * {@code Retry-After} (whole seconds, rounded up from RetryInfo) and the google.rpc.Status body
 * carrying QuotaFailure and RetryInfo. The limiter's clock is frozen at 0, so no token is ever
 * refilled and the wait is exactly one token's interval (2 s at 0.5 requests/s): no sleeps.
 */
class RestRateLimitTest {
  private static final String ROUTING =
      """
      backends:
        java:
          type: java
      routes: []
      default_route:
        name: default
        backends:
          - backend: java
            weight: 100
      """;

  private static RestFixture fixture;
  private static BackendResilience resilience;

  @BeforeAll
  static void start() throws Exception {
    JavaCoreClient core = JavaCoreClient.builder().threads(1).build();
    resilience = BackendResilience.builder().build();
    EdgePipeline pipeline =
        EdgePipeline.builder()
            .routing(RoutingConfig.parse(ROUTING, "rest-rate-limit"))
            .clients(Map.of("java", List.of(core)))
            .resilience(resilience)
            .rateLimiter(
                TenantRateLimiter.builder().permitsPerSecond(0.5).burst(1).ticker(() -> 0L).build())
            .build();
    fixture = RestFixture.start(core, pipeline);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
    resilience.close();
  }

  @Test
  void secondCall_burstSpent_429WithRetryAfterQuotaFailureAndRetryInfo() {
    HttpResponse<String> first = fixture.send("GET", "/v1/collections");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

    HttpResponse<String> limited = fixture.send("GET", "/v1/collections");

    assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).hasValue("2");
    assertThat(limited.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    Status status = RestFixture.parse(limited.body(), Status.getDefaultInstance());
    assertThat(status.getCode()).isEqualTo(Code.RESOURCE_EXHAUSTED_VALUE);
    assertThat(status.getMessage()).contains("tenant 'anonymous' exceeded its request rate");
    QuotaFailure quota = unpack(status, QuotaFailure.class);
    assertThat(quota.getViolationsList())
        .singleElement()
        .satisfies(v -> assertThat(v.getSubject()).isEqualTo("tenant:anonymous"));
    RetryInfo retry = unpack(status, RetryInfo.class);
    assertThat(retry.getRetryDelay().getSeconds()).isEqualTo(2);
    assertThat(retry.getRetryDelay().getNanos()).isZero();
    assertThat(unpack(status, ErrorInfo.class).getReason()).isEqualTo("RATE_LIMITED");
  }

  private static <T extends com.google.protobuf.Message> T unpack(Status status, Class<T> type) {
    return status.getDetailsList().stream()
        .filter(d -> d.is(type))
        .findFirst()
        .map(
            d -> {
              try {
                return d.unpack(type);
              } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new AssertionError(e);
              }
            })
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + status));
  }
}
