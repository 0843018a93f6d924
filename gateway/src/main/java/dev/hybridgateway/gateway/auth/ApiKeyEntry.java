package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configured API key: only the SHA-256 of the key (64 hex digits) is kept, with the tenant
 * and scopes it grants. Produce the hash with {@code printf %s "$KEY" | sha256sum} or {@link
 * ApiKeys#sha256Hex(String)}.
 *
 * @param id a name for the key (becomes {@link Principal#subject()}; shows in logs), not secret
 * @param sha256Hex SHA-256 of the key's UTF-8 bytes, hex (case-insensitive, stored lower-case)
 * @param tenant the tenant the key acts for
 * @param scopes the scopes the key grants
 */
public record ApiKeyEntry(String id, String sha256Hex, String tenant, Set<String> scopes) {
  private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

  public ApiKeyEntry {
    requireNonNull(id, "id");
    requireNonNull(sha256Hex, "sha256Hex");
    requireNonNull(tenant, "tenant");
    scopes = Set.copyOf(requireNonNull(scopes, "scopes"));
    if (id.isBlank()) {
      throw new IllegalArgumentException("auth.api_keys[].id must not be blank");
    }
    sha256Hex = sha256Hex.trim().toLowerCase(Locale.ROOT);
    if (!HEX_256.matcher(sha256Hex).matches()) {
      throw new IllegalArgumentException(
          "auth.api_keys[" + id + "].sha256 must be 64 hex digits (the SHA-256 of the key,"
              + " never the key itself)");
    }
    if (tenant.isBlank()) {
      throw new IllegalArgumentException("auth.api_keys[" + id + "].tenant must not be blank");
    }
  }

  /** The entry for a key given in clear (tests, dev set-ups); only its hash is kept. */
  public static ApiKeyEntry ofKey(String id, String key, String tenant, Set<String> scopes) {
    return new ApiKeyEntry(id, ApiKeys.sha256Hex(key), tenant, scopes);
  }
}
