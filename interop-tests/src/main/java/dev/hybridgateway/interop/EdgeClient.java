package dev.hybridgateway.interop;

import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import java.util.concurrent.CompletableFuture;

/**
 * A client of the gateway's public API (gRPC or REST) that sends a bearer token, so a case can
 * also call as someone else: without credentials, or with a bad token.
 */
public interface EdgeClient extends CoreClient {
  /** The token sent as {@code authorization: Bearer}, or null when none is sent. */
  String token();

  /**
   * The same client sending {@code token} instead (null: no credentials). It shares this client's
   * connection, and closing it closes nothing.
   */
  EdgeClient withToken(String token);

  /**
   * Sends {@code request} as the public API call matching {@code method} and maps the answer
   * back to the core's response type; a method the API does not have throws {@link CaseSkipped}.
   */
  CompletableFuture<? extends Message> dispatch(CoreMethod<?, ?> method, Message request);

  /** {@link #dispatch}, timed; the API reports no core timing, so it is empty. */
  @Override
  @SuppressWarnings("unchecked") // dispatch answers with the response type of method
  default <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    long start = System.nanoTime();
    CompletableFuture<? extends Message> answer;
    try {
      answer = dispatch(method, request);
    } catch (CaseSkipped skipped) {
      answer = CompletableFuture.failedFuture(skipped);
    }
    return answer.thenApply(r -> new CoreReply<>((R) r, CoreTiming.getDefaultInstance(),
        System.nanoTime() - start));
  }
}
