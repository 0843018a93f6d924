package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One response of the adapter before it becomes Netty objects: status, JSON body and extra
 * headers ({@code Retry-After}, {@code Allow}, ...). {@code Server-Timing} is added when it is
 * written, so it covers everything up to then.
 */
record RestResponse(int status, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";

  RestResponse {
    requireNonNull(body, "body");
    headers = Map.copyOf(requireNonNull(headers, "headers"));
  }

  static RestResponse json(int status, String json) {
    return new RestResponse(status, json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  RestResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new RestResponse(status, body, more);
  }
}
