package dev.hybridgateway.interop.official;

/**
 * The cases of grpc-java's official interop client ({@code TestServiceClient}) that a server of
 * {@code grpc.testing.TestService} (hotpath-server) must pass. The names are the client's
 * {@code --test_case} values; the catalogue has one {@code OFFICIAL_*} case for each.
 */
public enum OfficialInteropCase {
  EMPTY_UNARY("empty (zero bytes) request and response"),
  LARGE_UNARY("single request and (large) response"),
  CLIENT_STREAMING("request streaming with single response"),
  SERVER_STREAMING("single request with response streaming"),
  PING_PONG("full-duplex ping-pong streaming"),
  EMPTY_STREAM("a stream with zero messages in both directions"),
  STATUS_CODE_AND_MESSAGE("the server echoes a requested status code and message"),
  SPECIAL_STATUS_MESSAGE("a status message with special characters survives the trip"),
  CUSTOM_METADATA("initial and trailing metadata are echoed on unary and full-duplex calls"),
  UNIMPLEMENTED_METHOD("an unknown method of a known service answers UNIMPLEMENTED"),
  UNIMPLEMENTED_SERVICE("an unknown service answers UNIMPLEMENTED"),
  CANCEL_AFTER_BEGIN("a stream cancelled before any message ends CANCELLED"),
  CANCEL_AFTER_FIRST_RESPONSE("a stream cancelled after the first response ends CANCELLED"),
  TIMEOUT_ON_SLEEPING_SERVER("a call whose deadline passes ends DEADLINE_EXCEEDED");

  private final String description;

  OfficialInteropCase(String description) {
    this.description = description;
  }

  /** The value of the client's {@code --test_case} flag. */
  public String testCaseName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** What the case proves. */
  public String description() {
    return description;
  }
}
