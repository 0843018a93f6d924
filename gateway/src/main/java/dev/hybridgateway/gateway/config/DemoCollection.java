package dev.hybridgateway.gateway.config;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.core.CoreClient;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;

/**
 * The collection the gateway creates at start-up so that a first search has something to find:
 * deterministic synthetic vectors (the same bits from every engine), by default {@code demo},
 * 100,000 × 384, cosine, seed 42. A core that already holds it (a gRPC core started with the
 * same {@code --preload}) is fine.
 *
 * @param name collection name
 * @param seed SplitMix64 seed
 * @param count number of vectors
 * @param dim vector dimension
 */
public record DemoCollection(String name, long seed, long count, int dim) {
  public static final String DEFAULT_NAME = "demo";
  public static final long DEFAULT_SEED = 42;
  public static final long DEFAULT_COUNT = 100_000;
  public static final int DEFAULT_DIM = 384;

  public DemoCollection {
    requireNonNull(name, "name");
  }

  /** {@code demo}: 100,000 × 384 cosine vectors from seed 42. */
  public static DemoCollection defaults() {
    return new DemoCollection(DEFAULT_NAME, DEFAULT_SEED, DEFAULT_COUNT, DEFAULT_DIM);
  }

  /** The core request that creates it. */
  public CreateCollectionRequest request() {
    return CreateCollectionRequest.newBuilder()
        .setName(name)
        .setDim(dim)
        .setMetric(Metric.METRIC_COSINE)
        .setSynthetic(SyntheticSource.newBuilder().setSeed(seed).setCount(count))
        .build();
  }

  /**
   * Creates the collection in {@code core}, or describes it when it exists already, within
   * {@code timeout}. Blocks; throws the core's StatusRuntimeException on failure.
   */
  public CollectionInfo createIn(CoreClient core, Duration timeout) {
    return createIn(core, 0, 1, timeout);
  }

  /**
   * As {@link #createIn(CoreClient, Duration)}, for shard {@code index} of {@code count}: the
   * core keeps the ids with id % count == index of the same synthetic data.
   */
  public CollectionInfo createIn(CoreClient core, int index, int count, Duration timeout) {
    CreateCollectionRequest request =
        count <= 1
            ? request()
            : request().toBuilder()
                .setShard(ShardSpec.newBuilder().setIndex(index).setCount(count))
                .build();
    try {
      return StartupCalls.within(
          timeout, () -> core.createCollection(request).join().response().getCollection());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
    GetCollectionRequest get = GetCollectionRequest.newBuilder().setName(name).build();
    return StartupCalls.within(timeout, () -> core.getCollection(get).join().response());
  }
}
