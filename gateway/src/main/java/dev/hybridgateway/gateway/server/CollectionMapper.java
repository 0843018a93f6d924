package dev.hybridgateway.gateway.server;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.CollectionShard;
import dev.hybridgateway.gateway.v1.CoreCall;
import dev.hybridgateway.gateway.v1.CreateCollectionRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsResponse;

/**
 * Maps the public collection messages ({@code hybrid.gateway.v1}) to the core's
 * ({@code hybrid.core.v1}) and back. A core describes the shard it holds; the gateway's {@code
 * Collection} is the sum of its shards, which with one core is that core's shard.
 */
final class CollectionMapper {
  private CollectionMapper() {}

  static dev.hybridgateway.core.v1.CreateCollectionRequest toCore(CreateCollectionRequest request) {
    var core =
        dev.hybridgateway.core.v1.CreateCollectionRequest.newBuilder()
            .setName(request.getName())
            .setDim(request.getDim())
            .setMetricValue(request.getMetricValue());
    switch (request.getSourceCase()) {
      case SYNTHETIC -> core.setSynthetic(request.getSynthetic());
      case FILE -> core.setFile(request.getFile());
      case SOURCE_NOT_SET -> {}
    }
    return core.build();
  }

  static dev.hybridgateway.core.v1.UpsertVectorsRequest toCore(UpsertVectorsRequest request) {
    return dev.hybridgateway.core.v1.UpsertVectorsRequest.newBuilder()
        .setCollection(request.getCollection())
        .addAllIds(request.getIdsList())
        .addAllVectors(request.getVectorsList())
        .build();
  }

  static UpsertVectorsResponse fromCore(
      CoreReply<dev.hybridgateway.core.v1.UpsertVectorsResponse> reply, CoreCalls calls) {
    var core = reply.response();
    return UpsertVectorsResponse.newBuilder()
        .setUpserted(core.getUpserted())
        .setCount(core.getCount())
        .addShards(calls.answered(0, reply, 0))
        .build();
  }

  /** The collection made of the one shard {@code info} that a core answered with in {@code call}. */
  static Collection fromCore(CollectionInfo info, CoreCall call) {
    int shardCount = Math.max(1, info.getShard().getCount());
    return Collection.newBuilder()
        .setName(info.getName())
        .setDim(info.getDim())
        .setMetric(info.getMetric())
        .setCount(info.getCount())
        .setMemoryBytes(info.getMemoryBytes())
        .setShardCount(shardCount)
        .addShards(
            CollectionShard.newBuilder()
                .setIndex(info.getShard().getIndex())
                .setCount(info.getCount())
                .setMemoryBytes(info.getMemoryBytes())
                .setCall(call))
        .build();
  }

  /** {@link #fromCore(CollectionInfo, CoreCall)} for the reply that carried {@code info}. */
  static Collection fromCore(CollectionInfo info, CoreReply<?> reply, CoreCalls calls) {
    return fromCore(info, calls.of(reply));
  }
}
