package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.CreateCollectionResponse;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway's public gRPC API (hybrid.gateway.v1) seen as a {@link CoreClient}, so the same
 * catalogue cases run through the edge. Search and Rerank requests are wire-compatible with the
 * core's (same field numbers), so they are re-parsed, not mapped field by field; the Context's
 * deadline and cancellation travel as usual for a grpc-java call. Methods the gateway does not
 * expose (GetStats, UpsertVectors, ...) fail with UNIMPLEMENTED; creating a sharded collection
 * skips the case (the gateway's CreateCollection has no shard field).
 */
public final class GatewayCoreClient implements CoreClient {
  private final Channel channel;

  private GatewayCoreClient(Channel channel) {
    this.channel = requireNonNull(channel, "channel");
  }

  /** An adapter over {@code channel}; the caller owns (and closes) the channel. */
  public static GatewayCoreClient of(Channel channel) {
    return new GatewayCoreClient(channel);
  }

  @Override
  public Transport transport() {
    return Transport.GRPC;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    long start = System.nanoTime();
    CompletableFuture<? extends Message> answer;
    if (method == CoreMethod.SEARCH) {
      answer = unary(SearchServiceGrpc.getSearchMethod(),
          reparse(request.toByteString(), dev.hybridgateway.gateway.v1.SearchRequest::parseFrom))
          .thenApply(r -> SearchResponse.newBuilder().addAllResults(r.getResultsList()).build());
    } else if (method == CoreMethod.RERANK) {
      answer = unary(SearchServiceGrpc.getRerankMethod(),
          reparse(request.toByteString(), dev.hybridgateway.gateway.v1.RerankRequest::parseFrom))
          .thenApply(r -> RerankResponse.newBuilder().addAllResults(r.getResultsList()).build());
    } else if (method == CoreMethod.CREATE_COLLECTION) {
      answer = create((CreateCollectionRequest) request);
    } else if (method == CoreMethod.GET_COLLECTION) {
      answer = unary(CollectionServiceGrpc.getGetCollectionMethod(),
          dev.hybridgateway.gateway.v1.GetCollectionRequest.newBuilder()
              .setName(((GetCollectionRequest) request).getName()).build())
          .thenApply(c -> CollectionInfo.newBuilder()
              .setName(c.getName()).setDim(c.getDim()).setMetric(c.getMetric())
              .setCount(c.getCount()).build());
    } else {
      answer = CompletableFuture.failedFuture(Status.UNIMPLEMENTED
          .withDescription("the gateway API does not expose " + method.name()).asRuntimeException());
    }
    return answer.thenApply(r -> new CoreReply<>((R) r, CoreTiming.getDefaultInstance(),
        System.nanoTime() - start));
  }

  private CompletableFuture<CreateCollectionResponse> create(CreateCollectionRequest request) {
    if (request.hasShard() && request.getShard().getCount() > 1) {
      return CompletableFuture.failedFuture(new CaseSkipped(
          "the gateway API cannot create a sharded collection; give the runner the core too"));
    }
    var create = dev.hybridgateway.gateway.v1.CreateCollectionRequest.newBuilder()
        .setName(request.getName()).setDim(request.getDim()).setMetric(request.getMetric());
    if (request.hasSynthetic()) {
      create.setSynthetic(request.getSynthetic());
    }
    return unary(CollectionServiceGrpc.getCreateCollectionMethod(), create.build())
        .thenApply(c -> CreateCollectionResponse.getDefaultInstance());
  }

  private <Q, R> CompletableFuture<R> unary(MethodDescriptor<Q, R> method, Q request) {
    CompletableFuture<R> result = new CompletableFuture<>();
    ClientCalls.asyncUnaryCall(channel.newCall(method, CallOptions.DEFAULT), request,
        new StreamObserver<>() {
          @Override
          public void onNext(R value) {
            result.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            result.completeExceptionally(Status.INTERNAL.withDescription("no response")
                .asRuntimeException());
          }
        });
    return result;
  }

  private static <T> T reparse(ByteString bytes, Parser<T> parser) {
    try {
      return parser.parse(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("core and gateway messages are no longer wire-compatible", e);
    }
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(ByteString bytes) throws InvalidProtocolBufferException;
  }

  @Override
  public void close() {}
}
