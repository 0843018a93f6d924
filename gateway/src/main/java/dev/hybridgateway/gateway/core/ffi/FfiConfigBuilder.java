package dev.hybridgateway.gateway.core.ffi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/** Builds an {@link FfiConfig}; every option has a default (see {@link FfiConfig}). */
public final class FfiConfigBuilder {
  /** Calls that may wait per pool thread by default (the Rust server's compute queue ratio). */
  static final int QUEUE_PER_THREAD = 64;

  private Path library;
  private EngineOptions engine = EngineOptions.defaults();
  private int poolSize = Runtime.getRuntime().availableProcessors();
  private Integer queueCapacity;
  private boolean fastPath;
  private Duration retryAfter = Duration.ofMillis(50);

  FfiConfigBuilder() {}

  /** Loads this file instead of {@code -Dhotpath.library} or the bundled library. */
  public FfiConfigBuilder library(Path file) {
    this.library = requireNonNull(file, "file");
    return this;
  }

  /** All engine options at once. */
  public FfiConfigBuilder engine(EngineOptions options) {
    this.engine = requireNonNull(options, "options");
    return this;
  }

  /** {@link EngineOptions#debug()}: DebugInfo with the panic message in INTERNAL errors. */
  public FfiConfigBuilder debug(boolean on) {
    this.engine = engine.withDebug(on);
    return this;
  }

  /** {@link EngineOptions#testHooks()}: method 1000 panics on purpose (tests only). */
  public FfiConfigBuilder testHooks(boolean on) {
    this.engine = engine.withTestHooks(on);
    return this;
  }

  /** {@link EngineOptions#memoryBudgetBytes()}; 0 is the engine default. */
  public FfiConfigBuilder memoryBudgetBytes(long bytes) {
    this.engine = engine.withMemoryBudgetBytes(bytes);
    return this;
  }

  /** {@link EngineOptions#dataDir()}: where FileSource paths are resolved. */
  public FfiConfigBuilder dataDir(Path dir) {
    this.engine = engine.withDataDir(requireNonNull(dir, "dir"));
    return this;
  }

  /** Platform threads making downcalls (the bulkhead size). */
  public FfiConfigBuilder poolSize(int threads) {
    this.poolSize = threads;
    return this;
  }

  /** Calls that may wait for a thread before new calls are refused with UNAVAILABLE. */
  public FfiConfigBuilder queueCapacity(int calls) {
    this.queueCapacity = calls;
    return this;
  }

  /** Whether Search and Rerank take the zero-copy entry points. */
  public FfiConfigBuilder fastPath(boolean on) {
    this.fastPath = on;
    return this;
  }

  /** The RetryInfo delay sent when the bulkhead is full. */
  public FfiConfigBuilder retryAfter(Duration delay) {
    this.retryAfter = requireNonNull(delay, "delay");
    return this;
  }

  public FfiConfig build() {
    int queue = queueCapacity != null ? queueCapacity : QUEUE_PER_THREAD * Math.max(1, poolSize);
    return new FfiConfig(library, engine, poolSize, queue, fastPath, retryAfter);
  }
}
