package dev.hybridgateway.gateway.resilience;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import dev.hybridgateway.gateway.core.CallScope;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.routing.BackendHealth;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * A {@link CoreClient} decorator: one shard client of a backend behind the backend's circuit
 * breaker and retry rules. Each attempt asks the circuit for a permission (refused → UNAVAILABLE
 * with ErrorInfo reason {@value #CIRCUIT_OPEN} and RetryInfo), records the outcome as
 * {@link FailureClassifier} says (CANCELLED releases the permission and records nothing), and
 * retries only UNAVAILABLE on idempotent methods, after a jittered backoff, while the caller's
 * deadline leaves room and the backend's retry budget allows. Every attempt runs in the caller's
 * {@link Context}, so the deadline and cancellation reach the backend unchanged. Built by
 * {@link BackendResilience#wrap}; closing it closes the wrapped client.
 */
public final class ResilientCoreClient implements CoreClient {
  /** ErrorInfo reason of a call refused because the backend's circuit is open. */
  public static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";

  private final String backend;
  private final CoreClient delegate;
  private final CircuitBreaker circuit;
  private final RetryBudget budget;
  private final RetryPolicy policy;
  private final RandomGenerator random;
  private final ScheduledExecutorService scheduler;
  private final BackendHealth health;

  ResilientCoreClient(
      String backend,
      CoreClient delegate,
      CircuitBreaker circuit,
      RetryBudget budget,
      RetryPolicy policy,
      RandomGenerator random,
      ScheduledExecutorService scheduler,
      BackendHealth health) {
    this.backend = requireNonNull(backend, "backend");
    this.delegate = requireNonNull(delegate, "delegate");
    this.circuit = requireNonNull(circuit, "circuit");
    this.budget = requireNonNull(budget, "budget");
    this.policy = requireNonNull(policy, "policy");
    this.random = requireNonNull(random, "random");
    this.scheduler = requireNonNull(scheduler, "scheduler");
    this.health = requireNonNull(health, "health");
  }

  /** The backend this client belongs to. */
  public String backend() {
    return backend;
  }

  @Override
  public Transport transport() {
    return delegate.transport();
  }

  @Override
  public <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    requireNonNull(method, "method");
    requireNonNull(request, "request");
    Context context = Context.current();
    CompletableFuture<CoreReply<R>> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    result.whenComplete(
        (r, e) -> {
          CompletableFuture<?> current = inFlight.get();
          if (result.isCancelled() && current != null) {
            current.cancel(true);
          }
        });
    budget.onCall();
    attempt(method, request, context, result, inFlight, 1);
    return result;
  }

  private <Q extends Message, R extends Message> void attempt(
      CoreMethod<Q, R> method,
      Q request,
      Context context,
      CompletableFuture<CoreReply<R>> result,
      AtomicReference<CompletableFuture<?>> inFlight,
      int attempt) {
    if (result.isDone()) {
      return;
    }
    if (!circuit.tryAcquirePermission()) {
      result.completeExceptionally(circuitOpen());
      return;
    }
    long start = System.nanoTime();
    CompletableFuture<CoreReply<R>> call;
    Context previous = context.attach();
    try {
      call = delegate.call(method, request);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    } finally {
      context.detach(previous);
    }
    inFlight.set(call);
    if (result.isCancelled()) {
      call.cancel(true);
    }
    call.whenComplete(
        (reply, failure) -> {
          record(failure, System.nanoTime() - start);
          if (failure == null) {
            result.complete(reply);
          } else if (!retry(method, request, context, result, inFlight, attempt, failure)) {
            result.completeExceptionally(CoreErrors.toException(failure));
          }
        });
  }

  private <Q extends Message, R extends Message> boolean retry(
      CoreMethod<Q, R> method,
      Q request,
      Context context,
      CompletableFuture<CoreReply<R>> result,
      AtomicReference<CompletableFuture<?>> inFlight,
      int attempt,
      Throwable failure) {
    if (!method.idempotent()
        || attempt >= policy.maxAttempts()
        || CoreErrors.toStatus(failure).getCode() != Code.UNAVAILABLE_VALUE
        || context.isCancelled()) {
      return false;
    }
    long backoff = policy.backoffNanos(attempt, random);
    long remaining =
        context.getDeadline() == null
            ? CallScope.NO_DEADLINE_NANOS
            : context.getDeadline().timeRemaining(TimeUnit.NANOSECONDS);
    if (!policy.fits(backoff, remaining)
        || !budget.tryRetry()) {
      return false;
    }
    try {
      scheduler.schedule(
          () -> attempt(method, request, context, result, inFlight, attempt + 1),
          backoff,
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      return false;
    }
    return true;
  }

  private void record(Throwable failure, long nanos) {
    switch (FailureClassifier.classify(failure)) {
      case SUCCESS -> circuit.onSuccess(nanos, TimeUnit.NANOSECONDS);
      case FAILURE -> circuit.onError(nanos, TimeUnit.NANOSECONDS, CoreErrors.unwrap(failure));
      case IGNORED -> circuit.releasePermission();
    }
  }

  private RuntimeException circuitOpen() {
    Duration retryAfter = health.retryAfter(backend);
    return CoreErrors.toException(
        CoreErrors.unavailable(
            CIRCUIT_OPEN,
            "backend '" + backend + "' is unavailable: its circuit is open",
            retryAfter.isZero() ? Duration.ofMillis(100) : retryAfter));
  }

  @Override
  public void close() {
    delegate.close();
  }
}
