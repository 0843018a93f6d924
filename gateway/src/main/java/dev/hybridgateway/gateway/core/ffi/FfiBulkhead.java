package dev.hybridgateway.gateway.core.ffi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The FFI bulkhead: a fixed pool of {@link FfiWorker} platform threads and a bounded queue.
 * It caps the native calls in flight at the pool size, and sheds load instead of queueing
 * without bound: {@link #offer} never blocks and returns false when the pool and the queue are
 * full (the client answers UNAVAILABLE).
 */
final class FfiBulkhead {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ThreadPoolExecutor executor;
  private final List<FfiWorker> workers = new CopyOnWriteArrayList<>();

  FfiBulkhead(int threads, int queueCapacity) {
    BlockingQueue<Runnable> queue =
        queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
    String prefix = "hotpath-ffi-" + POOLS.incrementAndGet() + "-";
    AtomicInteger count = new AtomicInteger();
    executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.NANOSECONDS,
            queue,
            task -> {
              FfiWorker worker = new FfiWorker(task, prefix + count.incrementAndGet());
              workers.add(worker);
              return worker;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Queues {@code call}, or returns false at once when the bulkhead is full or shut down. */
  boolean offer(FfiCall<?> call) {
    try {
      executor.execute(call);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Takes {@code call} out of the queue if no worker has started it yet. */
  boolean remove(FfiCall<?> call) {
    return executor.remove(call);
  }

  /** Whether {@link #shutdown} was called. */
  boolean isShutdown() {
    return executor.isShutdown();
  }

  /** Threads running a call now (approximate, for metrics and tests). */
  int active() {
    return executor.getActiveCount();
  }

  /** Calls waiting for a thread. */
  int queued() {
    return executor.getQueue().size();
  }

  /**
   * Stops accepting calls and returns those still queued (never started). The calls running
   * now are left to {@link #cancelRunning}/{@link #awaitIdle}.
   */
  List<FfiCall<?>> shutdown() {
    executor.shutdown();
    List<Runnable> drained = new ArrayList<>();
    executor.getQueue().drainTo(drained);
    List<FfiCall<?>> calls = new ArrayList<>();
    for (Runnable task : drained) {
      calls.add((FfiCall<?>) task);
    }
    return calls;
  }

  /** Cancels the call each worker is running, if any, with {@code stop}. */
  void cancelRunning(StopReason stop) {
    for (FfiWorker worker : workers) {
      FfiCall<?> call = worker.currentCall();
      if (call != null) {
        call.cancel(stop);
      }
    }
  }

  /**
   * Waits until every worker has finished, at most {@code timeout}; returns at once when called
   * from a worker (a completion callback closing the client must not wait for itself).
   */
  boolean awaitIdle(Duration timeout) {
    if (Thread.currentThread() instanceof FfiWorker worker && workers.contains(worker)) {
      return false;
    }
    try {
      return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
