package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import dev.hybridgateway.core.v1.ErrorReason;
import java.time.Duration;
import java.util.List;

/**
 * Every way a Java engine call can fail, one record per variant of hotpath-core's {@code CoreError}
 * ({@code error.rs}), with the same code, reason and message text. {@link ErrorStatus} maps them
 * onto {@code google.rpc.Status} with the same details.
 */
sealed interface CoreError {
  /** The request is not a valid message of the method's type (INVALID_ARGUMENT). */
  record MalformedRequest(String detail) implements CoreError {}

  /** Fields break the contract (INVALID_ARGUMENT + BadRequest); at most 10 violations. */
  record InvalidArgument(ErrorReason reason, List<FieldViolation> violations) implements CoreError {
    public InvalidArgument {
      requireNonNull(reason, "reason");
      violations = List.copyOf(violations);
    }
  }

  /** The named collection does not exist (NOT_FOUND + ResourceInfo). */
  record NotFound(String collection) implements CoreError {}

  /** A collection of that name exists (ALREADY_EXISTS + ResourceInfo). */
  record AlreadyExists(String collection) implements CoreError {}

  /** The memory budget would be exceeded (RESOURCE_EXHAUSTED + QuotaFailure); bytes unsigned. */
  record MemoryBudgetExceeded(long requested, long available, long budget) implements CoreError {}

  /** The compute queue is full (UNAVAILABLE + RetryInfo). */
  record Overloaded(Duration retryAfter) implements CoreError {}

  /** The deadline passed before or during the work (DEADLINE_EXCEEDED, stage core). */
  record DeadlineExceeded() implements CoreError {}

  /** The caller cancelled (CANCELLED, no details). */
  record Cancelled() implements CoreError {}

  /** A bug in the engine, e.g. an unexpected exception (INTERNAL; DebugInfo in debug mode). */
  record Internal(String message, String debugDetail) implements CoreError {}

  /** The method id is not known (UNIMPLEMENTED). */
  record UnknownMethod(int id) implements CoreError {}

  /** Loading vectors from a file failed or is disabled (FAILED_PRECONDITION). */
  record SourceUnavailable(String path, String detail) implements CoreError {}

  /** One bad field, named by its proto field path ({@code queries[2].values[5]}). */
  record FieldViolation(String field, String description) {
    public FieldViolation {
      requireNonNull(field, "field");
      requireNonNull(description, "description");
    }
  }

  /** An INVALID_ARGUMENT with a single violation. */
  static CoreError invalid(ErrorReason reason, String field, String description) {
    return new InvalidArgument(reason, List.of(new FieldViolation(field, description)));
  }

  /** The canonical code, as {@code CoreError::code}. */
  default Code code() {
    return switch (this) {
      case MalformedRequest e -> Code.INVALID_ARGUMENT;
      case InvalidArgument e -> Code.INVALID_ARGUMENT;
      case NotFound e -> Code.NOT_FOUND;
      case AlreadyExists e -> Code.ALREADY_EXISTS;
      case MemoryBudgetExceeded e -> Code.RESOURCE_EXHAUSTED;
      case Overloaded e -> Code.UNAVAILABLE;
      case DeadlineExceeded e -> Code.DEADLINE_EXCEEDED;
      case Cancelled e -> Code.CANCELLED;
      case Internal e -> Code.INTERNAL;
      case UnknownMethod e -> Code.UNIMPLEMENTED;
      case SourceUnavailable e -> Code.FAILED_PRECONDITION;
    };
  }

  /** The {@code ErrorInfo.reason}, as {@code CoreError::reason}. */
  default ErrorReason reason() {
    return switch (this) {
      case MalformedRequest e -> ErrorReason.MALFORMED_REQUEST;
      case InvalidArgument e -> e.reason();
      case NotFound e -> ErrorReason.COLLECTION_NOT_FOUND;
      case AlreadyExists e -> ErrorReason.COLLECTION_ALREADY_EXISTS;
      case MemoryBudgetExceeded e -> ErrorReason.MEMORY_BUDGET_EXCEEDED;
      case Overloaded e -> ErrorReason.OVERLOADED;
      case DeadlineExceeded e -> ErrorReason.DEADLINE_EXCEEDED;
      case Cancelled e -> ErrorReason.ERROR_REASON_UNSPECIFIED;
      case Internal e -> ErrorReason.INTERNAL_ERROR;
      case UnknownMethod e -> ErrorReason.UNKNOWN_METHOD;
      case SourceUnavailable e -> ErrorReason.SOURCE_UNAVAILABLE;
    };
  }

  /** The text of Rust's {@code Display} (before the 1 KiB cut of {@code Status.message}). */
  default String display() {
    return switch (this) {
      case MalformedRequest e -> "malformed request: " + e.detail();
      case InvalidArgument e ->
          "invalid argument (" + e.reason().name() + "): " + describe(e.violations());
      case NotFound e -> "collection " + RustText.debugQuote(e.collection()) + " not found";
      case AlreadyExists e ->
          "collection " + RustText.debugQuote(e.collection()) + " already exists";
      case MemoryBudgetExceeded e ->
          "memory budget exceeded: "
              + Long.toUnsignedString(e.requested())
              + " bytes requested, "
              + Long.toUnsignedString(e.available())
              + " of "
              + Long.toUnsignedString(e.budget())
              + " bytes available";
      case Overloaded e ->
          "core overloaded: compute queue full, retry after " + e.retryAfter().toMillis() + " ms";
      case DeadlineExceeded e -> "deadline exceeded in the core";
      case Cancelled e -> "cancelled by the caller";
      case Internal e -> "internal error: " + e.message();
      case UnknownMethod e -> "unknown method id " + Integer.toUnsignedString(e.id());
      case SourceUnavailable e ->
          "source " + RustText.debugQuote(e.path()) + " unavailable: " + e.detail();
    };
  }

  /** True for the two ways a call is stopped from outside: deadline and cancellation. */
  default boolean isStop() {
    return this instanceof DeadlineExceeded || this instanceof Cancelled;
  }

  private static String describe(List<FieldViolation> violations) {
    StringBuilder text = new StringBuilder();
    for (FieldViolation v : violations) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(v.field()).append(": ").append(v.description());
    }
    return text.toString();
  }
}
