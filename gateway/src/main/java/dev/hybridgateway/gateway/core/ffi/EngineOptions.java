package dev.hybridgateway.gateway.core.ffi;

import java.nio.file.Path;

/**
 * The arguments of {@code hotpath_engine_new}.
 *
 * <pre>{@code
 * EngineOptions options = EngineOptions.defaults().withDebug(true);
 * }</pre>
 *
 * @param memoryBudgetBytes bytes the engine's collections may hold; 0 selects the engine default
 *     (75 % of physical memory)
 * @param dataDir directory under which {@code FileSource} paths are resolved, or null to refuse
 *     file sources
 * @param debug {@code HOTPATH_FLAG_DEBUG}: INTERNAL errors carry a {@code DebugInfo} with the
 *     panic message (never in production: it exposes internals to callers)
 * @param testHooks {@code HOTPATH_FLAG_TEST_HOOKS}: method 1000 panics on purpose, so tests can
 *     prove the panic boundary (never in production)
 */
public record EngineOptions(
    long memoryBudgetBytes, Path dataDir, boolean debug, boolean testHooks) {
  /** {@code HOTPATH_FLAG_DEBUG} of hotpath.h. */
  static final int FLAG_DEBUG = 1;

  /** {@code HOTPATH_FLAG_TEST_HOOKS} of hotpath.h. */
  static final int FLAG_TEST_HOOKS = 2;

  public EngineOptions {
    if (memoryBudgetBytes < 0) {
      throw new IllegalArgumentException("memoryBudgetBytes must be >= 0: " + memoryBudgetBytes);
    }
  }

  /** Engine default budget, no data directory, no debug detail, no test hooks. */
  public static EngineOptions defaults() {
    return new EngineOptions(0, null, false, false);
  }

  public EngineOptions withMemoryBudgetBytes(long bytes) {
    return new EngineOptions(bytes, dataDir, debug, testHooks);
  }

  public EngineOptions withDataDir(Path dir) {
    return new EngineOptions(memoryBudgetBytes, dir, debug, testHooks);
  }

  public EngineOptions withDebug(boolean on) {
    return new EngineOptions(memoryBudgetBytes, dataDir, on, testHooks);
  }

  public EngineOptions withTestHooks(boolean on) {
    return new EngineOptions(memoryBudgetBytes, dataDir, debug, on);
  }

  /** The {@code flags} argument of {@code hotpath_engine_new}. */
  int flags() {
    return (debug ? FLAG_DEBUG : 0) | (testHooks ? FLAG_TEST_HOOKS : 0);
  }
}
