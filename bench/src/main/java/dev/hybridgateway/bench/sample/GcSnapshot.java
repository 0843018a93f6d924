package dev.hybridgateway.bench.sample;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collection counts and times of every GC bean at one moment; the difference of two snapshots
 * is a run's GC activity. Beans of concurrent work (G1's "Concurrent GC", ZGC's "Cycles") are
 * marked as not pausing, so pause totals do not count background time.
 */
final class GcSnapshot {
  private final Map<String, long[]> totals = new LinkedHashMap<>();

  private GcSnapshot() {}

  static GcSnapshot take() {
    GcSnapshot snapshot = new GcSnapshot();
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      snapshot.totals.put(
          bean.getName(),
          new long[] {Math.max(0, bean.getCollectionCount()), Math.max(0, bean.getCollectionTime())});
    }
    return snapshot;
  }

  /** Activity between {@code earlier} and this snapshot, per collector. */
  Map<String, MemoryReport.GcTotals> since(GcSnapshot earlier) {
    Map<String, MemoryReport.GcTotals> result = new LinkedHashMap<>();
    totals.forEach(
        (name, now) -> {
          long[] before = earlier.totals.getOrDefault(name, new long[2]);
          result.put(
              name,
              new MemoryReport.GcTotals(now[0] - before[0], now[1] - before[1], isPause(name)));
        });
    return result;
  }

  static boolean isPause(String beanName) {
    return beanName.contains("Pauses")
        || !(beanName.contains("Concurrent") || beanName.contains("Cycles"));
  }
}
