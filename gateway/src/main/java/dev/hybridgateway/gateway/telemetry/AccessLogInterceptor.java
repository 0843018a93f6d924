package dev.hybridgateway.gateway.telemetry;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes one {@link AccessLog} line per gRPC call (and counts it in the request metrics) when the
 * call closes, or when the client cancels it first. It sits inside the server span interceptor
 * (so it sees the trace id) and outside authentication (so refused calls are logged too); the
 * tenant arrives through {@link ServerTelemetry#afterAuth()} and the transport through {@link
 * RequestTelemetry#noteTransport}.
 */
final class AccessLogInterceptor implements ServerInterceptor {
  private final AccessLog log;

  AccessLogInterceptor(AccessLog log) {
    this.log = requireNonNull(log, "log");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Finish finish =
        new Finish(call.getMethodDescriptor().getFullMethodName(), Traces.currentTraceId());
    ServerCall<Q, R> logged =
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            try {
              super.close(status, trailers);
            } finally {
              finish.run(status.getCode());
            }
          }
        };
    Context context = finish.request.attachTo(Context.current());
    ServerCall.Listener<Q> listener;
    try {
      listener = Contexts.interceptCall(context, logged, headers, next);
    } catch (RuntimeException | Error e) {
      finish.run(Status.fromThrowable(e).getCode());
      throw e;
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onCancel() {
        try {
          super.onCancel();
        } finally {
          finish.run(Status.Code.CANCELLED);
        }
      }
    };
  }

  /** Logs the call once, with the first outcome seen. */
  private final class Finish {
    final RequestTelemetry request = RequestTelemetry.create();
    private final long start = System.nanoTime();
    private final String route;
    private final String traceId;
    private final AtomicBoolean done = new AtomicBoolean();

    Finish(String route, String traceId) {
      this.route = route;
      this.traceId = traceId;
    }

    void run(Status.Code code) {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      log.record(
          new AccessLogEntry(
              "grpc",
              route,
              code.name(),
              0,
              System.nanoTime() - start,
              request.tenant(),
              request.transportId(),
              traceId));
    }
  }
}
