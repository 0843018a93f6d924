package dev.hybridgateway.gateway.admission;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.StatusRuntimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A per-tenant rate limit: one {@link TokenBucket} per tenant. The registry is an LRU map capped
 * at {@code maxTenants}, so a flood of unknown tenant names costs bounded memory; a forgotten
 * tenant comes back with a full bucket (the cap must exceed the number of active tenants for the
 * limit to hold, which is what it is sized for).
 *
 * <pre>{@code
 * TenantRateLimiter limiter = TenantRateLimiter.builder().permitsPerSecond(50).burst(100).build();
 * limiter.acquire(principal.tenant());   // throws RESOURCE_EXHAUSTED + QuotaFailure + RetryInfo
 * }</pre>
 */
public final class TenantRateLimiter {
  private final long capacity;
  private final long nanosPerToken;
  private final LongSupplier ticker;
  private final Map<String, TokenBucket> buckets;

  TenantRateLimiter(TenantRateLimiterBuilder builder) {
    this.capacity = builder.burst;
    this.nanosPerToken = Math.max(1, Math.round(1e9 / builder.permitsPerSecond));
    this.ticker = builder.ticker;
    int max = builder.maxTenants;
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
            return size() > max;
          }
        };
  }

  public static TenantRateLimiterBuilder builder() {
    return new TenantRateLimiterBuilder();
  }

  /** Admits one request of {@code tenant}, or throws RESOURCE_EXHAUSTED saying when to retry. */
  public void acquire(String tenant) {
    requireNonNull(tenant, "tenant");
    long now = ticker.getAsLong();
    TokenBucket bucket;
    synchronized (buckets) {
      bucket = buckets.computeIfAbsent(tenant, t -> new TokenBucket(capacity, nanosPerToken, now));
    }
    long wait = bucket.tryTake(now);
    if (wait > 0) {
      throw rateLimited(tenant, wait);
    }
  }

  /** Tenants currently tracked (never more than the cap). */
  public int trackedTenants() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  private StatusRuntimeException rateLimited(String tenant, long waitNanos) {
    Status status =
        Status.newBuilder()
            .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
            .setMessage("tenant '" + tenant + "' exceeded its request rate; retry later")
            .addDetails(
                Any.pack(
                    ErrorInfo.newBuilder()
                        .setDomain(CoreErrors.EDGE_DOMAIN)
                        .setReason("RATE_LIMITED")
                        .putMetadata("tenant", tenant)
                        .build()))
            .addDetails(
                Any.pack(
                    QuotaFailure.newBuilder()
                        .addViolations(
                            QuotaFailure.Violation.newBuilder()
                                .setSubject("tenant:" + tenant)
                                .setDescription(
                                    "rate limit of " + (1e9 / nanosPerToken)
                                        + " requests per second, bursts of " + capacity))
                        .build()))
            .addDetails(
                Any.pack(
                    RetryInfo.newBuilder()
                        .setRetryDelay(
                            Duration.newBuilder()
                                .setSeconds(waitNanos / 1_000_000_000L)
                                .setNanos((int) (waitNanos % 1_000_000_000L)))
                        .build()))
            .build();
    return CoreErrors.toException(status);
  }
}
