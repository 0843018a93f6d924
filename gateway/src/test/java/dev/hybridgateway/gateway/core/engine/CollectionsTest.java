package dev.hybridgateway.gateway.core.engine;

import static dev.hybridgateway.gateway.core.engine.ErrorsTest.upsert;
import static dev.hybridgateway.gateway.core.engine.TestCalls.ok;
import static dev.hybridgateway.gateway.core.engine.TestCalls.search;
import static dev.hybridgateway.gateway.core.engine.TestCalls.synthetic;
import static dev.hybridgateway.gateway.core.engine.TestCalls.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.DeleteCollectionRequest;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.IdFilter;
import dev.hybridgateway.core.v1.ListCollectionsRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.ScoredId;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.UpsertVectorsResponse;
import dev.hybridgateway.gateway.core.CoreReply;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Collection lifecycle and memory accounting like hotpath-core's tests/collections.rs and
 * upsert.rs: create (empty, synthetic, sharded), get, list, delete, upsert growth charged by
 * capacity (Vec growth and the hashbrown index formula), last-write-wins, filters.
 */
class CollectionsTest {
  private static final long ROW = 2 * 4 + 8;

  private static JavaCoreClient client() {
    return JavaCoreClient.builder().threads(1).memoryBudgetBytes(1 << 30).build();
  }

  private static CreateCollectionRequest empty(String name, int dim, Metric metric) {
    return CreateCollectionRequest.newBuilder().setName(name).setDim(dim).setMetric(metric).build();
  }

  private static long memory(JavaCoreClient core) {
    return core.stats().getMemoryUsedBytes();
  }

  @Test
  void create_syntheticShardOneOfThree_holdsItsIdsAndChargesRows() {
    try (JavaCoreClient core = client()) {
      var created =
          core.createCollection(
                  synthetic(
                      "s",
                      4,
                      Metric.METRIC_DOT,
                      5,
                      10,
                      ShardSpec.newBuilder().setIndex(1).setCount(3).build()))
              .join();
      CollectionInfo info = created.response().getCollection();
      assertThat(info.getCount()).isEqualTo(3);
      assertThat(info.getMemoryBytes()).isEqualTo(3 * (4 * 4 + 8));
      assertThat(info.getShard()).isEqualTo(ShardSpec.newBuilder().setIndex(1).setCount(3).build());
      assertThat(created.response().getTiming().getComputeNs()).isPositive();
      assertThat(created.response().getTiming().getDecodeNs()).isZero();
      SearchResponse all = ok(core.search(search("s", 10, List.of(vector(1, 1, 1, 1)))));
      assertThat(all.getResults(0).getHitsList())
          .extracting(ScoredId::getId)
          .containsExactlyInAnyOrder(1L, 4L, 7L);
      assertThat(all.getVectorsScanned()).isEqualTo(3);
      assertThat(memory(core)).isEqualTo(3 * (4 * 4 + 8));
    }
  }

  @Test
  void listGetDelete_collections_sortedByNameAndDeleteReleasesMemory() {
    try (JavaCoreClient core = client()) {
      ok(core.createCollection(synthetic("b", 8, Metric.METRIC_L2, 1, 100, null)));
      ok(core.createCollection(empty("a", 3, Metric.METRIC_COSINE)));
      assertThat(
              ok(core.listCollections(ListCollectionsRequest.getDefaultInstance()))
                  .getCollectionsList())
          .extracting(CollectionInfo::getName)
          .containsExactly("a", "b");
      CollectionInfo b =
          ok(core.getCollection(GetCollectionRequest.newBuilder().setName("b").build()));
      assertThat(b.getMetric()).isEqualTo(Metric.METRIC_L2);
      assertThat(memory(core)).isEqualTo(100 * (8 * 4 + 8));
      CollectionInfo deleted =
          ok(core.deleteCollection(DeleteCollectionRequest.newBuilder().setName("b").build()))
              .getCollection();
      assertThat(deleted).isEqualTo(b);
      assertThat(memory(core)).isZero();
      assertThat(
              TestCalls.failure(
                      core.getCollection(GetCollectionRequest.newBuilder().setName("b").build()))
                  .getCode())
          .isEqualTo(5);
    }
  }

  @Test
  void upsert_appendsThenOutOfOrder_chargedByCapacityAndIndexLikeRust() {
    try (JavaCoreClient core = client()) {
      ok(core.createCollection(empty("u", 2, Metric.METRIC_DOT)));
      upsertIds(core, LongStream.range(0, 10).toArray());
      assertThat(memory(core)).isEqualTo(10 * ROW);
      // 10 + 1 rows: capacity grows by half again, to 15 rows.
      upsertIds(core, 10);
      assertThat(memory(core)).isEqualTo(15 * ROW);
      // Out of order: the id → row index is charged as hashbrown allocates it.
      UpsertVectorsResponse last = upsertIds(core, 3, 100, 50);
      assertThat(last.getCount()).isEqualTo(13);
      assertThat(memory(core)).isEqualTo(15 * ROW + CollectionData.indexBytes(15));
      SearchResponse hit = ok(core.search(search("u", 1, List.of(vector(1, 0)))));
      assertThat(hit.getResults(0).getHits(0).getId()).isEqualTo(100);
    }
  }

  @Test
  void upsert_repeatedAndExistingIds_lastVectorWins() {
    try (JavaCoreClient core = client()) {
      ok(core.createCollection(empty("u", 2, Metric.METRIC_L2)));
      ok(
          core.upsertVectors(
              upsert("u", List.of(7L, 7L, 8L), List.of(vector(1, 1), vector(5, 5), vector(9, 9)))));
      UpsertVectorsResponse replaced =
          ok(core.upsertVectors(upsert("u", List.of(8L), List.of(vector(0, 0)))));
      assertThat(replaced.getUpserted()).isEqualTo(1);
      assertThat(replaced.getCount()).isEqualTo(2);
      SearchResponse near = ok(core.search(search("u", 2, List.of(vector(5, 5)))));
      assertThat(near.getResults(0).getHitsList())
          .extracting(ScoredId::getId, ScoredId::getScore)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(7L, 0.0f),
              org.assertj.core.groups.Tuple.tuple(8L, 50.0f));
    }
  }

  @Test
  void search_filterWithUnknownAndDuplicateIds_scoresOnlyHeldIds() {
    try (JavaCoreClient core = client()) {
      ok(core.createCollection(synthetic("f", 4, Metric.METRIC_DOT, 3, 50, null)));
      SearchResponse filtered =
          ok(
              core.search(
                  search("f", 10, List.of(vector(1, 2, 3, 4))).toBuilder()
                      .setFilter(IdFilter.newBuilder().addAllIds(List.of(8L, 3L, 8L, 1000L)))
                      .build()));
      assertThat(filtered.getResults(0).getHitsList())
          .extracting(ScoredId::getId)
          .containsExactlyInAnyOrder(3L, 8L);
      assertThat(filtered.getVectorsScanned()).isEqualTo(2);
    }
  }

  @Test
  void delete_whileASearchRuns_releasesMemoryWhenTheSearchEnds() {
    try (JavaCoreClient core = JavaCoreClient.builder().threads(2).build()) {
      ok(core.createCollection(synthetic("big", 64, Metric.METRIC_DOT, 1, 50_000, null)));
      long charged = memory(core);
      CompletableFuture<CoreReply<SearchResponse>> running =
          core.search(search("big", 10, Collections.nCopies(1024, TestCalls.filled(64, 0.5f))));
      await().atMost(Duration.ofSeconds(10)).until(() -> core.stats().getVectorsScanned() > 0);
      ok(core.deleteCollection(DeleteCollectionRequest.newBuilder().setName("big").build()));
      assertThat(memory(core)).as("the running search still uses the vectors").isEqualTo(charged);
      running.cancel(true);
      await().atMost(Duration.ofSeconds(10)).until(() -> memory(core) == 0);
    }
  }

  private static UpsertVectorsResponse upsertIds(JavaCoreClient core, long... ids) {
    List<Long> boxed = LongStream.of(ids).boxed().toList();
    return ok(
        core.upsertVectors(upsert("u", boxed, boxed.stream().map(id -> vector(id, 1)).toList())));
  }
}
