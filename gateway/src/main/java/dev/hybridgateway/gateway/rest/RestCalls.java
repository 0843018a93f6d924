package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.netty.channel.ChannelFutureListener;
import java.util.function.BiConsumer;

/**
 * Makes the gRPC call of a REST request on the gateway channel, asynchronously: the reply or the
 * failure is handed to a callback on a gRPC thread, never blocking a Netty event loop. When the
 * HTTP connection closes first, the call is cancelled, so the gateway (and the core) stop
 * working on it.
 */
final class RestCalls {
  private final Channel gateway;

  RestCalls(Channel gateway) {
    this.gateway = requireNonNull(gateway, "gateway");
  }

  /**
   * Starts {@code route}'s call with {@code request}; {@code done} receives the reply or the
   * failure (exactly one is non-null).
   */
  void start(
      RestRoute route,
      Message request,
      Metadata headers,
      CallOptions options,
      io.netty.channel.Channel connection,
      BiConsumer<Message, Throwable> done) {
    Channel withHeaders =
        ClientInterceptors.intercept(gateway, MetadataUtils.newAttachHeadersInterceptor(headers));
    ClientCall<Message, Message> call = withHeaders.newCall(route.method(), options);
    ChannelFutureListener cancelOnClose =
        closed -> call.cancel("the HTTP client closed the connection", null);
    connection.closeFuture().addListener(cancelOnClose);
    ClientCalls.asyncUnaryCall(
        call,
        request,
        new StreamObserver<>() {
          private Message reply;

          @Override
          public void onNext(Message value) {
            reply = value;
          }

          @Override
          public void onError(Throwable failure) {
            connection.closeFuture().removeListener(cancelOnClose);
            done.accept(null, failure);
          }

          @Override
          public void onCompleted() {
            connection.closeFuture().removeListener(cancelOnClose);
            done.accept(reply, null);
          }
        });
  }
}
