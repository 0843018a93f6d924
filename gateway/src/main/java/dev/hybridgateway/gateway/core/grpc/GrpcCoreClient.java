package dev.hybridgateway.gateway.core.grpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.gateway.core.CallScope;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Rust core over gRPC: every {@link CoreMethod} is a unary call of {@code
 * hybrid.core.v1.HotPath} on a {@link Channel}.
 *
 * <pre>{@code
 * ManagedChannel channel = CoreChannelBuilder.forTarget("127.0.0.1:50051").build();
 * try (CoreClient core = GrpcCoreClient.builder().channel(channel).openTelemetry(otel).build()) {
 *   SearchResponse hits = core.search(request).join().response();
 * } finally {
 *   channel.shutdown();
 * }
 * }</pre>
 *
 * <p>The call's deadline is the caller's Context deadline at the time of the call (it travels as
 * {@code grpc-timeout}); a call whose Context is already over fails at once without a request.
 * Cancelling the caller's Context, or the returned future, cancels the RPC (RST_STREAM), and the
 * server stops the scan. A client built on a {@link CoreChannelBuilder target} owns that channel
 * and shuts it down on {@link #close()}; a client given a {@link Channel} leaves it open.
 */
public final class GrpcCoreClient implements CoreClient {
  private final Channel channel;
  private final Runnable releaseChannel;
  private final Set<UnaryCoreCall<?, ?>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param releaseChannel shuts down the channel when this client owns it, else does nothing
   */
  GrpcCoreClient(Channel channel, Runnable releaseChannel) {
    this.channel = requireNonNull(channel, "channel");
    this.releaseChannel = requireNonNull(releaseChannel, "releaseChannel");
    GrpcFailures.preload();
  }

  /** A client over {@code channel} without tracing; the caller keeps owning the channel. */
  public static GrpcCoreClient of(Channel channel) {
    return builder().channel(channel).build();
  }

  /** A builder: a channel or a target, and an OpenTelemetry for the W3C traceparent. */
  public static GrpcCoreClientBuilder builder() {
    return new GrpcCoreClientBuilder();
  }

  @Override
  public Transport transport() {
    return Transport.GRPC;
  }

  @Override
  public <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    requireNonNull(method, "method");
    requireNonNull(request, "request");
    CallScope scope = CallScope.capture();
    try {
      scope.failIfDone();
    } catch (StatusRuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (closed) {
      return CompletableFuture.failedFuture(GrpcFailures.closed());
    }
    ClientCall<Q, R> clientCall =
        channel.newCall(method.grpcMethod(), CallOptions.DEFAULT.withDeadline(scope.deadline()));
    UnaryCoreCall<Q, R> call = new UnaryCoreCall<>(method, clientCall);
    inFlight.add(call);
    CallScope.Registration onCallerGone =
        scope.onCancel(() -> call.abort(GrpcFailures.ofEndedScope(scope)));
    call.whenComplete(
        (reply, failure) -> {
          onCallerGone.close();
          inFlight.remove(call);
        });
    call.start(request);
    if (closed) {
      call.abort(GrpcFailures.closed());
    }
    return call;
  }

  /** Fails the calls in flight with UNAVAILABLE and shuts down the channel if this client owns it. */
  @Override
  public void close() {
    closed = true;
    for (UnaryCoreCall<?, ?> call : inFlight) {
      call.abort(GrpcFailures.closed());
    }
    releaseChannel.run();
  }
}
