package dev.hybridgateway.gateway.core.grpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletableFuture;

/**
 * One unary HotPath call and the future that reports it. The future completes exactly once: with
 * the reply (and the client-observed time), with the failure the call closed with, or with the
 * failure it was {@linkplain #abort aborted} with; cancelling the future cancels the RPC, which
 * the server sees as RST_STREAM and turns into the core's cancel flag.
 */
final class UnaryCoreCall<Q extends Message, R extends Message>
    extends CompletableFuture<CoreReply<R>> {
  private final CoreMethod<Q, R> method;
  private final ClientCall<Q, R> call;
  private long startNanos;

  UnaryCoreCall(CoreMethod<Q, R> method, ClientCall<Q, R> call) {
    this.method = requireNonNull(method, "method");
    this.call = requireNonNull(call, "call");
  }

  /** Sends {@code request}; the listener completes this future. */
  void start(Q request) {
    startNanos = System.nanoTime();
    try {
      call.start(new Listener(), new Metadata());
      // Two, not one: a server that sent a second response would otherwise go unnoticed.
      call.request(2);
      call.sendMessage(request);
      call.halfClose();
    } catch (RuntimeException e) {
      call.cancel("the request could not be sent", e);
      completeExceptionally(e);
    }
  }

  /** Ends the call with {@code failure} (caller gone, client closed); the RPC is cancelled. */
  void abort(StatusRuntimeException failure) {
    if (completeExceptionally(failure)) {
      call.cancel(failure.getStatus().getDescription(), null);
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      call.cancel("the caller cancelled the core call", null);
    }
    return cancelled;
  }

  private final class Listener extends ClientCall.Listener<R> {
    private R response;

    @Override
    public void onMessage(R message) {
      if (response != null) {
        call.cancel("the core sent more than one response to a unary call", null);
        return;
      }
      response = message;
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      long clientNanos = System.nanoTime() - startNanos;
      if (!status.isOk()) {
        completeExceptionally(GrpcFailures.of(status, trailers));
      } else if (response == null) {
        completeExceptionally(
            GrpcFailures.of(
                Status.INTERNAL.withDescription("the core closed a unary call without a response"),
                trailers));
      } else {
        complete(new CoreReply<>(response, method.timingOf(response), clientNanos));
      }
    }
  }
}
