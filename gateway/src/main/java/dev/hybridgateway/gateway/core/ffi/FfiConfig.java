package dev.hybridgateway.gateway.core.ffi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How an {@link FfiCoreClient} loads the library, creates its engine and bounds its calls. Build
 * one with {@link #builder()}:
 *
 * <pre>{@code
 * FfiConfig config = FfiConfig.builder().poolSize(4).fastPath(true).build();
 * }</pre>
 *
 * @param library the library file, or null for {@link NativeLibrary#load()} ({@code
 *     -Dhotpath.library}, else the build bundled in the hotpath-native jar)
 * @param engine the arguments of {@code hotpath_engine_new}
 * @param poolSize platform threads that make downcalls: the most native calls at once (the FFI
 *     bulkhead); default: the number of cores
 * @param queueCapacity calls that may wait for a thread; one more is refused with UNAVAILABLE;
 *     default: 64 per thread, as the Rust server's compute queue
 * @param fastPath whether Search and Rerank use the zero-copy entry points ({@code
 *     hotpath_search_f32}, {@code hotpath_rerank_f32}) when the request fits them; default off
 * @param retryAfter the back-off suggested (RetryInfo) when the bulkhead is full; default 50 ms
 */
public record FfiConfig(
    Path library,
    EngineOptions engine,
    int poolSize,
    int queueCapacity,
    boolean fastPath,
    Duration retryAfter) {
  public FfiConfig {
    requireNonNull(engine, "engine");
    requireNonNull(retryAfter, "retryAfter");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1: " + poolSize);
    }
    if (queueCapacity < 0) {
      throw new IllegalArgumentException("queueCapacity must be >= 0: " + queueCapacity);
    }
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
  }

  /** A builder holding the defaults. */
  public static FfiConfigBuilder builder() {
    return new FfiConfigBuilder();
  }

  /** The default configuration. */
  public static FfiConfig defaults() {
    return builder().build();
  }
}
