package dev.hybridgateway.bench.support;

import dev.hybridgateway.bench.load.OpenLoopRunner;
import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.load.RunConfig;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.load.RunTag;
import dev.hybridgateway.bench.sample.MemoryMonitor;
import dev.hybridgateway.bench.sample.MonitoredProcess;
import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.bench.scenario.Workload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Shared pieces of the tests: a small workload, a monitor of this JVM, a runner thread. */
public final class Fixtures {
  private Fixtures() {}

  /** The tiny scenario's requests (64 × one 384-float query), seed 7. */
  public static Workload.Search tinyWorkload() {
    return (Workload.Search) Workload.of(Scenario.TINY, "tiny-test", 7);
  }

  public static MemoryMonitor monitor() {
    return MemoryMonitor.of(List.of(MonitoredProcess.self()), Duration.ofMillis(100));
  }

  /** Runs one fixed-rate run on a thread of its own, so the test thread can act meanwhile. */
  public static CompletableFuture<RunResult> runAsync(LoadTarget target, RunConfig config) {
    CompletableFuture<RunResult> result = new CompletableFuture<>();
    Thread.ofPlatform().name("load-runner").start(() -> {
      try {
        result.complete(
            new OpenLoopRunner(target, config, monitor()).run(RunTag.fixed("tiny", config.rate())));
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }
}
