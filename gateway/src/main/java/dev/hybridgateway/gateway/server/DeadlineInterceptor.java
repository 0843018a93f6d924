package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Applies a {@link DeadlinePolicy} to every call of the services it wraps: the handler runs in a
 * Context whose deadline is the policy's core deadline, so every {@code CoreClient} call made
 * from it inherits that deadline (and the client's cancellation, through the parent Context). A
 * call with too little time left is answered DEADLINE_EXCEEDED (stage "edge") here, before its
 * handler, and so before any core, sees it.
 */
public final class DeadlineInterceptor implements ServerInterceptor {
  private final DeadlinePolicy policy;
  private final ScheduledExecutorService scheduler;

  /**
   * @param scheduler fires the Context deadlines; the caller owns it (a single thread with
   *     remove-on-cancel, since most deadlines are cancelled when their call completes)
   */
  public DeadlineInterceptor(DeadlinePolicy policy, ScheduledExecutorService scheduler) {
    this.policy = requireNonNull(policy, "policy");
    this.scheduler = requireNonNull(scheduler, "scheduler");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Deadline coreDeadline;
    try {
      coreDeadline = policy.coreDeadline(Context.current().getDeadline());
    } catch (StatusRuntimeException tooLate) {
      Metadata trailers = tooLate.getTrailers();
      call.close(tooLate.getStatus(), trailers == null ? new Metadata() : trailers);
      return new ServerCall.Listener<>() {};
    }
    Context.CancellableContext scoped = Context.current().withDeadline(coreDeadline, scheduler);
    ServerCall<Q, R> releasing =
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            try {
              super.close(status, trailers);
            } finally {
              scoped.cancel(null);
            }
          }
        };
    ServerCall.Listener<Q> listener = Contexts.interceptCall(scoped, releasing, headers, next);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onCancel() {
        try {
          super.onCancel();
        } finally {
          scoped.cancel(null);
        }
      }
    };
  }
}
