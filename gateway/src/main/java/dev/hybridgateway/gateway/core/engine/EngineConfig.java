package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How a {@link JavaEngine} runs; the Java counterpart of hotpath-core's {@code EngineConfig}.
 *
 * @param memoryBudgetBytes bytes collections and large per-request buffers may hold
 * @param dataDir directory {@code FileSource} paths are resolved under; null disables files
 * @param debug include DebugInfo in INTERNAL errors
 * @param kernel the scoring kernel
 */
record EngineConfig(long memoryBudgetBytes, Path dataDir, boolean debug, JavaKernel kernel) {
  EngineConfig {
    if (memoryBudgetBytes < 0) {
      throw new IllegalArgumentException("memoryBudgetBytes must be >= 0, is " + memoryBudgetBytes);
    }
    requireNonNull(kernel, "kernel");
  }

  /**
   * The default budget: 75 % of the JVM's maximum heap. The Rust core takes 75 % of the machine's
   * memory; the Java engine keeps its vectors on the heap, so the heap is what it must not exhaust.
   */
  static long defaultMemoryBudget() {
    return Runtime.getRuntime().maxMemory() / 4 * 3;
  }
}
