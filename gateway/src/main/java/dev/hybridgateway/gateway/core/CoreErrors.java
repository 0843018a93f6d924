package dev.hybridgateway.gateway.core;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The error model of the boundary in one place: {@code google.rpc.Status} (code, message,
 * details) carried by a {@link StatusRuntimeException}, the same for every transport.
 */
public final class CoreErrors {
  /** {@code ErrorInfo.domain} of errors raised by the core (Rust or Java engine). */
  public static final String CORE_DOMAIN = "core.hybridgateway.dev";

  /** {@code ErrorInfo.domain} of errors raised by the edge itself. */
  public static final String EDGE_DOMAIN = "edge.hybridgateway.dev";

  private CoreErrors() {}

  /** The exception for {@code status}; its trailers carry the encoded Status (details included). */
  public static StatusRuntimeException toException(Status status) {
    return StatusProto.toStatusRuntimeException(status);
  }

  /**
   * The exception for an encoded {@code google.rpc.Status} (FFI error buffers). Bytes that do not
   * decode become INTERNAL, never a crash.
   */
  public static StatusRuntimeException fromStatusBytes(byte[] encoded) {
    try {
      return toException(Status.parseFrom(encoded));
    } catch (InvalidProtocolBufferException e) {
      return toException(
          internal("the core returned an error status that does not decode: " + e.getMessage()));
    }
  }

  /**
   * The {@code google.rpc.Status} of any failure of a core call: the details of a
   * StatusRuntimeException, CANCELLED for a cancelled future, INTERNAL for anything else.
   */
  public static Status toStatus(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof CancellationException) {
      return Status.newBuilder()
          .setCode(Code.CANCELLED_VALUE)
          .setMessage("the call was cancelled")
          .build();
    }
    Status status = StatusProto.fromThrowable(cause);
    if (status != null) {
      return status;
    }
    io.grpc.Status grpc = io.grpc.Status.fromThrowable(cause);
    if (grpc.getCode() != io.grpc.Status.Code.UNKNOWN) {
      return Status.newBuilder()
          .setCode(grpc.getCode().value())
          .setMessage(grpc.getDescription() == null ? "" : grpc.getDescription())
          .build();
    }
    return internal(String.valueOf(cause));
  }

  /** The exception form of {@link #toStatus(Throwable)}. */
  public static StatusRuntimeException toException(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof StatusRuntimeException sre && StatusProto.fromThrowable(sre) != null) {
      return sre;
    }
    return toException(toStatus(cause));
  }

  /** Strips the wrappers that CompletableFuture and executors add around the real failure. */
  public static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** An error status with an ErrorInfo of {@code domain}/{@code reason}. */
  public static Status status(Code code, String message, ErrorInfo info) {
    return Status.newBuilder()
        .setCode(code.getNumber())
        .setMessage(message)
        .addDetails(Any.pack(info))
        .build();
  }

  /** DEADLINE_EXCEEDED raised at {@code stage} ("edge" before dispatch, "core" during compute). */
  public static Status deadlineExceeded(String stage, String message) {
    return status(
        Code.DEADLINE_EXCEEDED,
        message,
        ErrorInfo.newBuilder()
            .setDomain("core".equals(stage) ? CORE_DOMAIN : EDGE_DOMAIN)
            .setReason("DEADLINE_EXCEEDED")
            .putMetadata("stage", stage)
            .build());
  }

  /** UNAVAILABLE from the edge (bulkhead full, circuit open), with a retry hint. */
  public static Status unavailable(String reason, String message, java.time.Duration retryAfter) {
    return Status.newBuilder()
        .setCode(Code.UNAVAILABLE_VALUE)
        .setMessage(message)
        .addDetails(
            Any.pack(
                ErrorInfo.newBuilder()
                    .setDomain(EDGE_DOMAIN)
                    .setReason(reason)
                    .putMetadata("retry_after_ms", Long.toString(retryAfter.toMillis()))
                    .build()))
        .addDetails(
            Any.pack(
                RetryInfo.newBuilder()
                    .setRetryDelay(
                        Duration.newBuilder()
                            .setSeconds(retryAfter.getSeconds())
                            .setNanos(retryAfter.getNano()))
                    .build()))
        .build();
  }

  /** INTERNAL with an ErrorInfo from the edge (a bug on our side, never the caller's). */
  public static Status internal(String message) {
    return status(
        Code.INTERNAL,
        message,
        ErrorInfo.newBuilder().setDomain(EDGE_DOMAIN).setReason("INTERNAL_ERROR").build());
  }
}
