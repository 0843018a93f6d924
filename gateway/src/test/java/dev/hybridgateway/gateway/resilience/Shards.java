package dev.hybridgateway.gateway.resilience;

import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.testing.TestVectors;

/** Real Java engines holding synthetic collections, whole or as shard i of n, for pipeline tests. */
public final class Shards {
  public static final int COUNT = 3000;
  public static final int DIM = 16;
  public static final long SEED = 7;

  private Shards() {}

  /** A fresh single-threaded Java engine. */
  public static JavaCoreClient engine() {
    return JavaCoreClient.builder().threads(1).build();
  }

  /** Creates {@code name} on {@code core} as shard {@code index} of {@code count} (1: whole). */
  public static void create(CoreClient core, String name, Metric metric, int index, int count) {
    core.createCollection(
            CreateCollectionRequest.newBuilder()
                .setName(name)
                .setDim(DIM)
                .setMetric(metric)
                .setShard(ShardSpec.newBuilder().setIndex(index).setCount(count))
                .setSynthetic(SyntheticSource.newBuilder().setSeed(SEED).setCount(COUNT))
                .build())
        .join();
  }

  /** A search of {@code queries} deterministic queries, top {@code k}. */
  public static SearchRequest search(String name, int queries, int k) {
    return SearchRequest.newBuilder()
        .setCollection(name)
        .addAllQueries(TestVectors.of(queries, DIM, 11))
        .setK(k)
        .build();
  }
}
