package dev.hybridgateway.gateway.server;

import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Answers a unary gRPC call from the future of its result. Failures go back as the {@code
 * StatusRuntimeException} the core (or the edge) raised, with the {@code google.rpc.Status}
 * details in the trailers unchanged; a bug in a mapper becomes INTERNAL, never a hung call.
 */
final class Replies {
  private Replies() {}

  /** Runs {@code call} (which may throw) and sends its result, or its failure, to {@code observer}. */
  static <T> void send(Supplier<CompletableFuture<T>> call, StreamObserver<T> observer) {
    CompletableFuture<T> result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    result.whenComplete(
        (value, failure) -> {
          if (observer instanceof ServerCallStreamObserver<T> server && server.isCancelled()) {
            return; // the client is gone; nobody reads the answer
          }
          if (failure != null) {
            observer.onError(CoreErrors.toException(failure));
          } else {
            observer.onNext(value);
            observer.onCompleted();
          }
        });
  }
}
