package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An admin response before it becomes Netty's: status, content type, body and extra headers.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} of {@code body}
 * @param body the body (sent for GET; its length only for HEAD)
 * @param headers extra headers, e.g. {@code Allow} or {@code WWW-Authenticate}
 */
record AdminResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";

  AdminResponse {
    requireNonNull(contentType, "contentType");
    requireNonNull(body, "body");
    headers = Map.copyOf(requireNonNull(headers, "headers"));
  }

  /** A JSON response. */
  static AdminResponse json(int status, String json) {
    return new AdminResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** This response with header {@code name: value} added. */
  AdminResponse withHeader(String name, String value) {
    Map<String, String> more = new HashMap<>(headers);
    more.put(name, value);
    return new AdminResponse(status, contentType, body, more);
  }
}
