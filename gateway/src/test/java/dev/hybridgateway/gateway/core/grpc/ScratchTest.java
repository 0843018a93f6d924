package dev.hybridgateway.gateway.core.grpc;

import io.grpc.Context;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void scratch() throws Exception {
    var timer = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    Context.CancellableContext context = Context.current().withDeadlineAfter(5, TimeUnit.MILLISECONDS, timer);
    context.addListener(c -> System.err.println("DEBUGS direct listener fired after " + (System.nanoTime() - start) / 1e6 + " on " + Thread.currentThread().getName()), Runnable::run);
    dev.hybridgateway.gateway.testing.TestContexts.in(context, () -> {
      var sc = dev.hybridgateway.gateway.core.CallScope.capture();
      sc.onCancel(() -> System.err.println("DEBUGS scope listener fired after " + (System.nanoTime() - start) / 1e6 + " on " + Thread.currentThread().getName()));
      return null;
    });
    Thread.sleep(100);
    System.err.println("DEBUGS cancelled=" + context.isCancelled());
  }
}
