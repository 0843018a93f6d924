package dev.hybridgateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** API keys: hashed once, matched by hash, never kept in clear. */
class ApiKeysTest {
  @Test
  void sha256Hex_knownVector() {
    assertThat(ApiKeys.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void authenticate_upperCaseHashInConfig_matches() {
    String hash = ApiKeys.sha256Hex("hgk_key").toUpperCase();
    ApiKeys keys = new ApiKeys(List.of(new ApiKeyEntry("ci", hash, "acme", Set.of("search"))));

    assertThat(keys.authenticate("hgk_key").subject()).isEqualTo("ci");
  }

  @Test
  void authenticate_secondOfSeveralEntries_matchesThatEntry() {
    ApiKeys keys =
        new ApiKeys(
            List.of(
                ApiKeyEntry.ofKey("one", "key-one", "t1", Set.of()),
                ApiKeyEntry.ofKey("two", "key-two", "t2", Set.of("admin"))));

    Principal principal = keys.authenticate("key-two");

    assertThat(principal.tenant()).isEqualTo("t2");
    assertThat(principal.scopes()).containsExactly("admin");
  }

  @Test
  void authenticate_oversizedKey_invalidWithoutEcho() {
    ApiKeys keys = new ApiKeys(List.of(ApiKeyEntry.ofKey("one", "key-one", "t1", Set.of())));
    String huge = "k".repeat(ApiKeys.MAX_KEY_CHARS + 1);

    var e = catchThrowableOfType(StatusRuntimeException.class, () -> keys.authenticate(huge));

    assertThat(AuthTestServer.errorInfo(e).getReason()).isEqualTo(AuthErrors.API_KEY_INVALID);
    assertThat(e.getMessage()).doesNotContain(huge);
  }

  @Test
  void entry_keepsOnlyTheHash() {
    ApiKeyEntry entry = ApiKeyEntry.ofKey("ci", "plain-secret-key", "acme", Set.of());

    assertThat(entry.toString()).doesNotContain("plain-secret-key");
  }
}
