package dev.hybridgateway.gateway.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * Errors as the REST API renders them: the {@code google.rpc.Status} in proto3 JSON ({@code
 * {"code": 5, "message": "...", "details": [{"@type": "type.googleapis.com/google.rpc.ResourceInfo",
 * ...}]}}) with the standard HTTP status of its code (google/rpc/code.proto), {@code
 * Retry-After} in whole seconds (rounded up) when a RetryInfo detail is present, and {@code
 * WWW-Authenticate: Bearer} on 401.
 */
final class RestErrors {
  /** Every google.rpc detail type, so details print as objects, not opaque bytes. */
  static final JsonFormat.TypeRegistry DETAILS =
      JsonFormat.TypeRegistry.newBuilder()
          .add(ErrorInfo.getDescriptor())
          .add(RetryInfo.getDescriptor())
          .add(DebugInfo.getDescriptor())
          .add(QuotaFailure.getDescriptor())
          .add(PreconditionFailure.getDescriptor())
          .add(BadRequest.getDescriptor())
          .add(RequestInfo.getDescriptor())
          .add(ResourceInfo.getDescriptor())
          .add(Help.getDescriptor())
          .add(LocalizedMessage.getDescriptor())
          .build();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(DETAILS);

  private RestErrors() {}

  /** The response for {@code status}, with the HTTP status of its code. */
  static RestResponse response(Status status) {
    return response(httpStatus(status.getCode()), status);
  }

  /** The response for {@code status} with an explicit HTTP status (405, 413, 414, 431, ...). */
  static RestResponse response(int httpStatus, Status status) {
    RestResponse response = RestResponse.json(httpStatus, print(status));
    if (httpStatus == 401) {
      response = response.withHeader("WWW-Authenticate", "Bearer");
    }
    Long retryAfter = retryAfterSeconds(status);
    return retryAfter == null ? response : response.withHeader("Retry-After", retryAfter.toString());
  }

  /**
   * The Status of a failed gRPC call, with an ErrorInfo added when it has none (a deadline that
   * passed in the adapter's own channel, before the gateway saw the call, is stage "edge").
   */
  static Status fromFailure(Throwable failure) {
    Status status = CoreErrors.toStatus(failure);
    for (com.google.protobuf.Any detail : status.getDetailsList()) {
      if (detail.is(ErrorInfo.class)) {
        return status;
      }
    }
    if (status.getCode() == Code.DEADLINE_EXCEEDED_VALUE) {
      return CoreErrors.deadlineExceeded("edge", status.getMessage());
    }
    Code code = Code.forNumber(status.getCode());
    ErrorInfo info =
        ErrorInfo.newBuilder()
            .setDomain(CoreErrors.EDGE_DOMAIN)
            .setReason(code == null ? "UNKNOWN" : code.name())
            .build();
    return status.toBuilder().addDetails(com.google.protobuf.Any.pack(info)).build();
  }

  /** 414, 431, 413 or 400 for a request the HTTP codec could not read. */
  static RestResponse malformed(Throwable cause) {
    int httpStatus =
        cause instanceof TooLongHttpLineException ? 414
            : cause instanceof TooLongHttpHeaderException ? 431
            : cause instanceof TooLongFrameException ? 413
            : 400;
    return response(
        httpStatus,
        status(
            Code.INVALID_ARGUMENT,
            "MALFORMED_REQUEST",
            "the REST server could not read the request: " + cause.getMessage()));
  }

  /** A Status of {@code code} with an ErrorInfo {@code reason} in the edge domain. */
  static Status status(Code code, String reason, String message) {
    return CoreErrors.status(
        code,
        message,
        ErrorInfo.newBuilder().setDomain(CoreErrors.EDGE_DOMAIN).setReason(reason).build());
  }

  /** The standard HTTP mapping of a canonical code. */
  static int httpStatus(int code) {
    Code canonical = Code.forNumber(code);
    if (canonical == null) {
      return 500;
    }
    return switch (canonical) {
      case OK -> 200;
      case CANCELLED -> 499;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case DEADLINE_EXCEEDED -> 504;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case PERMISSION_DENIED -> 403;
      case UNAUTHENTICATED -> 401;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case UNKNOWN, INTERNAL, DATA_LOSS, UNRECOGNIZED -> 500;
    };
  }

  /** The RetryInfo delay in whole seconds, rounded up, or null when there is none. */
  static Long retryAfterSeconds(Status status) {
    for (com.google.protobuf.Any detail : status.getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        try {
          long nanos = Durations.toNanos(detail.unpack(RetryInfo.class).getRetryDelay());
          return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static String print(Status status) {
    try {
      return PRINTER.print(status);
    } catch (InvalidProtocolBufferException e) {
      // A detail of a type the registry does not know: print the code and message only.
      try {
        return PRINTER.print(status.toBuilder().clearDetails().build());
      } catch (InvalidProtocolBufferException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }
}
