package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks an {@code x-api-key} against the configured {@link ApiKeyEntry} hashes: the presented
 * key is hashed with SHA-256 and compared with every entry in constant time ({@link
 * MessageDigest#isEqual}), without stopping at the first match, so timing reveals neither the
 * key nor which entry matched. Keys in clear are never stored or logged.
 */
public final class ApiKeys {
  /** Longer values are rejected before hashing. */
  static final int MAX_KEY_CHARS = 512;

  private record Hashed(byte[] hash, ApiKeyEntry entry) {}

  private final List<Hashed> entries;

  ApiKeys(List<ApiKeyEntry> entries) {
    this.entries =
        requireNonNull(entries, "entries").stream()
            .map(e -> new Hashed(HexFormat.of().parseHex(e.sha256Hex()), e))
            .toList();
  }

  /** The lower-case hex SHA-256 of {@code key}'s UTF-8 bytes: what the config stores. */
  public static String sha256Hex(String key) {
    return HexFormat.of().formatHex(sha256(requireNonNull(key, "key")));
  }

  /** The Principal of {@code presented}, or UNAUTHENTICATED / API_KEY_INVALID. */
  Principal authenticate(String presented) {
    if (entries.isEmpty()) {
      throw AuthErrors.unauthenticated(
          AuthErrors.API_KEY_INVALID,
          "this gateway accepts no API keys (auth.api_keys is empty); send a bearer token");
    }
    if (presented.isBlank() || presented.length() > MAX_KEY_CHARS) {
      throw invalid();
    }
    byte[] hash = sha256(presented.strip());
    ApiKeyEntry match = null;
    for (Hashed candidate : entries) {
      if (MessageDigest.isEqual(hash, candidate.hash())) {
        match = candidate.entry();
      }
    }
    if (match == null) {
      throw invalid();
    }
    return new Principal(match.tenant(), match.id(), match.scopes(), AuthMethod.API_KEY);
  }

  private static StatusRuntimeException invalid() {
    return AuthErrors.unauthenticated(
        AuthErrors.API_KEY_INVALID, "the x-api-key header does not match any configured API key");
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JRE", e);
    }
  }
}
