package dev.hybridgateway.bench.jmh;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.engine.JavaKernel;
import dev.hybridgateway.gateway.core.ffi.FfiConfig;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;

/**
 * The engines the P1 and P2 benchmarks compare, each opened with one compute thread: the Rust
 * core in-process through the generic protobuf path or the zero-copy fast path, and the Java
 * engine with either kernel. The id is the benchmark's {@code @Param} value.
 */
public enum ScanEngine {
  /** hotpath_call: protobuf bytes in and out. */
  FFI_PROTO("ffi-proto"),
  /** hotpath_search_f32 / hotpath_rerank_f32: floats written once, results into Java arrays. */
  FFI_FAST("ffi-fast"),
  /** The pure-Java engine, scalar kernel. */
  JAVA_SCALAR("java-scalar"),
  /** The pure-Java engine, Vector API kernel. */
  JAVA_VECTOR("java-vector");

  private static final long MEMORY_BUDGET = 2L << 30;

  private final String id;

  ScanEngine(String id) {
    this.id = id;
  }

  /** The {@code @Param} value. */
  public String id() {
    return id;
  }

  /** The engine named {@code id}. */
  public static ScanEngine of(String id) {
    for (ScanEngine engine : values()) {
      if (engine.id.equals(id)) {
        return engine;
      }
    }
    throw new IllegalArgumentException("unknown engine: " + id);
  }

  /** A client of this engine with one compute thread; the caller closes it. */
  public CoreClient open() {
    return switch (this) {
      case FFI_PROTO, FFI_FAST ->
          FfiCoreClient.open(
              FfiConfig.builder()
                  .fastPath(this == FFI_FAST)
                  .poolSize(1)
                  .memoryBudgetBytes(MEMORY_BUDGET)
                  .build());
      case JAVA_SCALAR, JAVA_VECTOR ->
          JavaCoreClient.builder()
              .threads(1)
              .memoryBudgetBytes(MEMORY_BUDGET)
              .kernel(this == JAVA_SCALAR ? JavaKernel.SCALAR : JavaKernel.VECTOR)
              .build();
    };
  }
}
