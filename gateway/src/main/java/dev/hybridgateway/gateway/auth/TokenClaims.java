package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claim checks of a token whose signature already verified: {@code exp} (required) and
 * {@code nbf} with the clock skew, {@code iss}, {@code aud}; then the Principal from the tenant
 * claim, {@code sub} and the scopes ({@code scope}, space-separated, and/or {@code scp}, an array).
 */
final class TokenClaims {
  private final String issuer;
  private final String audience;
  private final String tenantClaim;
  private final Duration skew;
  private final Clock clock;

  TokenClaims(AuthConfig config, Clock clock) {
    this.issuer = config.issuer();
    this.audience = config.audience();
    this.tenantClaim = config.tenantClaim();
    this.skew = config.clockSkew();
    this.clock = requireNonNull(clock, "clock");
  }

  Principal check(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw invalid("the token has no exp claim; tokens must expire", "exp");
    }
    if (now.isAfter(exp.toInstant().plus(skew))) {
      throw AuthErrors.unauthenticated(
          AuthErrors.TOKEN_EXPIRED,
          "the token expired at " + exp.toInstant() + " (allowed clock skew " + skew + ")",
          Map.of("expired_at", exp.toInstant().toString()));
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
      throw AuthErrors.unauthenticated(
          AuthErrors.TOKEN_NOT_YET_VALID,
          "the token is not valid before " + nbf.toInstant() + " (allowed clock skew " + skew
              + "); check the clocks of the issuer and the gateway",
          Map.of("not_before", nbf.toInstant().toString()));
    }
    if (!issuer.equals(claims.getIssuer())) {
      throw AuthErrors.unauthenticated(
          AuthErrors.ISSUER_MISMATCH,
          "the token's iss is not the issuer this gateway trusts ('" + issuer + "')",
          Map.of("expected_issuer", issuer));
    }
    List<String> aud = claims.getAudience();
    if (aud == null || !aud.contains(audience)) {
      throw AuthErrors.unauthenticated(
          AuthErrors.AUDIENCE_MISMATCH,
          "the token's aud does not include this gateway's audience ('" + audience + "')",
          Map.of("expected_audience", audience));
    }
    Object tenant = claims.getClaim(tenantClaim);
    if (!(tenant instanceof String t) || t.isBlank()) {
      throw invalid(
          "the token has no '" + tenantClaim + "' claim (a non-empty string naming the tenant)",
          tenantClaim);
    }
    String subject = claims.getSubject() == null ? "" : claims.getSubject();
    return new Principal(t, subject, scopes(claims), AuthMethod.JWT);
  }

  /** The union of {@code scope} (space-separated string) and {@code scp} (array or string). */
  private static Set<String> scopes(JWTClaimsSet claims) {
    Set<String> out = new LinkedHashSet<>();
    addScopes(out, claims.getClaim("scope"), "scope");
    addScopes(out, claims.getClaim("scp"), "scp");
    return out;
  }

  private static void addScopes(Set<String> out, Object value, String claim) {
    if (value == null) {
      return;
    }
    if (value instanceof String s) {
      for (String scope : s.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          out.add(scope);
        }
      }
      return;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw invalid("the token's " + claim + " claim must hold strings only", claim);
        }
        out.add(s);
      }
      return;
    }
    throw invalid("the token's " + claim + " claim must be a string or an array of strings", claim);
  }

  private static RuntimeException invalid(String message, String claim) {
    return AuthErrors.unauthenticated(AuthErrors.TOKEN_INVALID, message, Map.of("claim", claim));
  }
}
