package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request headers authentication reads, independent of the transport. Names are asked for
 * in lower case ({@code authorization}, {@code x-api-key}). gRPC adapts its Metadata (see {@link
 * AuthInterceptor}); the REST adapter can pass Netty's case-insensitive {@code
 * HttpHeaders::get} as it is.
 */
@FunctionalInterface
public interface RequestHeaders {
  /** The header {@code authorization}. */
  String AUTHORIZATION = "authorization";

  /** The header {@code x-api-key}. */
  String API_KEY = "x-api-key";

  /** The first value of header {@code lowerCaseName}, or null when absent. */
  String get(String lowerCaseName);

  /** Headers from a map whose keys may be in any case. */
  static RequestHeaders of(Map<String, String> headers) {
    requireNonNull(headers, "headers");
    Map<String, String> lower = new HashMap<>();
    headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
    return lower::get;
  }
}
