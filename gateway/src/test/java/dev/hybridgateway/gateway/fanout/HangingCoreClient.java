package dev.hybridgateway.gateway.fanout;

import com.google.protobuf.Message;
import dev.hybridgateway.gateway.core.CallScope;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * A core that never answers on its own: each call ends only when its Context is cancelled (as a
 * real core stops on cancellation), and counts down {@link #cancelled}.
 */
final class HangingCoreClient implements CoreClient {
  final CountDownLatch cancelled;

  HangingCoreClient(CountDownLatch cancelled) {
    this.cancelled = cancelled;
  }

  @Override
  public Transport transport() {
    return Transport.JAVA;
  }

  @Override
  public <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    CompletableFuture<CoreReply<R>> reply = new CompletableFuture<>();
    CallScope.capture()
        .onCancel(
            () -> {
              cancelled.countDown();
              reply.completeExceptionally(CoreErrors.toException(CallScope.cancelled()));
            });
    return reply;
  }

  @Override
  public void close() {}
}
