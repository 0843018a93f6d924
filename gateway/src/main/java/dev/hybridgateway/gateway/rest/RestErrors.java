package dev.hybridgateway.gateway.rest;

import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.StatusHttp;
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
  static final JsonFormat.TypeRegistry DETAILS = StatusHttp.DETAILS;

  private RestErrors() {}

  /** The response for {@code status}, with the HTTP status of its code. */
  static RestResponse response(Status status) {
    return response(StatusHttp.httpStatus(status.getCode()), status);
  }

  /** The response for {@code status} with an explicit HTTP status (405, 413, 414, 431, ...). */
  static RestResponse response(int httpStatus, Status status) {
    RestResponse response = RestResponse.json(httpStatus, StatusHttp.json(status));
    if (httpStatus == 401) {
      response = response.withHeader("WWW-Authenticate", "Bearer");
    }
    Long retryAfter = StatusHttp.retryAfterSeconds(status);
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
    return StatusHttp.edgeStatus(code, reason, message);
  }
}
