package dev.hybridgateway.gateway.core.ffi;

import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CallScope;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.StatusRuntimeException;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * One call through the FFI bulkhead, from dispatch to completion, and the only place that
 * raises its cancel flag.
 *
 * <p>Cancellation: the caller's Context (cancelled, or its deadline fired), a cancel of the
 * returned future, or the client closing calls {@link #cancel}. Queued, the call is taken out
 * of the queue and completed at once. Running, the worker's flag is raised (release store) and
 * Rust stops within ~1 ms. The flag belongs to the worker thread and is bound to this call only
 * while its downcalls run; binding, unbinding and raising happen under this object's lock, so a
 * late cancel never raises the flag of the worker's next call.
 *
 * <p>Completion: the future completes on the worker after every Rust buffer of the call has
 * been freed, with the value of the {@link NativeTask} or a StatusRuntimeException.
 */
final class FfiCall<T> implements Runnable {
  private final FfiBulkhead bulkhead;
  private final NativeEngine engine;
  private final CallScope scope;
  private final NativeTask<T> task;
  private final Duration retryAfter;
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private volatile CallScope.Registration registration = () -> {};

  // Guarded by this.
  private StopReason stop = StopReason.NONE;
  private boolean started;
  private MemorySegment boundFlag;

  FfiCall(FfiBulkhead bulkhead, NativeEngine engine, CallScope scope, NativeTask<T> task,
      Duration retryAfter) {
    this.bulkhead = bulkhead;
    this.engine = engine;
    this.scope = scope;
    this.task = task;
    this.retryAfter = retryAfter;
  }

  CompletableFuture<T> future() {
    return future;
  }

  /** Watches the caller's Context and the future, then queues the call (never blocks). */
  void dispatch() {
    future.whenComplete(
        (value, failure) -> {
          if (failure instanceof CancellationException) {
            cancel(StopReason.FUTURE);
          }
        });
    registration = scope.onCancel(() -> cancel(deadlinePassed() ? StopReason.DEADLINE
        : StopReason.CALLER));
    if (bulkhead.isShutdown()) {
      fail(StopReason.closed(retryAfter));
    } else if (!bulkhead.offer(this)) {
      fail(CoreErrors.unavailable("OVERLOADED",
          "the FFI bulkhead is full: every core thread is busy and the queue is full",
          retryAfter));
    }
  }

  /** Asks the call to stop for {@code reason}; safe from any thread, at any time. */
  void cancel(StopReason reason) {
    boolean queued;
    synchronized (this) {
      if (stop == StopReason.NONE) {
        stop = reason;
      }
      if (boundFlag != null) {
        HotpathLayouts.raiseFlag(boundFlag);
      }
      queued = !started;
    }
    if (queued && bulkhead.remove(this)) {
      fail(stop().status(retryAfter));
    }
  }

  /** Completes a call the bulkhead dropped from its queue unstarted (the client is closing). */
  void abandon() {
    cancel(StopReason.CLOSED);
    fail(stop().status(retryAfter));
  }

  @Override
  public void run() {
    FfiWorker worker = FfiWorker.current();
    // Published before reading the shutdown state; close() does the reverse, so one of the two
    // always sees the other and a call starting during close() is cancelled either way.
    worker.begin(this);
    try {
      if (bulkhead.isShutdown()) {
        cancel(StopReason.CLOSED);
      }
      if (!bind(worker.cancelFlag())) {
        fail(stop().status(retryAfter));
        return;
      }
      T value;
      try {
        value = execute(worker);
      } finally {
        unbind();
      }
      registration.close();
      future.complete(value);
    } catch (StatusRuntimeException e) {
      fail(stop().translate(e, retryAfter));
    } catch (RuntimeException | Error e) {
      fail(CoreErrors.internal("the FFI client failed: " + e));
      if (e instanceof Error error) {
        throw error;
      }
    } finally {
      worker.end();
    }
  }

  private T execute(FfiWorker worker) {
    if (!engine.acquire()) {
      throw CoreErrors.toException(StopReason.closed(retryAfter));
    }
    try {
      scope.failIfDone();
      return task.run(new NativeCallContext(engine.bindings(), engine.pointer(),
          worker.cancelFlag(), scope, worker.scratch()));
    } finally {
      engine.release();
    }
  }

  /** Binds the worker's flag to this call; false when the call was stopped before it started. */
  private synchronized boolean bind(MemorySegment flag) {
    started = true;
    if (stop != StopReason.NONE) {
      return false;
    }
    // Owned by this worker; cleared here, raised only through cancel() while bound.
    HotpathLayouts.clearFlag(flag);
    boundFlag = flag;
    return true;
  }

  private synchronized void unbind() {
    boundFlag = null;
  }

  private synchronized StopReason stop() {
    return stop;
  }

  private boolean deadlinePassed() {
    return scope.context().cancellationCause() instanceof TimeoutException
        || (scope.deadline() != null && scope.deadline().isExpired());
  }

  private void fail(Status status) {
    fail(CoreErrors.toException(status));
  }

  private void fail(StatusRuntimeException e) {
    registration.close();
    future.completeExceptionally(e);
  }
}
