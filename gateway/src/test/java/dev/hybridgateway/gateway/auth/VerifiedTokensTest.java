package dev.hybridgateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.ErrorInfo;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.hybridgateway.gateway.resilience.MutableClock;
import dev.hybridgateway.gateway.testing.StatusDetails;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of verified signatures: a repeated token skips the signature check, but its claims
 * are still checked on every call, a changed token is verified afresh, and entries expire and
 * stay bounded.
 */
class VerifiedTokensTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private final AtomicLong nanos = new AtomicLong();
  private final VerifiedTokens verified = new VerifiedTokens(nanos::get);

  private JwtValidator validator(DevTokens tokens) {
    return new JwtValidator(tokens.authConfig().build(), clock, verified);
  }

  @Test
  void validate_sameTokenTwice_secondIsServedFromTheCache() {
    DevTokens tokens = DevTokens.open(dir, clock);
    String token = tokens.mint("acme", List.of(Scopes.SEARCH), Duration.ofMinutes(5));
    try (JwtValidator jwt = validator(tokens)) {
      assertThat(jwt.validate(token).tenant()).isEqualTo("acme");
      JWTClaimsSet cached = verified.get(token);

      assertThat(cached).isNotNull();
      assertThat(jwt.validate(token).tenant()).isEqualTo("acme");
      assertThat(verified.get(token)).isSameAs(cached);
    }
  }

  @Test
  void validate_cachedTokenPastItsExpiry_refusedAsExpired() {
    DevTokens tokens = DevTokens.open(dir, clock);
    String token = tokens.mint("acme", List.of(Scopes.SEARCH), Duration.ofMinutes(1));
    try (JwtValidator jwt = validator(tokens)) {
      jwt.validate(token);
      clock.advance(Duration.ofMinutes(10)); // the cache entry itself is still fresh (nanos)

      var e = catchThrowableOfType(StatusRuntimeException.class, () -> jwt.validate(token));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(StatusDetails.detail(e, ErrorInfo.class).orElseThrow().getReason())
          .isEqualTo(AuthErrors.TOKEN_EXPIRED);
    }
  }

  @Test
  void validate_cachedTokenWithAlteredSignature_verifiedAfreshAndRefused() {
    DevTokens tokens = DevTokens.open(dir, clock);
    String token = tokens.mint("acme", List.of(Scopes.SEARCH), Duration.ofMinutes(5));
    try (JwtValidator jwt = validator(tokens)) {
      jwt.validate(token);
      char last = token.charAt(token.length() - 2);
      String altered =
          token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(
              token.length() - 1);

      var e = catchThrowableOfType(StatusRuntimeException.class, () -> jwt.validate(altered));

      assertThat(StatusDetails.detail(e, ErrorInfo.class).orElseThrow().getReason())
          .isEqualTo(AuthErrors.TOKEN_INVALID);
      assertThat(verified.get(altered)).isNull();
    }
  }

  @Test
  void get_afterTheTtl_forgetsTheToken() {
    verified.put("token", new JWTClaimsSet.Builder().subject("s").build());
    nanos.addAndGet(VerifiedTokens.TTL.toNanos() - 1);
    assertThat(verified.get("token")).isNotNull();

    nanos.addAndGet(1);

    assertThat(verified.get("token")).isNull();
    assertThat(verified.size()).isZero();
  }

  @Test
  void put_whenFull_startsAnEmptyCache() {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("s").build();
    for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
      verified.put("token-" + i, claims);
    }
    assertThat(verified.size()).isEqualTo(VerifiedTokens.MAX_ENTRIES);

    verified.put("one-more", claims);

    assertThat(verified.size()).isEqualTo(1);
    assertThat(verified.get("one-more")).isSameAs(claims);
  }
}
