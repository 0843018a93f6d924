package dev.hybridgateway.gateway.core.engine;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.engine.CoreError.AlreadyExists;
import dev.hybridgateway.gateway.core.engine.CoreError.Cancelled;
import dev.hybridgateway.gateway.core.engine.CoreError.DeadlineExceeded;
import dev.hybridgateway.gateway.core.engine.CoreError.FieldViolation;
import dev.hybridgateway.gateway.core.engine.CoreError.Internal;
import dev.hybridgateway.gateway.core.engine.CoreError.InvalidArgument;
import dev.hybridgateway.gateway.core.engine.CoreError.MemoryBudgetExceeded;
import dev.hybridgateway.gateway.core.engine.CoreError.NotFound;
import dev.hybridgateway.gateway.core.engine.CoreError.Overloaded;
import dev.hybridgateway.gateway.core.engine.CoreError.SourceUnavailable;
import dev.hybridgateway.gateway.core.engine.CoreError.UnknownMethod;
import io.grpc.StatusRuntimeException;

/**
 * {@link CoreError} → {@code google.rpc.Status}, a transcription of hotpath-core's {@code
 * status.rs}: the same code, message (cut to 1 KiB), and details in the same order — ErrorInfo
 * (domain {@code core.hybridgateway.dev}, except for CANCELLED, which has no details), then
 * BadRequest, ResourceInfo, QuotaFailure, RetryInfo or (debug mode only) DebugInfo — with the same
 * length limits on every text field.
 */
final class ErrorStatus {
  /** {@code ResourceInfo.resource_type} of collections. */
  static final String COLLECTION_RESOURCE_TYPE = "hybrid.core.v1.Collection";

  /** At most this many field violations travel in a BadRequest. */
  static final int MAX_VIOLATIONS = 10;

  private static final int MAX_TEXT = 160;
  private static final int MAX_FIELD = 64;
  private static final int MAX_DESCRIPTION = 96;
  private static final int MAX_MESSAGE = 1024;

  private ErrorStatus() {}

  /** The exception every client method fails with for {@code error}. */
  static StatusRuntimeException toException(CoreError error, boolean debug) {
    return CoreErrors.toException(toStatus(error, debug));
  }

  /** The {@code google.rpc.Status} of {@code error}; DebugInfo only when {@code debug}. */
  static Status toStatus(CoreError error, boolean debug) {
    Status.Builder status =
        Status.newBuilder()
            .setCode(error.code().getNumber())
            .setMessage(RustText.truncate(error.display(), MAX_MESSAGE));
    if (!(error instanceof Cancelled)) {
      status.addDetails(Any.pack(errorInfo(error)));
    }
    switch (error) {
      case InvalidArgument e -> status.addDetails(Any.pack(badRequest(e)));
      case NotFound e ->
          status.addDetails(
              Any.pack(resourceInfo(e.collection(), "no collection of this name on this core")));
      case AlreadyExists e ->
          status.addDetails(
              Any.pack(
                  resourceInfo(
                      e.collection(), "a collection of this name already exists on this core")));
      case MemoryBudgetExceeded e -> status.addDetails(Any.pack(quotaFailure(e)));
      case Overloaded e ->
          status.addDetails(
              Any.pack(
                  RetryInfo.newBuilder()
                      .setRetryDelay(
                          Duration.newBuilder()
                              .setSeconds(e.retryAfter().getSeconds())
                              .setNanos(e.retryAfter().getNano()))
                      .build()));
      case Internal e when debug ->
          status.addDetails(
              Any.pack(
                  DebugInfo.newBuilder()
                      .setDetail(
                          RustText.truncate(
                              e.debugDetail() != null ? e.debugDetail() : e.message(), MAX_MESSAGE))
                      .build()));
      default -> {}
    }
    return status.build();
  }

  private static ErrorInfo errorInfo(CoreError error) {
    ErrorInfo.Builder info =
        ErrorInfo.newBuilder().setReason(error.reason().name()).setDomain(CoreErrors.CORE_DOMAIN);
    switch (error) {
      case NotFound e ->
          info.putMetadata("collection", RustText.truncate(e.collection(), MAX_TEXT));
      case AlreadyExists e ->
          info.putMetadata("collection", RustText.truncate(e.collection(), MAX_TEXT));
      case MemoryBudgetExceeded e -> {
        info.putMetadata("requested_bytes", Long.toUnsignedString(e.requested()));
        info.putMetadata("available_bytes", Long.toUnsignedString(e.available()));
        info.putMetadata("budget_bytes", Long.toUnsignedString(e.budget()));
      }
      case Overloaded e ->
          info.putMetadata("retry_after_ms", Long.toString(e.retryAfter().toMillis()));
      case DeadlineExceeded e -> info.putMetadata("stage", "core");
      case UnknownMethod e -> info.putMetadata("method_id", Integer.toUnsignedString(e.id()));
      case SourceUnavailable e ->
          info.putMetadata("path", RustText.truncate(e.path(), MAX_TEXT * 2));
      default -> {}
    }
    return info.build();
  }

  private static BadRequest badRequest(InvalidArgument error) {
    BadRequest.Builder bad = BadRequest.newBuilder();
    for (FieldViolation v :
        error.violations().subList(0, Math.min(MAX_VIOLATIONS, error.violations().size()))) {
      bad.addFieldViolations(
          BadRequest.FieldViolation.newBuilder()
              .setField(RustText.truncate(v.field(), MAX_FIELD))
              .setDescription(RustText.truncate(v.description(), MAX_DESCRIPTION)));
    }
    return bad.build();
  }

  private static ResourceInfo resourceInfo(String collection, String description) {
    return ResourceInfo.newBuilder()
        .setResourceType(COLLECTION_RESOURCE_TYPE)
        .setResourceName(RustText.truncate(collection, MAX_TEXT))
        .setDescription(description)
        .build();
  }

  private static QuotaFailure quotaFailure(MemoryBudgetExceeded e) {
    return QuotaFailure.newBuilder()
        .addViolations(
            QuotaFailure.Violation.newBuilder()
                .setSubject("hotpath-core memory budget")
                .setDescription(
                    "requested "
                        + Long.toUnsignedString(e.requested())
                        + " bytes, "
                        + Long.toUnsignedString(e.available())
                        + " of "
                        + Long.toUnsignedString(e.budget())
                        + " bytes available")
                .setQuotaMetric("memory_bytes")
                .setQuotaId("CoreMemoryBudget")
                .setQuotaValue(e.budget() < 0 ? Long.MAX_VALUE : e.budget()))
        .build();
  }
}
