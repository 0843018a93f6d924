package dev.hybridgateway.gateway.auth;

/** How a {@link Principal} proved who it is. */
public enum AuthMethod {
  /** A signed JWT in {@code authorization: Bearer <token>}. */
  JWT,
  /** A key in {@code x-api-key}, matched against the configured SHA-256 hashes. */
  API_KEY
}
