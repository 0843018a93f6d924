package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.routing.RoutePlan;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.CreateCollectionRequest;
import dev.hybridgateway.gateway.v1.DeleteCollectionRequest;
import dev.hybridgateway.gateway.v1.DeleteCollectionResponse;
import dev.hybridgateway.gateway.v1.GetCollectionRequest;
import dev.hybridgateway.gateway.v1.ListCollectionsRequest;
import dev.hybridgateway.gateway.v1.ListCollectionsResponse;
import dev.hybridgateway.gateway.v1.UpsertVectorsRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsResponse;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code hybrid.gateway.v1.CollectionService} through the {@link EdgePipeline}. Every call goes
 * to all the shards of the routed backend ({@link ShardedCalls}): a sharded collection is one
 * part per shard.
 */
final class CollectionServiceImpl extends CollectionServiceGrpc.CollectionServiceImplBase {
  private final EdgePipeline pipeline;

  CollectionServiceImpl(EdgePipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
  }

  @Override
  public void createCollection(
      CreateCollectionRequest request, StreamObserver<Collection> observer) {
    var core = CollectionMapper.toCore(request);
    run(CoreMethod.CREATE_COLLECTION, request.getName(), request,
        plan -> ShardedCalls.create(plan, core), observer);
  }

  @Override
  public void getCollection(GetCollectionRequest request, StreamObserver<Collection> observer) {
    run(CoreMethod.GET_COLLECTION, request.getName(), request,
        plan -> ShardedCalls.get(plan, request.getName()), observer);
  }

  @Override
  public void listCollections(
      ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> observer) {
    run(CoreMethod.LIST_COLLECTIONS, null, request, ShardedCalls::list, observer);
  }

  @Override
  public void deleteCollection(
      DeleteCollectionRequest request, StreamObserver<DeleteCollectionResponse> observer) {
    run(CoreMethod.DELETE_COLLECTION, request.getName(), request,
        plan ->
            ShardedCalls.delete(plan, request.getName())
                .whenComplete(
                    (done, failure) ->
                        pipeline.validator().collections().invalidate(request.getName()))
                .thenApply(c -> DeleteCollectionResponse.newBuilder().setCollection(c).build()),
        observer);
  }

  @Override
  public void upsertVectors(
      UpsertVectorsRequest request, StreamObserver<UpsertVectorsResponse> observer) {
    var core = CollectionMapper.toCore(request);
    run(CoreMethod.UPSERT_VECTORS, request.getCollection(), request,
        plan -> ShardedCalls.upsert(plan, core), observer);
  }

  private <T> void run(
      CoreMethod<?, ?> method,
      String collection,
      Message request,
      Function<RoutePlan, CompletableFuture<T>> call,
      StreamObserver<T> observer) {
    Replies.send(
        () ->
            pipeline
                .enter(method, collection, request)
                .thenComposeAsync(
                    plan -> pipeline.onBackend(plan, call),
                    Context.current().fixedContextExecutor(Runnable::run)),
        observer);
  }
}
