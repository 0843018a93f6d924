package dev.hybridgateway.bench.load;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The error codes of reports, one namespace per source so that gRPC codes, HTTP statuses and the
 * generator's own refusals never mix: {@code grpc/DEADLINE_EXCEEDED}, {@code http/503},
 * {@code client/SATURATED}.
 */
public final class ErrorCodes {
  /** Not sent: the in-flight bound was reached. Counted as an error, never delayed. */
  public static final String CLIENT_SATURATED = "client/SATURATED";

  /** Sent, but no answer arrived before the run's drain timeout. */
  public static final String CLIENT_NO_ANSWER = "client/NO_ANSWER";

  private ErrorCodes() {}

  /** The code of a gRPC status. */
  public static String grpc(Status.Code code) {
    return "grpc/" + code.name();
  }

  /** The code of an HTTP status (for REST targets), e.g. {@code http/503}. */
  public static String http(int status) {
    return "http/" + status;
  }

  /**
   * The code of a failure: the gRPC status code when the throwable carries one, otherwise
   * {@code client/} plus the exception's simple class name.
   */
  public static String of(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    Status status = Status.fromThrowable(cause);
    if (status.getCode() != Status.Code.UNKNOWN || status.getCause() != cause) {
      return grpc(status.getCode());
    }
    return "client/" + cause.getClass().getSimpleName();
  }
}
