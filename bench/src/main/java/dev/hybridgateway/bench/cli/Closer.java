package dev.hybridgateway.bench.cli;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what the command opened (channels, targets) in reverse order of opening, so that
 * resources are closed by whoever created them and never by the code that merely uses them.
 */
public final class Closer implements AutoCloseable {
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  /** Registers {@code resource} and returns it. */
  public <T extends AutoCloseable> T register(T resource) {
    resources.push(requireNonNull(resource, "resource"));
    return resource;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
