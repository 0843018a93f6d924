package dev.hybridgateway.gateway.admission;

import static java.util.Objects.requireNonNull;

import java.util.function.LongSupplier;

/**
 * Configures a {@link TenantRateLimiter}. Defaults: 100 requests per second per tenant, bursts of
 * 200, at most 10,000 tenants tracked, {@link System#nanoTime()} as the clock.
 */
public final class TenantRateLimiterBuilder {
  double permitsPerSecond = 100;
  long burst = 200;
  int maxTenants = 10_000;
  LongSupplier ticker = System::nanoTime;

  TenantRateLimiterBuilder() {}

  /** Sustained requests per second of one tenant. */
  public TenantRateLimiterBuilder permitsPerSecond(double permitsPerSecond) {
    if (!(permitsPerSecond > 0) || permitsPerSecond > 1e9) {
      throw new IllegalArgumentException("permitsPerSecond must be in (0, 1e9], is " + permitsPerSecond);
    }
    this.permitsPerSecond = permitsPerSecond;
    return this;
  }

  /** Requests a tenant may make at once after being idle (the bucket's capacity). */
  public TenantRateLimiterBuilder burst(long burst) {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be >= 1, is " + burst);
    }
    this.burst = burst;
    return this;
  }

  /** Tenants tracked at once; the least recently seen is forgotten beyond it. */
  public TenantRateLimiterBuilder maxTenants(int maxTenants) {
    if (maxTenants < 1) {
      throw new IllegalArgumentException("maxTenants must be >= 1, is " + maxTenants);
    }
    this.maxTenants = maxTenants;
    return this;
  }

  /** The monotonic nanosecond clock (tests pass one they advance). */
  public TenantRateLimiterBuilder ticker(LongSupplier ticker) {
    this.ticker = requireNonNull(ticker, "ticker");
    return this;
  }

  public TenantRateLimiter build() {
    return new TenantRateLimiter(this);
  }
}
