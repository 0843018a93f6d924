package dev.hybridgateway.interop;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends arbitrary bytes as the request of a unary gRPC method (a {@code byte[]} marshaller, so
 * the bytes reach the server exactly as given: truncated or garbage protobuf).
 */
final class RawGrpcCall {
  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private RawGrpcCall() {}

  /** Calls {@code fullMethodName} (e.g. {@code hybrid.core.v1.HotPath/Search}) with {@code bytes}. */
  static CompletableFuture<byte[]> call(Channel channel, String fullMethodName, byte[] bytes) {
    MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(fullMethodName)
        .setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES)
        .build();
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
    ClientCalls.asyncUnaryCall(channel.newCall(method, options), bytes,
        new io.grpc.stub.StreamObserver<>() {
          @Override
          public void onNext(byte[] value) {
            result.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            result.complete(new byte[0]);
          }
        });
    return result;
  }
}
