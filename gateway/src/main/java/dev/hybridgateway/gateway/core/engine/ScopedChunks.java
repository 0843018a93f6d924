package dev.hybridgateway.gateway.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs {@code body(c)} for every chunk {@code c} of a job on the calling thread plus helper
 * platform threads, the way create.rs generates synthetic vectors inside {@code
 * std::thread::scope}: chunks are handed out in order and run in any order, no chunk starts after
 * the first failure, and every helper is joined before the call returns or rethrows — so nothing
 * still writes into the buffers once the caller releases their memory charge.
 */
final class ScopedChunks {
  private ScopedChunks() {}

  static void forEach(int chunks, int threads, IntConsumer body) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          int c;
          while (failure.get() == null && (c = next.getAndIncrement()) < chunks) {
            try {
              body.accept(c);
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          }
        };
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < Math.min(threads, chunks); i++) {
      helpers.add(Thread.ofPlatform().name("java-core-generate-" + i).daemon(true).start(worker));
    }
    worker.run();
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (helper.isAlive()) {
        try {
          helper.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable first = failure.get();
    if (first instanceof RuntimeException e) {
      throw e;
    }
    if (first instanceof Error e) {
      throw e;
    }
    if (first != null) {
      throw new IllegalStateException("a chunk failed", first);
    }
  }
}
