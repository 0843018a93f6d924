package dev.hybridgateway.gateway.core.engine;

import dev.hybridgateway.core.v1.EngineStats;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Monotonic work counters and the in-flight gauge of one engine (hotpath-core's {@code
 * counters.rs}); tests read them through GetStats to prove that work started and stopped. The
 * engine updates them; the client increments {@code rejectedOverloaded} and {@code panicsCaught},
 * which happen at its boundary.
 */
final class WorkCounters {
  final AtomicLong vectorsScanned = new AtomicLong();
  final AtomicLong requestsStarted = new AtomicLong();
  final AtomicLong requestsCompleted = new AtomicLong();
  final AtomicLong stoppedByDeadline = new AtomicLong();
  final AtomicLong stoppedByCancellation = new AtomicLong();
  final AtomicLong rejectedOverloaded = new AtomicLong();
  final AtomicLong panicsCaught = new AtomicLong();
  final AtomicLong inFlight = new AtomicLong();

  /** Counts a call stopped by its deadline or its caller; other errors are ignored. */
  void recordStop(CoreError error) {
    switch (error) {
      case CoreError.DeadlineExceeded e -> stoppedByDeadline.incrementAndGet();
      case CoreError.Cancelled e -> stoppedByCancellation.incrementAndGet();
      default -> {}
    }
  }

  /** Adds {@code n} scored vectors (published at every stop check of a scan). */
  void addScanned(long n) {
    if (n > 0) {
      vectorsScanned.addAndGet(n);
    }
  }

  /** The counters and gauges as EngineStats (memory fields from the budget). */
  EngineStats snapshot(MemoryBudget budget) {
    return EngineStats.newBuilder()
        .setVectorsScanned(vectorsScanned.get())
        .setRequestsStarted(requestsStarted.get())
        .setRequestsCompleted(requestsCompleted.get())
        .setStoppedByDeadline(stoppedByDeadline.get())
        .setStoppedByCancellation(stoppedByCancellation.get())
        .setRejectedOverloaded(rejectedOverloaded.get())
        .setMemoryUsedBytes(budget.used())
        .setMemoryBudgetBytes(budget.budget())
        .setPanicsCaught(panicsCaught.get())
        .setInFlight(inFlight.get())
        .build();
  }
}
