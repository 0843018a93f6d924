package dev.hybridgateway.gateway.core;

import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.CreateCollectionResponse;
import dev.hybridgateway.core.v1.DeleteCollectionRequest;
import dev.hybridgateway.core.v1.DeleteCollectionResponse;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.GetStatsRequest;
import dev.hybridgateway.core.v1.ListCollectionsRequest;
import dev.hybridgateway.core.v1.ListCollectionsResponse;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.UpsertVectorsRequest;
import dev.hybridgateway.core.v1.UpsertVectorsResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The one boundary between the edge and the compute core. Three implementations answer the same
 * requests with the same engine semantics: the pure-Java engine ({@code core.engine}), the Rust
 * core in-process through Panama FFM ({@code core.ffi}) and the Rust core over gRPC
 * ({@code core.grpc}). Everything above this interface is transport-blind.
 *
 * <p>Contract, identical for every transport:
 *
 * <ul>
 *   <li>The deadline and the cancellation come from {@link io.grpc.Context#current()} at the time
 *       of the call. The core stops when the deadline passes ({@code DEADLINE_EXCEEDED} with
 *       {@code ErrorInfo.metadata["stage"] = "core"}) or when the context is cancelled
 *       ({@code CANCELLED}). Cancelling the returned future also cancels the call.
 *   <li>Failures complete the future with a {@link io.grpc.StatusRuntimeException} whose trailers
 *       carry the {@code google.rpc.Status} with its details ({@link CoreErrors#toStatus}
 *       reads them back). Nothing else is thrown.
 *   <li>Calls never block the calling thread; they complete on a thread owned by the client.
 * </ul>
 *
 * <pre>{@code
 * try (CoreClient core = FfiCoreClient.open(config)) {
 *   SearchResponse hits = core.search(request).join().response();
 * }
 * }</pre>
 */
public interface CoreClient extends AutoCloseable {

  /** Which transport this client uses. */
  Transport transport();

  /** Calls {@code method} with {@code request} under the current Context's deadline. */
  <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request);

  /** Releases the client's threads, channels or native engine; in-flight calls fail. */
  @Override
  void close();

  default CompletableFuture<CoreReply<SearchResponse>> search(SearchRequest request) {
    return call(CoreMethod.SEARCH, request);
  }

  default CompletableFuture<CoreReply<RerankResponse>> rerank(RerankRequest request) {
    return call(CoreMethod.RERANK, request);
  }

  default CompletableFuture<CoreReply<CreateCollectionResponse>> createCollection(
      CreateCollectionRequest request) {
    return call(CoreMethod.CREATE_COLLECTION, request);
  }

  default CompletableFuture<CoreReply<UpsertVectorsResponse>> upsertVectors(
      UpsertVectorsRequest request) {
    return call(CoreMethod.UPSERT_VECTORS, request);
  }

  default CompletableFuture<CoreReply<CollectionInfo>> getCollection(
      GetCollectionRequest request) {
    return call(CoreMethod.GET_COLLECTION, request);
  }

  default CompletableFuture<CoreReply<DeleteCollectionResponse>> deleteCollection(
      DeleteCollectionRequest request) {
    return call(CoreMethod.DELETE_COLLECTION, request);
  }

  default CompletableFuture<CoreReply<ListCollectionsResponse>> listCollections(
      ListCollectionsRequest request) {
    return call(CoreMethod.LIST_COLLECTIONS, request);
  }

  default CompletableFuture<CoreReply<EngineStats>> getStats() {
    return call(CoreMethod.GET_STATS, GetStatsRequest.getDefaultInstance());
  }
}
