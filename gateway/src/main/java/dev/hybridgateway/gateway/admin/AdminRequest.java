package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * The parts of an admin request the endpoints read. Valid only while the request is handled
 * (the headers are Netty's, released afterwards).
 *
 * @param path the decoded path, without query
 * @param headers the request headers (case-insensitive)
 */
record AdminRequest(String path, HttpHeaders headers) {
  AdminRequest {
    requireNonNull(path, "path");
    requireNonNull(headers, "headers");
  }

  /** The first value of header {@code name} (any case), or null. */
  String header(String name) {
    return headers.get(name);
  }
}
