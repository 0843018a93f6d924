package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens whose signature verified recently, with their parsed claims. A client sends the
 * same token on every call; checking its RS256/ES256 signature each time was the largest CPU cost
 * of a small call through the edge (more than a third of the gateway's CPU in a profile of tiny
 * searches). Only the signature check and the parse are remembered: the claims (exp, nbf, iss,
 * aud, tenant, scopes) are still checked on every call against the clock, so an expired token is
 * refused at once even when cached.
 *
 * <p>What a cached token can outlive is a key removed from the JWKS: it stays accepted for at
 * most {@link #TTL}. Bounded: when {@link #MAX_ENTRIES} tokens are cached, the next one starts an
 * empty cache (a flood of distinct tokens costs verifications, never memory).
 *
 * <pre>{@code
 * JWTClaimsSet claims = verified.get(token);   // null: parse and verify, then put(token, claims)
 * }</pre>
 */
final class VerifiedTokens {
  /** How long a verified signature is trusted without checking it again. */
  static final Duration TTL = Duration.ofSeconds(60);

  /** Most tokens remembered at once. */
  static final int MAX_ENTRIES = 4096;

  private record Entry(JWTClaimsSet claims, long expiresAtNanos) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  /** A cache on {@code nanoTime} (System::nanoTime in production, a fake ticker in tests). */
  VerifiedTokens(LongSupplier nanoTime) {
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
  }

  /** The claims of {@code token} if its signature verified less than {@link #TTL} ago, else null. */
  JWTClaimsSet get(String token) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return null;
    }
    if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
      entries.remove(token, entry);
      return null;
    }
    return entry.claims();
  }

  /** Remembers that {@code token}'s signature verified now and that it carries {@code claims}. */
  void put(String token, JWTClaimsSet claims) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(token, new Entry(claims, nanoTime.getAsLong() + TTL.toNanos()));
  }

  /** Tokens currently remembered (expired ones included until looked up). */
  int size() {
    return entries.size();
  }
}
