package dev.hybridgateway.gateway.resilience;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CoreErrors;

/**
 * Decides what one core call's outcome says about the backend's health. Only outcomes that show
 * a sick or overloaded backend open its circuit:
 *
 * <ul>
 *   <li>{@link Outcome#FAILURE}: UNAVAILABLE (down, overloaded queue), INTERNAL, UNKNOWN,
 *       DATA_LOSS, and DEADLINE_EXCEEDED unless {@code ErrorInfo.metadata["stage"] = "edge"} (the
 *       backend did not finish in the time it was given; an edge-stage expiry never reached it).
 *   <li>{@link Outcome#IGNORED}: CANCELLED (the caller left; says nothing about the backend) and
 *       edge-stage DEADLINE_EXCEEDED. The circuit's permission is released, nothing is recorded.
 *   <li>{@link Outcome#SUCCESS}: OK and every answer a healthy backend gives to a bad or
 *       impossible request: INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION,
 *       OUT_OF_RANGE, PERMISSION_DENIED, UNAUTHENTICATED, UNIMPLEMENTED, ABORTED and
 *       RESOURCE_EXHAUSTED (the core's memory budget is a property of the request's size, not of
 *       the backend's health; an overloaded core answers UNAVAILABLE instead).
 * </ul>
 */
public final class FailureClassifier {
  /** What an outcome means for the circuit. */
  public enum Outcome {
    SUCCESS,
    FAILURE,
    IGNORED
  }

  private FailureClassifier() {}

  /** The outcome of a call that completed with {@code failure}, or SUCCESS when it is null. */
  public static Outcome classify(Throwable failure) {
    if (failure == null) {
      return Outcome.SUCCESS;
    }
    Status status = CoreErrors.toStatus(failure);
    Code code = Code.forNumber(status.getCode());
    if (code == null) {
      return Outcome.FAILURE;
    }
    return switch (code) {
      case UNAVAILABLE, INTERNAL, UNKNOWN, DATA_LOSS -> Outcome.FAILURE;
      case DEADLINE_EXCEEDED -> "edge".equals(stage(status)) ? Outcome.IGNORED : Outcome.FAILURE;
      case CANCELLED -> Outcome.IGNORED;
      default -> Outcome.SUCCESS;
    };
  }

  /** The first ErrorInfo's {@code metadata["stage"]}, or "" when there is none. */
  static String stage(Status status) {
    return errorInfo(status).getMetadataOrDefault("stage", "");
  }

  /** The first ErrorInfo of {@code status}, or the default instance. */
  public static ErrorInfo errorInfo(Status status) {
    for (var detail : status.getDetailsList()) {
      if (detail.is(ErrorInfo.class)) {
        try {
          return detail.unpack(ErrorInfo.class);
        } catch (InvalidProtocolBufferException e) {
          return ErrorInfo.getDefaultInstance();
        }
      }
    }
    return ErrorInfo.getDefaultInstance();
  }
}
