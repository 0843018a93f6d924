package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Durations;
import com.google.rpc.RetryInfo;
import io.grpc.Status.Code;

/**
 * What DESIGN.md promises of an error over REST, checked on the raw HTTP answer: the HTTP status
 * of the error table (written out here, independently of the gateway's own mapping, so a wrong
 * mapping fails), a JSON content type, a body that is the {@code google.rpc.Status} in proto3 JSON
 * ({@code code} as a number, {@code message}, {@code details} as objects with {@code @type}), and
 * {@code Retry-After} (whole seconds, rounded up) exactly when a RetryInfo detail is present, and
 * {@code WWW-Authenticate: Bearer} on 401 (RFC 6750).
 */
final class HttpErrorChecks {
  private HttpErrorChecks() {}

  /** The documented HTTP status of a canonical code (DESIGN.md's error table; google/rpc/code.proto). */
  static int documentedStatus(Code code) {
    return switch (code) {
      case OK -> 200;
      case CANCELLED -> 499;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
    };
  }

  /** Asserts the REST shape of {@code failure}, which must be a {@link RestStatusException}. */
  static void assertDocumented(Throwable failure, InteropTarget target) {
    assertDocumented(failure, target, -1);
  }

  /**
   * As {@link #assertDocumented(Throwable, InteropTarget)}, with {@code httpStatus} (when not -1)
   * replacing the table's status: the protocol-level answers (413 for a body over the limit).
   */
  static void assertDocumented(Throwable failure, InteropTarget target, int httpStatus) {
    assertThat(failure).as("the REST failure over %s", target).isInstanceOf(RestStatusException.class);
    RestStatusException rest = (RestStatusException) failure;
    RestStatusException.HttpAnswer http = rest.http();
    Code code = rest.getStatus().getCode();
    int expected = httpStatus == -1 ? documentedStatus(code) : httpStatus;
    assertThat(http.status())
        .as("HTTP status of a %s error over %s (DESIGN.md's error table says %d); body %s",
            code, target, expected, http.body().replaceAll("\\s+", " "))
        .isEqualTo(expected);
    assertThat(http.contentType()).as("Content-Type of the error over %s", target)
        .startsWith("application/json");
    JsonObject body = JsonParser.parseString(http.body()).getAsJsonObject();
    assertThat(body.has("code") && body.get("code").getAsJsonPrimitive().isNumber())
        .as("the JSON error body has a numeric \"code\" over %s: %s", target, http.body()).isTrue();
    assertThat(body.get("code").getAsInt()).as("\"code\" of the JSON error over %s", target)
        .isEqualTo(code.value());
    assertThat(body.has("message") ? body.get("message").getAsString() : "")
        .as("\"message\" of the JSON error over %s", target).isNotBlank();
    assertThat(body.has("details")).as("\"details\" of the JSON error over %s: %s", target,
        http.body()).isTrue();
    for (JsonElement detail : body.getAsJsonArray("details")) {
      assertThat(detail.getAsJsonObject().get("@type").getAsString())
          .as("a detail of the JSON error over %s is an object with its type", target)
          .startsWith("type.googleapis.com/google.rpc.");
    }
    if (http.status() == 401) {
      assertThat(http.wwwAuthenticate()).as("WWW-Authenticate of a 401 over %s", target)
          .startsWith("Bearer");
    }
    Long retry = retryAfterSeconds(rest.rpcStatus());
    if (retry == null) {
      assertThat(http.retryAfter()).as("Retry-After without a RetryInfo detail over %s", target)
          .isNull();
    } else {
      assertThat(http.retryAfter()).as("Retry-After for RetryInfo over %s", target)
          .isEqualTo(Long.toString(retry));
    }
  }

  /** RetryInfo's delay in whole seconds, rounded up; null without RetryInfo. */
  private static Long retryAfterSeconds(com.google.rpc.Status status) {
    for (Any detail : status.getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        try {
          long nanos = Durations.toNanos(detail.unpack(RetryInfo.class).getRetryDelay());
          return (nanos + 999_999_999L) / 1_000_000_000L;
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError("undecodable RetryInfo", e);
        }
      }
    }
    return null;
  }
}
