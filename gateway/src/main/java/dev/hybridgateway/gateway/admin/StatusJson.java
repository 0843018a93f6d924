package dev.hybridgateway.gateway.admin;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.StatusHttp;

/**
 * Admin errors as the REST API renders them: the {@code google.rpc.Status} in JSON ({@code
 * {"code": 16, "message": "...", "details": [{"@type": ".../google.rpc.ErrorInfo", ...}]}}) with
 * the standard HTTP status of its code ({@link StatusHttp}, shared with the REST adapter).
 */
final class StatusJson {
  private StatusJson() {}

  /** The response for {@code status}, with the HTTP status of its code. */
  static AdminResponse response(Status status) {
    return response(StatusHttp.httpStatus(status.getCode()), status);
  }

  /** The response for {@code status} with an explicit HTTP status (405, 414, 431, ...). */
  static AdminResponse response(int httpStatus, Status status) {
    AdminResponse response = AdminResponse.json(httpStatus, StatusHttp.json(status));
    return httpStatus == 401 ? response.withHeader("WWW-Authenticate", "Bearer") : response;
  }

  /** A Status of {@code code} with an ErrorInfo {@code reason} in the edge domain. */
  static Status status(Code code, String reason, String message) {
    return StatusHttp.edgeStatus(code, reason, message);
  }
}
