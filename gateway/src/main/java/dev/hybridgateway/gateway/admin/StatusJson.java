package dev.hybridgateway.gateway.admin;

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

/**
 * Admin errors as the REST API renders them: the {@code google.rpc.Status} in JSON ({@code
 * {"code": 16, "message": "...", "details": [{"@type": ".../google.rpc.ErrorInfo", ...}]}}) with
 * the standard HTTP status of its code. The type registry knows every {@code google.rpc} detail
 * type, so details print as objects rather than opaque bytes.
 */
final class StatusJson {
  private static final JsonFormat.TypeRegistry DETAILS =
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

  private StatusJson() {}

  /** The response for {@code status}, with the HTTP status of its code. */
  static AdminResponse response(Status status) {
    return response(httpStatus(status.getCode()), status);
  }

  /** The response for {@code status} with an explicit HTTP status (405, 414, 431, ...). */
  static AdminResponse response(int httpStatus, Status status) {
    AdminResponse response = AdminResponse.json(httpStatus, Json.print(PRINTER, status));
    return httpStatus == 401 ? response.withHeader("WWW-Authenticate", "Bearer") : response;
  }

  /** A Status of {@code code} with an ErrorInfo {@code reason} in the edge domain. */
  static Status status(Code code, String reason, String message) {
    return CoreErrors.status(
        code,
        message,
        ErrorInfo.newBuilder().setDomain(CoreErrors.EDGE_DOMAIN).setReason(reason).build());
  }

  /** The standard HTTP mapping of a canonical code (google/rpc/code.proto). */
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
}
