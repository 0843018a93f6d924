package dev.hybridgateway.gateway.core.ffi;

import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CallScope;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import java.time.Duration;

/** Why an {@link FfiCall} was asked to stop, and the status its caller sees then. */
enum StopReason {
  /** Not asked to stop. */
  NONE,
  /** The caller's Context was cancelled. */
  CALLER,
  /** The caller's deadline fired. */
  DEADLINE,
  /** The returned future was cancelled (it is already complete). */
  FUTURE,
  /** The client is closing. */
  CLOSED;

  /** The status of a call stopped for this reason before Rust answered. */
  Status status(Duration retryAfter) {
    return switch (this) {
      case DEADLINE -> CoreErrors.deadlineExceeded("core", "deadline exceeded in the core");
      case CLOSED -> closed(retryAfter);
      default -> CallScope.cancelled();
    };
  }

  /**
   * Rust answers CANCELLED whenever it sees the flag, but Java also raises the flag when the
   * deadline fires or the client closes: the caller must then see what a gRPC client sees.
   */
  StatusRuntimeException translate(StatusRuntimeException rust, Duration retryAfter) {
    boolean flagged = rust.getStatus().getCode() == Code.CANCELLED;
    return flagged && (this == DEADLINE || this == CLOSED)
        ? CoreErrors.toException(status(retryAfter))
        : rust;
  }

  /** UNAVAILABLE (reason CLIENT_CLOSED): retry on another backend. */
  static Status closed(Duration retryAfter) {
    return CoreErrors.unavailable("CLIENT_CLOSED", "the FFI core client is closed", retryAfter);
  }
}
