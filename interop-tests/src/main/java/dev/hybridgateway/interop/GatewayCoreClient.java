package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.CreateCollectionResponse;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway's public gRPC API (hybrid.gateway.v1) seen as a {@link CoreClient}, so the same
 * catalogue cases run through the edge ({@link GatewayMessages} maps the messages). The Context's
 * deadline and cancellation travel as usual for a grpc-java call, and its {@link CallTrace} as
 * {@code traceparent} metadata, and the token as {@code authorization: Bearer}. Methods the
 * gateway does not expose (GetStats, UpsertVectors, ...) fail with UNIMPLEMENTED; creating a
 * sharded collection skips the case.
 */
public final class GatewayCoreClient implements EdgeClient {
  private static final Metadata.Key<String> TRACEPARENT =
      Metadata.Key.of(CallTrace.HEADER, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Channel channel;
  private final String token;

  private GatewayCoreClient(Channel channel, String token) {
    this.channel = requireNonNull(channel, "channel");
    this.token = token;
  }

  /** An adapter over {@code channel} sending no credentials; the caller owns the channel. */
  public static GatewayCoreClient of(Channel channel) {
    return new GatewayCoreClient(channel, null);
  }

  /** An adapter over {@code channel} sending {@code token} (may be null) as Bearer. */
  public static GatewayCoreClient of(Channel channel, String token) {
    return new GatewayCoreClient(channel, token);
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public GatewayCoreClient withToken(String token) {
    return new GatewayCoreClient(channel, token);
  }

  @Override
  public Transport transport() {
    return Transport.GRPC;
  }

  @Override
  public CompletableFuture<? extends Message> dispatch(CoreMethod<?, ?> method, Message request) {
    if (method == CoreMethod.SEARCH) {
      return unary(SearchServiceGrpc.getSearchMethod(),
          GatewayMessages.search((SearchRequest) request))
          .thenApply(GatewayMessages::searchResponse);
    } else if (method == CoreMethod.RERANK) {
      return unary(SearchServiceGrpc.getRerankMethod(),
          GatewayMessages.rerank((RerankRequest) request))
          .thenApply(GatewayMessages::rerankResponse);
    } else if (method == CoreMethod.CREATE_COLLECTION) {
      return unary(CollectionServiceGrpc.getCreateCollectionMethod(),
          GatewayMessages.create((CreateCollectionRequest) request))
          .thenApply(c -> CreateCollectionResponse.getDefaultInstance());
    } else if (method == CoreMethod.GET_COLLECTION) {
      return unary(CollectionServiceGrpc.getGetCollectionMethod(),
          dev.hybridgateway.gateway.v1.GetCollectionRequest.newBuilder()
              .setName(((GetCollectionRequest) request).getName()).build())
          .thenApply(GatewayMessages::collection);
    }
    return CompletableFuture.failedFuture(Status.UNIMPLEMENTED
        .withDescription("the gateway API does not expose " + method.name()).asRuntimeException());
  }

  private <Q, R> CompletableFuture<R> unary(MethodDescriptor<Q, R> method, Q request) {
    Metadata headers = new Metadata();
    String traceparent = CallTrace.current();
    if (traceparent != null) {
      headers.put(TRACEPARENT, traceparent);
    }
    if (token != null) {
      headers.put(AUTHORIZATION, "Bearer " + token);
    }
    Channel target = ClientInterceptors.intercept(channel,
        MetadataUtils.newAttachHeadersInterceptor(headers));
    CompletableFuture<R> result = new CompletableFuture<>();
    ClientCalls.asyncUnaryCall(target.newCall(method, CallOptions.DEFAULT), request,
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

  @Override
  public void close() {}
}
