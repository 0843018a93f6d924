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
  /** Why a call was asked to stop; the first reason wins. */
  enum Stop { NONE, CALLER, DEADLINE, FUTURE, CLOSED }

  private final FfiBulkhead bulkhead;
  private final NativeEngine engine;
  private final CallScope scope;
  private final NativeTask<T> task;
  private final Duration retryAfter;
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private volatile CallScope.Registration registration = () -> {};

  // Guarded by this.
  private Stop stop = Stop.NONE;
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
            cancel(Stop.FUTURE);
          }
        });
    registration = scope.onCancel(() -> cancel(deadlinePassed() ? Stop.DEADLINE : Stop.CALLER));
    if (bulkhead.isShutdown()) {
      fail(closed());
    } else if (!bulkhead.offer(this)) {
      fail(CoreErrors.unavailable("OVERLOADED",
          "the FFI bulkhead is full: every core thread is busy and the queue is full",
          retryAfter));
    }
  }

  /** Asks the call to stop for {@code reason}; safe from any thread, at any time. */
  void cancel(Stop reason) {
    boolean queued;
    synchronized (this) {
      if (stop == Stop.NONE) {
        stop = reason;
      }
      if (boundFlag != null) {
        HotpathLayouts.raiseFlag(boundFlag);
      }
      queued = !started;
    }
    if (queued && bulkhead.remove(this)) {
      fail(stoppedStatus());
    }
  }

  /** Completes a call the bulkhead dropped from its queue unstarted (the client is closing). */
  void abandon() {
    synchronized (this) {
      if (stop == Stop.NONE) {
        stop = Stop.CLOSED;
      }
    }
    fail(stoppedStatus());
  }

  @Override
  public void run() {
    FfiWorker worker = FfiWorker.current();
    // Published before reading the shutdown state; close() does the reverse, so one of the two
    // always sees the other and a call starting during close() is cancelled either way.
    worker.begin(this);
    try {
      if (bulkhead.isShutdown()) {
        cancel(Stop.CLOSED);
      }
      if (!bind(worker.cancelFlag())) {
        fail(stoppedStatus());
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
      fail(translate(e));
    } catch (RuntimeException e) {
      fail(CoreErrors.internal("the FFI client failed: " + e));
    } catch (Error e) {
      fail(CoreErrors.internal("the FFI client failed: " + e));
      throw e;
    } finally {
      worker.end();
    }
  }

  private T execute(FfiWorker worker) {
    if (!engine.acquire()) {
      throw CoreErrors.toException(closed());
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
    if (stop != Stop.NONE) {
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

  private synchronized Stop stop() {
    return stop;
  }

  /**
   * Rust answers CANCELLED whenever it saw the flag; the flag also rises when the caller's
   * deadline fires or the client closes, and then the caller must see what a gRPC client sees.
   */
  private StatusRuntimeException translate(StatusRuntimeException e) {
    if (e.getStatus().getCode() != io.grpc.Status.Code.CANCELLED) {
      return e;
    }
    Stop reason = stop();
    return reason == Stop.DEADLINE || reason == Stop.CLOSED ? CoreErrors.toException(
        stoppedStatus()) : e;
  }

  private Status stoppedStatus() {
    return switch (stop()) {
      case DEADLINE -> CoreErrors.deadlineExceeded("core", "deadline exceeded in the core");
      case CLOSED -> closed();
      default -> CallScope.cancelled();
    };
  }

  private boolean deadlinePassed() {
    return scope.context().cancellationCause() instanceof TimeoutException
        || (scope.deadline() != null && scope.deadline().isExpired());
  }

  private Status closed() {
    return CoreErrors.unavailable("CLIENT_CLOSED", "the FFI core client is closed", retryAfter);
  }

  private void fail(Status status) {
    fail(CoreErrors.toException(status));
  }

  private void fail(StatusRuntimeException e) {
    registration.close();
    future.completeExceptionally(e);
  }
}
