package dev.hybridgateway.gateway.core.ffi;

/**
 * The hotpath native library cannot be used: it is missing, built for another platform, not a
 * hotpath library, or of another C ABI version. The message says what is wrong and how to fix
 * it (build with {@code ./mvnw}, or point {@code -Dhotpath.library} at a matching build).
 */
public final class NativeLibraryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NativeLibraryException(String message) {
    super(message);
  }

  NativeLibraryException(String message, Throwable cause) {
    super(message, cause);
  }
}
