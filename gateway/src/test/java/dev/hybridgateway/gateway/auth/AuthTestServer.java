package dev.hybridgateway.gateway.auth;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.HotPathGrpc;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.CreateCollectionRequest;
import dev.hybridgateway.gateway.v1.ListCollectionsRequest;
import dev.hybridgateway.gateway.v1.ListCollectionsResponse;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real in-process gRPC server with {@link AuthInterceptor} in front of tiny Search and
 * Collection services (which record the {@link Principal} they run as), the standard health
 * service (public) and the core's HotPath service (not in the scope table).
 */
final class AuthTestServer implements AutoCloseable {
  private final AtomicReference<Principal> seen = new AtomicReference<>();
  private final Server server;
  private final ManagedChannel channel;

  AuthTestServer(Authenticator authenticator) throws IOException {
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(new Search())
            .addService(new Collections())
            .addService(new HealthStatusManager().getHealthService())
            .addService(new HotPathGrpc.HotPathImplBase() {})
            .intercept(new AuthInterceptor(authenticator, Authorizer.defaults()))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  /** Calls SearchService/Search with {@code headers}; returns the Principal the handler saw. */
  Principal search(Map<String, String> headers) {
    seen.set(null);
    SearchServiceGrpc.newBlockingStub(with(headers)).search(SearchRequest.getDefaultInstance());
    return seen.get();
  }

  Principal createCollection(Map<String, String> headers) {
    seen.set(null);
    CollectionServiceGrpc.newBlockingStub(with(headers))
        .createCollection(CreateCollectionRequest.getDefaultInstance());
    return seen.get();
  }

  Principal listCollections(Map<String, String> headers) {
    seen.set(null);
    CollectionServiceGrpc.newBlockingStub(with(headers))
        .listCollections(ListCollectionsRequest.getDefaultInstance());
    return seen.get();
  }

  HealthCheckResponse.ServingStatus health(Map<String, String> headers) {
    return HealthGrpc.newBlockingStub(with(headers))
        .check(HealthCheckRequest.getDefaultInstance())
        .getStatus();
  }

  void callUnmapped(Map<String, String> headers) {
    HotPathGrpc.newBlockingStub(with(headers))
        .search(dev.hybridgateway.core.v1.SearchRequest.getDefaultInstance());
  }

  /** The ErrorInfo in the status details of {@code failure} (from the trailers). */
  static ErrorInfo errorInfo(Throwable failure) {
    Status status = StatusProto.fromThrowable(failure);
    if (status == null) {
      throw new AssertionError("no status details in the trailers of " + failure);
    }
    for (Any detail : status.getDetailsList()) {
      if (detail.is(ErrorInfo.class)) {
        try {
          return detail.unpack(ErrorInfo.class);
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no ErrorInfo in " + status);
  }

  private Channel with(Map<String, String> headers) {
    Metadata metadata = new Metadata();
    headers.forEach(
        (k, v) -> metadata.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
    return ClientInterceptors.intercept(
        channel, MetadataUtils.newAttachHeadersInterceptor(metadata));
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private final class Search extends SearchServiceGrpc.SearchServiceImplBase {
    @Override
    public void search(SearchRequest request, StreamObserver<SearchResponse> response) {
      seen.set(Principal.current());
      response.onNext(SearchResponse.getDefaultInstance());
      response.onCompleted();
    }
  }

  private final class Collections extends CollectionServiceGrpc.CollectionServiceImplBase {
    @Override
    public void createCollection(CreateCollectionRequest request, StreamObserver<Collection> out) {
      seen.set(Principal.current());
      out.onNext(Collection.getDefaultInstance());
      out.onCompleted();
    }

    @Override
    public void listCollections(
        ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> out) {
      seen.set(Principal.current());
      out.onNext(ListCollectionsResponse.getDefaultInstance());
      out.onCompleted();
    }
  }
}
