package dev.hybridgateway.gateway.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fixed platform threads fed by a bounded FIFO queue (hotpath-core's {@code pool.rs}): when {@code
 * queueCapacity} jobs are waiting, work is refused instead of queued without bound (load shedding);
 * a capacity of 0 refuses every job. Platform threads, not virtual ones: the scan is long CPU-bound
 * work, and the pool size is the engine's bulkhead.
 *
 * <p>A job that throws is caught and dropped (the worker survives); callers that must report
 * failures catch them inside the job. {@link #close()} runs every queued job, then joins.
 */
final class ComputePool implements AutoCloseable {
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final List<Thread> workers = new ArrayList<>();
  private final int capacity;
  private boolean shutdown;

  /** A pool of {@code threads} workers (at least 1) named {@code name-i}. */
  ComputePool(int threads, int queueCapacity, String name) {
    if (queueCapacity < 0) {
      throw new IllegalArgumentException("queueCapacity must be >= 0, is " + queueCapacity);
    }
    this.capacity = queueCapacity;
    for (int i = 0; i < Math.max(1, threads); i++) {
      Thread worker = Thread.ofPlatform().name(name + "-" + i).daemon(true).unstarted(this::work);
      workers.add(worker);
      worker.start();
    }
  }

  /** Enqueues {@code job}; false (not accepted) when the queue is full or the pool closed. */
  boolean tryExecute(Runnable job) {
    lock.lock();
    try {
      if (shutdown || queue.size() >= capacity) {
        return false;
      }
      queue.addLast(job);
      work.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Jobs waiting in the queue (not counting running ones). */
  int queueDepth() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  int threads() {
    return workers.size();
  }

  int queueCapacity() {
    return capacity;
  }

  private void work() {
    while (true) {
      Runnable job;
      lock.lock();
      try {
        while (queue.isEmpty() && !shutdown) {
          work.awaitUninterruptibly();
        }
        job = queue.pollFirst();
        if (job == null) {
          return;
        }
      } finally {
        lock.unlock();
      }
      try {
        job.run();
      } catch (Throwable swallowed) {
        // A failing job must not take the worker down with it (pool.rs: catch_unwind).
      }
    }
  }

  /** Refuses new jobs, runs the queued ones, and waits for the workers to finish. */
  @Override
  public void close() {
    lock.lock();
    try {
      shutdown = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (worker.isAlive() && worker != Thread.currentThread()) {
        try {
          worker.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
