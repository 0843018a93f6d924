package dev.hybridgateway.bench.sample;

import java.util.List;
import java.util.Map;

/**
 * Memory figures of a run's measured part. Samples are {@code [msSinceStart, bytes]}.
 *
 * @param processes RSS of each monitored process
 * @param jvm heap and GC of the JVM that ran the generator (which holds the target when the target
 *     is an in-process core client)
 */
public record MemoryReport(List<ProcessMemory> processes, JvmMemory jvm) {

  /**
   * RSS of one process. {@code error} says why there are no samples (process gone, no /proc).
   */
  public record ProcessMemory(
      String name, long pid, long maxRssBytes, long meanRssBytes, long[][] samples, String error) {}

  /**
   * Heap and GC of this JVM.
   *
   * @param gcPauseMs time of collectors that stop the application, summed over the run
   * @param gcConcurrentMs time of concurrent collectors (G1 Concurrent GC, ZGC Cycles)
   * @param collectors per collector bean: collections and time during the run
   */
  public record JvmMemory(
      long heapUsedMaxBytes,
      long heapUsedMeanBytes,
      long heapCommittedMaxBytes,
      long[][] heapSamples,
      long gcCount,
      long gcPauseMs,
      long gcConcurrentMs,
      Map<String, GcTotals> collectors) {}

  /** One collector's activity during the run. */
  public record GcTotals(long count, long timeMs, boolean pause) {}
}
