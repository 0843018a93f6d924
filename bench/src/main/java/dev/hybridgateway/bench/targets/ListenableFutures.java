package dev.hybridgateway.bench.targets;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.concurrent.CompletableFuture;

/**
 * Bridges grpc-java's {@link ListenableFuture} stubs to the {@link CompletableFuture} of
 * {@code LoadTarget}, both ways: the result or failure flows forward, a cancellation of the
 * CompletableFuture cancels the call.
 */
public final class ListenableFutures {
  private ListenableFutures() {}

  /** A CompletableFuture that completes with {@code future} on the thread that completes it. */
  public static <T> CompletableFuture<T> toCompletable(ListenableFuture<T> future) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Futures.addCallback(
        future,
        new FutureCallback<T>() {
          @Override
          public void onSuccess(T value) {
            result.complete(value);
          }

          @Override
          public void onFailure(Throwable failure) {
            result.completeExceptionally(failure);
          }
        },
        MoreExecutors.directExecutor());
    result.whenComplete(
        (value, failure) -> {
          if (result.isCancelled()) {
            future.cancel(true);
          }
        });
    return result;
  }
}
