package dev.hybridgateway.gateway.rest;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A client interceptor that holds every call's operations until {@link #open()}, then replays
 * them in order: puts a REST request "in progress" for exactly as long as a test needs, with no
 * sleeps. Records the arrival, the headers and a cancellation of the calls it sees.
 */
final class HeldCalls implements ClientInterceptor {
  final CountDownLatch arrived = new CountDownLatch(1);
  final CountDownLatch cancelled = new CountDownLatch(1);
  volatile Metadata headers;
  private final List<Runnable> held = new ArrayList<>();
  private boolean open;

  private synchronized void run(Runnable operation) {
    if (open) {
      operation.run();
    } else {
      held.add(operation);
    }
  }

  synchronized void open() {
    open = true;
    held.forEach(Runnable::run);
    held.clear();
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata requestHeaders) {
        headers = requestHeaders;
        arrived.countDown();
        run(() -> super.start(listener, requestHeaders));
      }

      @Override
      public void request(int count) {
        run(() -> super.request(count));
      }

      @Override
      public void sendMessage(Q message) {
        run(() -> super.sendMessage(message));
      }

      @Override
      public void halfClose() {
        run(super::halfClose);
      }

      @Override
      public void cancel(String message, Throwable cause) {
        cancelled.countDown();
        run(() -> super.cancel(message, cause));
      }
    };
  }
}
