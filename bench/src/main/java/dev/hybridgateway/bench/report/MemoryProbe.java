package dev.hybridgateway.bench.report;

import static java.util.Objects.requireNonNull;

/**
 * One P6 measurement: a process holding a collection of {@code vectors × dim} float32 vectors
 * (resident, idle), its RSS and, for a JVM, its heap after a full GC.
 *
 * @param name label, e.g. {@code core 1M} or {@code gateway ffi 1k}
 * @param role {@link #CORE} (hotpath-server) or {@link #GATEWAY} (the gateway JVM with the core
 *     in-process over FFI)
 * @param vectorBytes {@code vectors × dim × 4}
 * @param heapAfterGcBytes -1 for a process that is not a JVM
 */
public record MemoryProbe(
    String name, String role, long pid, long vectors, int dim, long vectorBytes, long rssBytes,
    long heapAfterGcBytes) {
  public static final String CORE = "core";
  public static final String GATEWAY = "gateway";

  public MemoryProbe {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    if (!role.equals(CORE) && !role.equals(GATEWAY)) {
      throw new IllegalArgumentException("role must be core or gateway: " + role);
    }
  }
}
