package dev.hybridgateway.bench.load;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.sample.MemoryMonitor;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one constant-rate, open-loop run against a {@link LoadTarget}. Request {@code i} is due at
 * {@code t0 + i / rate}; the scheduler thread (the caller's) sends it then, whatever happened to
 * earlier requests, and its latency is measured from that intended time. If the target stalls,
 * the requests due meanwhile still go out on time (or count as saturated past
 * {@code maxInFlight}) and their waiting shows in the tail; if the scheduler itself falls behind,
 * the lag is part of the latency and reported as {@code sendLag}.
 *
 * <pre>{@code
 * RunResult result =
 *     new OpenLoopRunner(target, RunConfig.builder().rate(500).build(), monitor)
 *         .run(RunTag.fixed("search-small", 500));
 * }</pre>
 */
public final class OpenLoopRunner {
  private static final long START_DELAY_NANOS = 2_000_000;

  private final LoadTarget target;
  private final RunConfig config;
  private final MemoryMonitor monitor;

  public OpenLoopRunner(LoadTarget target, RunConfig config, MemoryMonitor monitor) {
    this.target = requireNonNull(target, "target");
    this.config = requireNonNull(config, "config");
    this.monitor = requireNonNull(monitor, "monitor");
  }

  /** Runs the schedule, waits for the answers, and returns the figures. Blocks the caller. */
  public RunResult run(RunTag tag) {
    requireNonNull(tag, "tag");
    RunRecorder recorder = new RunRecorder(config);
    InFlightGate gate = new InFlightGate(config.maxInFlight());
    String startedAt = Instant.now().toString();
    long warmupNanos = config.warmup().toNanos();
    long endNanos = warmupNanos + config.duration().toNanos();
    long t0 = System.nanoTime() + START_DELAY_NANOS;
    MemoryMonitor.Session memory = null;
    long measured = 0;
    for (long index = 0; measured < config.maxRequests(); index++) {
      long offset = config.offsetNanos(index);
      if (offset >= endNanos) {
        break;
      }
      boolean warmup = offset < warmupNanos;
      if (!warmup && memory == null) {
        memory = monitor.start();
      }
      if (!Pacer.waitUntil(t0 + offset)) {
        break;
      }
      dispatch(index, t0 + offset, warmup, recorder, gate);
      if (!warmup) {
        measured++;
      }
    }
    if (memory == null) {
      memory = monitor.start();
    }
    awaitAnswers(gate);
    return recorder.result(
        target.name(), tag, config, startedAt, t0 + warmupNanos, memory.stop());
  }

  private void dispatch(
      long index, long intended, boolean warmup, RunRecorder recorder, InFlightGate gate) {
    if (!gate.tryAcquire()) {
      if (!warmup) {
        recorder.saturated();
      }
      return;
    }
    long sentAt = System.nanoTime();
    if (warmup) {
      recorder.warmupSent();
    } else {
      recorder.sent(intended, sentAt);
    }
    CompletableFuture<Reply> answer;
    try {
      answer = requireNonNull(target.send(index, config.deadline()), "target.send returned null");
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete(
        (reply, failure) -> {
          long done = System.nanoTime();
          try {
            if (!warmup) {
              recorder.answered(intended, sentAt, done, reply, failure);
            }
          } finally {
            gate.release();
          }
        });
  }

  private void awaitAnswers(InFlightGate gate) {
    try {
      gate.awaitIdle(config.deadline().plus(config.drainTimeout()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
