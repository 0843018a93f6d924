package dev.hybridgateway.gateway.testing;

import io.grpc.Context;
import java.util.function.Supplier;

/** Runs test code in a given gRPC Context (core calls capture it as their deadline and cancellation). */
public final class TestContexts {
  private TestContexts() {}

  /** {@code work}'s result, computed with {@code context} attached. */
  public static <T> T in(Context context, Supplier<T> work) {
    Context previous = context.attach();
    try {
      return work.get();
    } finally {
      context.detach(previous);
    }
  }
}
