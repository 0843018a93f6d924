package dev.hybridgateway.bench.report;

import java.util.Comparator;
import java.util.List;

/**
 * P6, derived from a report's {@link MemoryProbe}s (each figure null when its probes are missing):
 *
 * <ul>
 *   <li>{@link CoreRss}: the core's RSS with its largest collection resident against {@code 1.1 ×
 *       vector bytes + 64 MiB};
 *   <li>{@link GatewayHeap}: the heap after GC of the gateway holding its largest collection in
 *       the FFI core against the one holding the smallest. "Independent of collection size" is
 *       read as: the difference is at most {@value #HEAP_SLACK_BYTES} bytes (16 MiB, about 1 %
 *       of a 1M × 384 collection), i.e. no vector lives on the heap.
 * </ul>
 */
public record MemoryFigures(CoreRss core, GatewayHeap gateway) {
  /** Most heap the large-collection gateway may hold beyond the small one. */
  public static final long HEAP_SLACK_BYTES = 16L << 20;

  /** Fixed part of P6's core bound. */
  public static final long CORE_OVERHEAD_BYTES = 64L << 20;

  /** {@code boundBytes = 1.1 × vectorBytes + 64 MiB}. */
  public record CoreRss(String name, long vectors, long vectorBytes, long rssBytes, long boundBytes,
      boolean meetsTarget) {}

  /** Heap after GC of the gateway with the large and the small collection. */
  public record GatewayHeap(String large, long largeVectors, long largeHeapBytes, String small,
      long smallVectors, long smallHeapBytes, long differenceBytes, boolean meetsTarget) {}

  public static MemoryFigures of(List<MemoryProbe> probes) {
    CoreRss core = probes.stream()
        .filter(p -> p.role().equals(MemoryProbe.CORE) && p.rssBytes() > 0)
        .max(Comparator.comparingLong(MemoryProbe::vectors))
        .map(p -> {
          long bound = Math.round(1.1 * p.vectorBytes()) + CORE_OVERHEAD_BYTES;
          return new CoreRss(p.name(), p.vectors(), p.vectorBytes(), p.rssBytes(), bound,
              p.rssBytes() <= bound);
        })
        .orElse(null);
    List<MemoryProbe> gateways = probes.stream()
        .filter(p -> p.role().equals(MemoryProbe.GATEWAY) && p.heapAfterGcBytes() >= 0)
        .sorted(Comparator.comparingLong(MemoryProbe::vectors))
        .toList();
    GatewayHeap gateway = null;
    if (gateways.size() >= 2 && gateways.getFirst().vectors() < gateways.getLast().vectors()) {
      MemoryProbe small = gateways.getFirst();
      MemoryProbe large = gateways.getLast();
      long difference = large.heapAfterGcBytes() - small.heapAfterGcBytes();
      gateway = new GatewayHeap(large.name(), large.vectors(), large.heapAfterGcBytes(),
          small.name(), small.vectors(), small.heapAfterGcBytes(), difference,
          difference <= HEAP_SLACK_BYTES);
    }
    return new MemoryFigures(core, gateway);
  }
}
