package dev.hybridgateway.gateway.server;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.CollectionShard;
import dev.hybridgateway.gateway.v1.CoreCall;
import dev.hybridgateway.gateway.v1.CreateCollectionRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsRequest;
import java.util.List;

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

  /** What one shard said about its part of a collection, and the core call that said it. */
  record ShardInfo(CollectionInfo info, CoreCall call) {}

  /**
   * The collection made of its shards' parts: name, dim and metric from the first, counts and
   * memory summed, one {@code CollectionShard} per part in shard order.
   */
  static Collection merge(List<ShardInfo> shards) {
    CollectionInfo first = shards.getFirst().info();
    int shardCount = Math.max(Math.max(1, first.getShard().getCount()), shards.size());
    var collection =
        Collection.newBuilder()
            .setName(first.getName())
            .setDim(first.getDim())
            .setMetric(first.getMetric())
            .setShardCount(shardCount);
    long count = 0;
    long memory = 0;
    for (ShardInfo shard : shards) {
      CollectionInfo info = shard.info();
      count += info.getCount();
      memory += info.getMemoryBytes();
      collection.addShards(
          CollectionShard.newBuilder()
              .setIndex(info.getShard().getIndex())
              .setCount(info.getCount())
              .setMemoryBytes(info.getMemoryBytes())
              .setCall(shard.call()));
    }
    return collection.setCount(count).setMemoryBytes(memory).build();
  }
}
