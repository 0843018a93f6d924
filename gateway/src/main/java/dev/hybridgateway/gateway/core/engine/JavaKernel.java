package dev.hybridgateway.gateway.core.engine;

import java.util.Locale;

/**
 * Which scoring kernel the Java engine uses. Both give bit-identical scores (the canonical
 * arithmetic of DESIGN.md); they differ only in speed, like hotpath-core's scalar and AVX2 kernels.
 *
 * <p>Chosen by {@link JavaCoreClientBuilder#kernel(JavaKernel)}, else by the system property
 * {@value #PROPERTY} ({@code vector} or {@code scalar}), else {@link #VECTOR} when the JVM runs
 * with {@code --add-modules=jdk.incubator.vector} and {@link #SCALAR} otherwise.
 */
public enum JavaKernel {
  /** Plain Java loops: the reference transcription of {@code kernels/scalar.rs}. */
  SCALAR,
  /** The Vector API ({@code jdk.incubator.vector}): two 256-bit accumulators, like AVX2. */
  VECTOR;

  /** The system property that picks the default kernel: {@code vector} or {@code scalar}. */
  public static final String PROPERTY = "hotpath.java.kernel";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  /** The lower-case name used in the system property, logs and benchmark labels. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@link #id()} (case-insensitive); throws IllegalArgumentException naming the choices.
   */
  public static JavaKernel of(String id) {
    for (JavaKernel kernel : values()) {
      if (kernel.id().equalsIgnoreCase(id.trim())) {
        return kernel;
      }
    }
    throw new IllegalArgumentException(
        "unknown Java kernel '" + id + "': expected vector or scalar (" + PROPERTY + ")");
  }

  /** The kernel named by {@value #PROPERTY}, or the fastest one this JVM can run. */
  public static JavaKernel fromSystemProperty() {
    String id = System.getProperty(PROPERTY);
    if (id != null && !id.isBlank()) {
      return of(id);
    }
    return vectorApiAvailable() ? VECTOR : SCALAR;
  }

  /** Whether the JVM resolved {@code jdk.incubator.vector} (needs {@code --add-modules}). */
  public static boolean vectorApiAvailable() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  /** The implementation; fails with a message naming the fix when the Vector API is missing. */
  Kernel implementation() {
    if (this == SCALAR) {
      return ScalarKernel.INSTANCE;
    }
    if (!vectorApiAvailable()) {
      throw new IllegalStateException(
          "the vector Java kernel needs the Vector API: start the JVM with --add-modules="
              + VECTOR_MODULE
              + " or choose the scalar kernel (-D"
              + PROPERTY
              + "=scalar)");
    }
    return VectorKernel.INSTANCE;
  }
}
