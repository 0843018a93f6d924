package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.testing.TestVectors;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.CreateCollectionRequest;
import dev.hybridgateway.gateway.v1.GetCollectionRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collection calls on a sharded backend: CreateCollection creates one part per shard (each with
 * its ShardSpec), UpsertVectors sends each shard the ids it holds (id % 2), GetCollection sums
 * the parts.
 */
class ShardedCollectionsTest {
  @TempDir static Path devDir;
  private static EdgeFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new EdgeFixture(devDir);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void createUpsertGet_onTwoShards_splitsByIdModuloTwo() {
    var stub =
        CollectionServiceGrpc.newBlockingStub(fixture.channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .withCallCredentials(
                fixture.bearer("writer", Scopes.COLLECTIONS_WRITE, Scopes.COLLECTIONS_READ));

    Collection created =
        stub.createCollection(
            CreateCollectionRequest.newBuilder()
                .setName("split")
                .setDim(16)
                .setMetric(Metric.METRIC_COSINE)
                .setSynthetic(SyntheticSource.newBuilder().setSeed(3).setCount(101))
                .build());
    UpsertVectorsResponse upserted =
        stub.upsertVectors(
            UpsertVectorsRequest.newBuilder()
                .setCollection("split")
                .addAllIds(List.of(1_000L, 1_001L, 1_003L))
                .addAllVectors(TestVectors.of(3, 16, 5))
                .build());
    Collection after = stub.getCollection(GetCollectionRequest.newBuilder().setName("split").build());

    assertThat(created.getShardCount()).isEqualTo(2);
    assertThat(created.getShardsList()).extracting(s -> s.getIndex()).containsExactly(0, 1);
    assertThat(created.getShardsList()).extracting(s -> s.getCount()).containsExactly(51L, 50L);
    assertThat(created.getCount()).isEqualTo(101);
    assertThat(upserted.getUpserted()).isEqualTo(3);
    assertThat(upserted.getShardsList()).extracting(s -> s.getIndex()).containsExactly(0, 1);
    assertThat(after.getCount()).isEqualTo(104);
    assertThat(after.getShardsList()).extracting(s -> s.getCount()).containsExactly(52L, 52L);
  }
}
