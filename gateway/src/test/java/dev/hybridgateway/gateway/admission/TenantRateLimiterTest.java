package dev.hybridgateway.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.Code;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RetryInfo;
import dev.hybridgateway.gateway.testing.StatusDetails;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantRateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000);

  private TenantRateLimiter limiter(int maxTenants) {
    return TenantRateLimiter.builder()
        .permitsPerSecond(2)
        .burst(2)
        .maxTenants(maxTenants)
        .ticker(now::get)
        .build();
  }

  @Test
  void acquire_beyondBurst_resourceExhaustedWithQuotaFailureAndRetryInfo() {
    TenantRateLimiter limiter = limiter(10);
    limiter.acquire("acme");
    limiter.acquire("acme");
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));

    assertThatThrownBy(() -> limiter.acquire("acme"))
        .satisfies(
            e -> {
              assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.RESOURCE_EXHAUSTED_VALUE);
              assertThat(StatusDetails.detail(e, QuotaFailure.class).orElseThrow().getViolations(0).getSubject())
                  .isEqualTo("tenant:acme");
              var delay = StatusDetails.detail(e, RetryInfo.class).orElseThrow().getRetryDelay();
              assertThat(delay.getSeconds() * 1_000_000_000L + delay.getNanos())
                  .isEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
            });
    assertThatCode(() -> limiter.acquire("other")).doesNotThrowAnyException();
  }

  @Test
  void acquire_afterRetryDelay_admitted() {
    TenantRateLimiter limiter = limiter(10);
    limiter.acquire("acme");
    limiter.acquire("acme");
    assertThatThrownBy(() -> limiter.acquire("acme"));

    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));

    assertThatCode(() -> limiter.acquire("acme")).doesNotThrowAnyException();
    assertThatThrownBy(() -> limiter.acquire("acme"));
  }

  @Test
  void registry_manyUnknownTenants_boundedBySizeCap() {
    TenantRateLimiter limiter = limiter(100);
    for (int i = 0; i < 10_000; i++) {
      limiter.acquire("tenant-" + i);
    }
    assertThat(limiter.trackedTenants()).isEqualTo(100);
  }
}
