package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.CoreCall;
import dev.hybridgateway.gateway.v1.CreateCollectionRequest;
import dev.hybridgateway.gateway.v1.DeleteCollectionRequest;
import dev.hybridgateway.gateway.v1.DeleteCollectionResponse;
import dev.hybridgateway.gateway.v1.GetCollectionRequest;
import dev.hybridgateway.gateway.v1.ListCollectionsRequest;
import dev.hybridgateway.gateway.v1.ListCollectionsResponse;
import dev.hybridgateway.gateway.v1.UpsertVectorsRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsResponse;
import io.grpc.stub.StreamObserver;

/**
 * {@code hybrid.gateway.v1.CollectionService} over one {@link CoreClient}, inside the Context
 * that {@link DeadlineInterceptor} prepared.
 */
final class CollectionServiceImpl extends CollectionServiceGrpc.CollectionServiceImplBase {
  private final CoreClient core;
  private final CoreCalls calls;

  CollectionServiceImpl(CoreClient core, CoreCalls calls) {
    this.core = requireNonNull(core, "core");
    this.calls = requireNonNull(calls, "calls");
  }

  @Override
  public void createCollection(
      CreateCollectionRequest request, StreamObserver<Collection> observer) {
    Replies.send(
        () ->
            core.createCollection(CollectionMapper.toCore(request))
                .thenApply(
                    reply ->
                        CollectionMapper.fromCore(
                            reply.response().getCollection(), reply, calls)),
        observer);
  }

  @Override
  public void getCollection(GetCollectionRequest request, StreamObserver<Collection> observer) {
    var coreRequest =
        dev.hybridgateway.core.v1.GetCollectionRequest.newBuilder()
            .setName(request.getName())
            .build();
    Replies.send(
        () ->
            core.getCollection(coreRequest)
                .thenApply(reply -> CollectionMapper.fromCore(reply.response(), reply, calls)),
        observer);
  }

  @Override
  public void listCollections(
      ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> observer) {
    var coreRequest = dev.hybridgateway.core.v1.ListCollectionsRequest.getDefaultInstance();
    Replies.send(
        () ->
            core.listCollections(coreRequest)
                .thenApply(
                    reply -> {
                      CoreCall call = calls.of(reply);
                      var response = ListCollectionsResponse.newBuilder();
                      for (CollectionInfo info : reply.response().getCollectionsList()) {
                        response.addCollections(CollectionMapper.fromCore(info, call));
                      }
                      return response.build();
                    }),
        observer);
  }

  @Override
  public void deleteCollection(
      DeleteCollectionRequest request, StreamObserver<DeleteCollectionResponse> observer) {
    var coreRequest =
        dev.hybridgateway.core.v1.DeleteCollectionRequest.newBuilder()
            .setName(request.getName())
            .build();
    Replies.send(
        () ->
            core.deleteCollection(coreRequest)
                .thenApply(
                    reply ->
                        DeleteCollectionResponse.newBuilder()
                            .setCollection(
                                CollectionMapper.fromCore(
                                    reply.response().getCollection(), reply, calls))
                            .build()),
        observer);
  }

  @Override
  public void upsertVectors(
      UpsertVectorsRequest request, StreamObserver<UpsertVectorsResponse> observer) {
    Replies.send(
        () ->
            core.upsertVectors(CollectionMapper.toCore(request))
                .thenApply(reply -> CollectionMapper.fromCore(reply, calls)),
        observer);
  }
}
