package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.telemetry.CoreSpans;
import java.util.concurrent.CompletableFuture;

/**
 * A shard's client seen through telemetry: every call gets one client span (named after the core
 * method, tagged with the transport and the shard index) and, when it succeeds, its boundary cost
 * recorded. It wraps the resilient client, so a retried call is still one span: the span is the
 * shard call as the fan-out sees it. Closing it closes nothing; the start-up code owns the clients.
 */
final class TracedCoreClient implements CoreClient {
  private final CoreClient delegate;
  private final CoreSpans spans;
  private final int shard;

  TracedCoreClient(CoreClient delegate, CoreSpans spans, int shard) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.spans = requireNonNull(spans, "spans");
    this.shard = shard;
  }

  @Override
  public Transport transport() {
    return delegate.transport();
  }

  @Override
  public <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    return spans.around(delegate.transport(), method, shard, () -> delegate.call(method, request));
  }

  @Override
  public void close() {}
}
