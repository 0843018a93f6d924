package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import io.grpc.Context;
import io.grpc.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A test-only decorator that breaks a real core client on purpose, the way a careless change
 * to a transport would, so {@code DeliberateBreaksTest} can show that named cases catch it.
 */
final class BrokenCoreClient implements CoreClient {
  /** The ways to break the boundary. */
  enum Break {
    /** Drops {@code grpc-status-details-bin}: code and message survive, details are lost. */
    STRIP_STATUS_DETAILS,
    /** Calls the core outside the caller's Context: no deadline, no cancellation crosses. */
    DROP_DEADLINE,
    /** Rewrites DEADLINE_EXCEEDED into UNKNOWN, as a sloppy error mapping would. */
    DEADLINE_AS_UNKNOWN
  }

  private final CoreClient delegate;
  private final Break breakage;

  BrokenCoreClient(CoreClient delegate, Break breakage) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.breakage = requireNonNull(breakage, "breakage");
  }

  @Override
  public Transport transport() {
    return delegate.transport();
  }

  @Override
  public <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    if (breakage == Break.DROP_DEADLINE) {
      Context previous = Context.ROOT.attach();
      try {
        return delegate.call(method, request);
      } finally {
        Context.ROOT.detach(previous);
      }
    }
    return delegate.call(method, request).handle((reply, failure) -> {
      if (failure == null) {
        return reply;
      }
      Status status = Status.fromThrowable(failure);
      if (breakage == Break.DEADLINE_AS_UNKNOWN && status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
        status = Status.UNKNOWN.withDescription(status.getDescription());
      }
      throw new CompletionException(status.asRuntimeException());
    });
  }

  @Override
  public void close() {
    delegate.close();
  }
}
