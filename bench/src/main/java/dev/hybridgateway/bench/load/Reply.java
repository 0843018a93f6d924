package dev.hybridgateway.bench.load;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one request as the target saw it.
 *
 * @param code {@link #OK}, or an error code from {@link ErrorCodes} ({@code grpc/UNAVAILABLE},
 *     {@code http/503}, ...)
 * @param coreNanos the time the core reports it spent on the request (queue + decode + compute +
 *     encode), or {@code -1} when the target cannot know it; with it the runner records the
 *     boundary cost: client-observed time minus core time
 */
public record Reply(String code, long coreNanos) {
  /** The code of a successful answer, on every transport. */
  public static final String OK = "OK";

  public Reply {
    requireNonNull(code, "code");
  }

  /** A success whose core time is unknown. */
  public static Reply ok() {
    return new Reply(OK, -1);
  }

  /** A success with the core's own time, in ns. */
  public static Reply ok(long coreNanos) {
    return new Reply(OK, coreNanos);
  }

  /** A failure with an {@link ErrorCodes} code. */
  public static Reply failed(String code) {
    return new Reply(code, -1);
  }

  public boolean isOk() {
    return OK.equals(code);
  }
}
