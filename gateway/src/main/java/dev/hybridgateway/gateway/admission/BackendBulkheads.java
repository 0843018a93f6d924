package dev.hybridgateway.gateway.admission;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreErrors;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One Resilience4j semaphore bulkhead per backend: at most {@code maxConcurrent} calls in flight
 * to it, never waiting for a slot (queueing would only spend the caller's deadline). A full
 * backend answers UNAVAILABLE (ErrorInfo reason {@code BULKHEAD_FULL}) with RetryInfo, so one slow
 * backend cannot take every request thread of the gateway.
 *
 * <pre>{@code
 * BackendBulkheads bulkheads = BackendBulkheads.of(Map.of("rust", 64, "java", 16), Duration.ofMillis(50));
 * CompletableFuture<FanoutResult> r = bulkheads.run(plan.backend(), () -> ScatterGather.search(...));
 * metrics.registerBulkheads(bulkheads.saturation());
 * }</pre>
 */
public final class BackendBulkheads {
  private final Map<String, Bulkhead> bulkheads = new LinkedHashMap<>();
  private final Map<String, Integer> limits = new LinkedHashMap<>();
  private final Duration retryAfter;

  private BackendBulkheads(Map<String, Integer> maxConcurrent, Duration retryAfter) {
    this.retryAfter = requireNonNull(retryAfter, "retryAfter");
    maxConcurrent.forEach(
        (backend, max) -> {
          if (max < 1) {
            throw new IllegalArgumentException("bulkhead of '" + backend + "' must be >= 1, is " + max);
          }
          BulkheadConfig config =
              BulkheadConfig.custom().maxConcurrentCalls(max).maxWaitDuration(Duration.ZERO).build();
          bulkheads.put(backend, Bulkhead.of(backend, config));
          limits.put(backend, max);
        });
  }

  /** Bulkheads of {@code maxConcurrent} (backend → calls in flight), refusing with {@code retryAfter}. */
  public static BackendBulkheads of(Map<String, Integer> maxConcurrent, Duration retryAfter) {
    return new BackendBulkheads(requireNonNull(maxConcurrent, "maxConcurrent"), retryAfter);
  }

  /**
   * Runs {@code call} inside {@code backend}'s bulkhead, releasing its slot when the returned
   * future completes; throws UNAVAILABLE + RetryInfo without running it when the bulkhead is full.
   */
  public <T> CompletableFuture<T> run(String backend, Supplier<CompletableFuture<T>> call) {
    Bulkhead bulkhead = bulkhead(backend);
    if (!bulkhead.tryAcquirePermission()) {
      throw CoreErrors.toException(
          CoreErrors.unavailable(
              "BULKHEAD_FULL",
              "backend '" + backend + "' has " + limits.get(backend) + " calls in flight; retry later",
              retryAfter));
    }
    CompletableFuture<T> future;
    try {
      future = call.get();
    } catch (RuntimeException e) {
      bulkhead.onComplete();
      throw e;
    }
    future.whenComplete((r, e) -> bulkhead.onComplete());
    return future;
  }

  /** Backend → fraction of its slots in use (0..1), for the bulkhead saturation gauge. */
  public Supplier<Map<String, Double>> saturation() {
    return () -> {
      Map<String, Double> saturation = new TreeMap<>();
      bulkheads.forEach(
          (backend, bulkhead) -> {
            int max = limits.get(backend);
            int free = bulkhead.getMetrics().getAvailableConcurrentCalls();
            saturation.put(backend, (max - free) / (double) max);
          });
      return saturation;
    };
  }

  private Bulkhead bulkhead(String backend) {
    Bulkhead bulkhead = bulkheads.get(requireNonNull(backend, "backend"));
    if (bulkhead == null) {
      throw new IllegalArgumentException("no bulkhead for backend '" + backend + "'");
    }
    return bulkhead;
  }
}
