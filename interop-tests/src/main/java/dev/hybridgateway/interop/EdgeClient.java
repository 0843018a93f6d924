package dev.hybridgateway.interop;

import dev.hybridgateway.gateway.core.CoreClient;

/**
 * A client of the gateway's public API (gRPC or REST) that sends a bearer token, so a case can
 * also call as someone else: without credentials, or with a bad token.
 */
public interface EdgeClient extends CoreClient {
  /** The token sent as {@code authorization: Bearer}, or null when none is sent. */
  String token();

  /**
   * The same client sending {@code token} instead (null: no credentials). It shares this client's
   * connection, and closing it closes nothing.
   */
  EdgeClient withToken(String token);
}
