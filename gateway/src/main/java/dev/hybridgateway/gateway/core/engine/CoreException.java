package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

/**
 * Carries a {@link CoreError} out of the engine's call stack (Rust returns {@code Err}; Java
 * throws). Stackless: it is control flow for expected failures, never a bug report.
 */
final class CoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // records of strings and numbers; never serialized in practice
  private final CoreError error;

  CoreException(CoreError error) {
    super(null, null, false, false);
    this.error = requireNonNull(error, "error");
  }

  CoreError error() {
    return error;
  }

  @Override
  public String getMessage() {
    return error.display();
  }
}
