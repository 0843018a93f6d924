package dev.hybridgateway.gateway.resilience;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.routing.BackendHealth;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The resilience of every backend of the process: one circuit breaker and one retry budget per
 * backend name, shared by all the shard clients of that backend (a backend is one failure
 * domain). Built once at start-up:
 *
 * <pre>{@code
 * BackendResilience resilience = BackendResilience.builder().build();
 * CoreClient shard0 = resilience.wrap("rust", grpcClientOfShard0);
 * metrics.registerCircuitStates(resilience.circuitStates());
 * Router router = Router.of(config, clients, random, resilience);   // fallback while open
 * }</pre>
 */
public final class BackendResilience implements BackendHealth, AutoCloseable {
  private final Map<String, CircuitBreaker> circuits = new ConcurrentHashMap<>();
  private final CircuitBreakerConfig circuitConfig;
  private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();
  private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
  private final BackendResilienceBuilder settings;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;

  BackendResilience(BackendResilienceBuilder builder) {
    this.settings = builder;
    this.circuitConfig = builder.circuitConfig();
    this.ownsScheduler = builder.scheduler == null;
    this.scheduler =
        ownsScheduler
            ? Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("retry-backoff").unstarted(r))
            : builder.scheduler;
  }

  public static BackendResilienceBuilder builder() {
    return new BackendResilienceBuilder();
  }

  /** {@code client} (one shard of {@code backend}) behind the backend's circuit and retries. */
  public ResilientCoreClient wrap(String backend, CoreClient client) {
    requireNonNull(backend, "backend");
    requireNonNull(client, "client");
    return new ResilientCoreClient(
        backend, client, circuit(backend), budget(backend), settings.retryPolicy, settings.random,
        scheduler, this);
  }

  /** The circuit breaker of {@code backend}, created on first use. */
  public CircuitBreaker circuit(String backend) {
    return circuits.computeIfAbsent(
        backend,
        name -> {
          CircuitBreaker created = CircuitBreaker.of(backend, circuitConfig);
          created
              .getEventPublisher()
              .onStateTransition(
                  e -> {
                    if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                      openedAt.put(backend, settings.clock.instant());
                    }
                  });
          return created;
        });
  }

  RetryBudget budget(String backend) {
    return budgets.computeIfAbsent(
        backend, b -> RetryBudget.of(settings.retryRatio, settings.retryBurst));
  }

  /**
   * True while {@code backend}'s circuit is open and its wait has not elapsed. Once it has, the
   * next call is let through and becomes the half-open probe.
   */
  @Override
  public boolean isOpen(String backend) {
    return !retryAfter(backend).isZero();
  }

  @Override
  public Duration retryAfter(String backend) {
    CircuitBreaker circuit = circuits.get(backend);
    if (circuit == null || circuit.getState() != CircuitBreaker.State.OPEN) {
      return Duration.ZERO;
    }
    Instant since = openedAt.getOrDefault(backend, Instant.EPOCH);
    Duration left = Duration.between(settings.clock.instant(), since.plus(settings.openWait));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Backend name → circuit state (closed, open, half_open, ...), for metrics and the admin. */
  public Supplier<Map<String, String>> circuitStates() {
    return () -> {
      Map<String, String> states = new TreeMap<>();
      for (CircuitBreaker circuit : circuits.values()) {
        states.put(circuit.getName(), circuit.getState().name().toLowerCase(Locale.ROOT));
      }
      return states;
    };
  }

  /** Stops the backoff scheduler if this instance created it. */
  @Override
  public void close() {
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }
}
