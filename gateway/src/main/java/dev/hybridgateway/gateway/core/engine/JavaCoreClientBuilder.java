package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Configures a {@link JavaCoreClient}. Every option has the default of the Rust core's
 * hotpath-server where one exists:
 *
 * <ul>
 *   <li>{@link #threads(int)}: compute threads, default the number of cores;
 *   <li>{@link #queueCapacity(int)}: jobs waiting before UNAVAILABLE, default 64 per thread;
 *   <li>{@link #memoryBudgetBytes(long)}: default 75 % of the JVM's maximum heap (the Java engine
 *       keeps its vectors on the heap);
 *   <li>{@link #kernel(JavaKernel)}: default from the system property {@value JavaKernel#PROPERTY},
 *       else the Vector API kernel when the JVM has {@code jdk.incubator.vector};
 *   <li>{@link #dataDir(Path)}: where {@code FileSource} paths resolve; default none (file loading
 *       refused with FAILED_PRECONDITION, as in the Rust core);
 *   <li>{@link #debug(boolean)}: DebugInfo in INTERNAL errors, default false;
 *   <li>{@link #overloadRetryAfter(Duration)}: RetryInfo of a full queue, default 50 ms.
 * </ul>
 */
public final class JavaCoreClientBuilder {
  private Integer threads;
  private Integer queueCapacity;
  private Long memoryBudgetBytes;
  private JavaKernel kernel;
  private Path dataDir;
  private boolean debug;
  private Duration overloadRetryAfter = JavaCoreClient.DEFAULT_OVERLOAD_RETRY_AFTER;

  JavaCoreClientBuilder() {}

  /** Compute threads (at least 1). */
  public JavaCoreClientBuilder threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, is " + threads);
    }
    this.threads = threads;
    return this;
  }

  /** Jobs that may wait for a thread; 0 refuses every call, as the Rust pool does. */
  public JavaCoreClientBuilder queueCapacity(int queueCapacity) {
    if (queueCapacity < 0) {
      throw new IllegalArgumentException("queueCapacity must be >= 0, is " + queueCapacity);
    }
    this.queueCapacity = queueCapacity;
    return this;
  }

  /** Bytes collections and large per-request buffers may hold. */
  public JavaCoreClientBuilder memoryBudgetBytes(long memoryBudgetBytes) {
    if (memoryBudgetBytes < 0) {
      throw new IllegalArgumentException("memoryBudgetBytes must be >= 0, is " + memoryBudgetBytes);
    }
    this.memoryBudgetBytes = memoryBudgetBytes;
    return this;
  }

  /** The scoring kernel (both give identical bits). */
  public JavaCoreClientBuilder kernel(JavaKernel kernel) {
    this.kernel = requireNonNull(kernel, "kernel");
    return this;
  }

  /** The directory {@code FileSource} paths are resolved under. */
  public JavaCoreClientBuilder dataDir(Path dataDir) {
    this.dataDir = requireNonNull(dataDir, "dataDir");
    return this;
  }

  /** Whether INTERNAL errors carry DebugInfo (the exception text). */
  public JavaCoreClientBuilder debug(boolean debug) {
    this.debug = debug;
    return this;
  }

  /** The RetryInfo delay sent when the queue is full. */
  public JavaCoreClientBuilder overloadRetryAfter(Duration overloadRetryAfter) {
    requireNonNull(overloadRetryAfter, "overloadRetryAfter");
    if (overloadRetryAfter.isNegative()) {
      throw new IllegalArgumentException("overloadRetryAfter must not be negative");
    }
    this.overloadRetryAfter = overloadRetryAfter;
    return this;
  }

  /**
   * A started client. Throws IllegalStateException when the vector kernel is chosen but the JVM
   * lacks {@code --add-modules=jdk.incubator.vector}.
   */
  public JavaCoreClient build() {
    int poolThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    int capacity = queueCapacity != null ? queueCapacity : 64 * poolThreads;
    EngineConfig config =
        new EngineConfig(
            memoryBudgetBytes != null ? memoryBudgetBytes : EngineConfig.defaultMemoryBudget(),
            dataDir,
            debug,
            kernel != null ? kernel : JavaKernel.fromSystemProperty());
    return new JavaCoreClient(config, poolThreads, capacity, overloadRetryAfter);
  }
}
