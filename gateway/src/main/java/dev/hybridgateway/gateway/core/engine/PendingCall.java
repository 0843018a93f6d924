package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.gateway.core.CallScope;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call of a {@link JavaCoreClient} on its way through the compute pool, wired like a call of
 * hotpath-server: a deadline fixed when the call is made, a cancel flag the engine polls, a job on
 * the bounded pool (a full queue answers UNAVAILABLE at once), and a future that completes with the
 * engine's answer — or at the deadline, or when the caller cancels (its Context or the future
 * itself), whichever comes first. The job still runs to its first stop check and counts the stop in
 * the engine's counters, as the Rust server's job does.
 */
final class PendingCall<R extends Message> implements Runnable {
  private final JavaCoreClient client;
  private final CoreMethod<?, R> method;
  private final Message request;
  private final CallScope scope;
  private final long acceptedNanos;
  private final long deadlineNanos;
  private final AtomicBoolean cancel = new AtomicBoolean();
  private final StopSignal stop;
  private final CompletableFuture<CoreReply<R>> future = new CompletableFuture<>();
  private volatile CallScope.Registration registration;
  private volatile ScheduledFuture<?> watchdog;
  private long enqueuedNanos;

  PendingCall(
      JavaCoreClient client,
      CoreMethod<?, R> method,
      Message request,
      CallScope scope,
      long acceptedNanos,
      long deadlineNanos) {
    this.client = requireNonNull(client, "client");
    this.method = requireNonNull(method, "method");
    this.request = requireNonNull(request, "request");
    this.scope = requireNonNull(scope, "scope");
    this.acceptedNanos = acceptedNanos;
    this.deadlineNanos = deadlineNanos;
    this.stop = StopSignal.of(deadlineNanos, cancel);
  }

  /** Wires deadline and cancellation, enqueues the job, and returns the caller's future. */
  CompletableFuture<CoreReply<R>> start() {
    future.whenComplete((reply, failure) -> completed(failure));
    registration = scope.onCancel(this::contextCancelled);
    try {
      watchdog =
          client
              .timers()
              .schedule(
                  () -> fail(new CoreError.DeadlineExceeded()),
                  deadlineNanos - System.nanoTime(),
                  TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      future.completeExceptionally(CoreErrors.toException(JavaCoreClient.closedStatus()));
      cleanUp();
      return future;
    }
    client.active().add(this);
    enqueuedNanos = System.nanoTime();
    if (!client.pool().tryExecute(this)) {
      client.active().remove(this);
      if (client.isClosed()) {
        future.completeExceptionally(CoreErrors.toException(JavaCoreClient.closedStatus()));
      } else {
        client.engine().counters.rejectedOverloaded.incrementAndGet();
        fail(new CoreError.Overloaded(client.overloadRetryAfter()));
      }
    }
    if (future.isDone()) {
      cleanUp();
    }
    return future;
  }

  /**
   * Runs on a pool thread: the stop check the Rust server makes before the engine, then the call.
   */
  @Override
  public void run() {
    long queueNanos = System.nanoTime() - enqueuedNanos;
    JavaEngine engine = client.engine();
    try {
      try {
        stop.check();
      } catch (CoreException stopped) {
        // Cancelled or out of time while queued: the engine never sees it.
        engine.counters.recordStop(stopped.error());
        throw stopped;
      }
      @SuppressWarnings("unchecked") // Dispatch answers method with its own response type
      R response =
          (R) Dispatch.withQueueNs(Dispatch.call(engine, method, request, stop), queueNanos);
      future.complete(
          new CoreReply<>(response, method.timingOf(response), System.nanoTime() - acceptedNanos));
    } catch (CoreException e) {
      fail(e.error());
    } catch (Throwable bug) {
      engine.counters.panicsCaught.incrementAndGet();
      fail(new CoreError.Internal("the core panicked while handling the call", bug.toString()));
    } finally {
      client.active().remove(this);
    }
  }

  /** Stops the work and fails the caller's future with {@code status} (the client is closing). */
  void abort(com.google.rpc.Status status) {
    cancel.set(true);
    future.completeExceptionally(CoreErrors.toException(status));
  }

  private void fail(CoreError error) {
    future.completeExceptionally(ErrorStatus.toException(error, client.engine().config.debug()));
  }

  /**
   * The caller's Context was cancelled. When its deadline fired, the engine's own deadline (the
   * same instant) reports DEADLINE_EXCEEDED; otherwise the engine must stop: CANCELLED.
   */
  private void contextCancelled() {
    if (scope.context().cancellationCause() instanceof TimeoutException) {
      return;
    }
    cancel.set(true);
    try {
      // Completed on a client thread, not on the thread that cancelled the Context.
      client.timers().execute(() -> fail(new CoreError.Cancelled()));
    } catch (RejectedExecutionException closing) {
      fail(new CoreError.Cancelled());
    }
  }

  private void completed(Throwable failure) {
    if (failure instanceof CancellationException) {
      cancel.set(true); // the caller cancelled the future itself
    }
    cleanUp();
  }

  private void cleanUp() {
    CallScope.Registration listener = registration;
    if (listener != null) {
      listener.close();
    }
    ScheduledFuture<?> timer = watchdog;
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
