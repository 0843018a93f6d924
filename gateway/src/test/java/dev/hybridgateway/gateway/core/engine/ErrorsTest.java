package dev.hybridgateway.gateway.core.engine;

import static dev.hybridgateway.gateway.core.engine.TestCalls.assertInvalid;
import static dev.hybridgateway.gateway.core.engine.TestCalls.filled;
import static dev.hybridgateway.gateway.core.engine.TestCalls.search;
import static dev.hybridgateway.gateway.core.engine.TestCalls.synthetic;
import static dev.hybridgateway.gateway.core.engine.TestCalls.vector;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Status;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.DeleteCollectionRequest;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.IdFilter;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.core.v1.UpsertVectorsRequest;
import dev.hybridgateway.core.v1.Vector;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every INVALID_ARGUMENT the engine can produce, with the BadRequest field paths in the order the
 * Rust core reports them (hotpath-core's tests/errors.rs, case for case). The other codes are in
 * {@link StatusDetailsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {
  private JavaCoreClient core;

  @BeforeAll
  void createCollections() {
    core = JavaCoreClient.builder().threads(1).build();
    TestCalls.ok(core.createCollection(synthetic("c4", 4, Metric.METRIC_DOT, 1, 100, null)));
    TestCalls.ok(core.createCollection(synthetic("cos", 4, Metric.METRIC_COSINE, 1, 10, null)));
    TestCalls.ok(
        core.createCollection(
            synthetic(
                "sharded",
                4,
                Metric.METRIC_L2,
                1,
                100,
                ShardSpec.newBuilder().setIndex(1).setCount(4).build())));
  }

  @AfterAll
  void close() {
    core.close();
  }

  private static List<Vector> times(int n, Vector v) {
    return Collections.nCopies(n, v);
  }

  @Test
  void search_badFields_invalidArgumentWithFieldPaths() {
    Vector ones = filled(4, 1.0f);
    assertInvalid(core.search(search("", 1, List.of(ones))), "INVALID_FIELD", "collection");
    assertInvalid(core.search(search("a/b", 1, List.of(ones))), "INVALID_FIELD", "collection");
    assertInvalid(core.search(search("c4", 1, List.of())), "INVALID_FIELD", "queries");
    assertInvalid(core.search(search("c4", 1, times(1025, ones))), "INVALID_FIELD", "queries");
    assertInvalid(
        core.search(search("c4", 1, List.of(ones, vector()))),
        "INVALID_FIELD",
        "queries[1].values");
    assertInvalid(
        core.search(search("c4", 1, List.of(ones, vector(1, 2, Float.NaN, 4)))),
        "NON_FINITE_VALUE",
        "queries[1].values[2]");
    assertInvalid(
        core.search(search("c4", 0, List.of(filled(4, Float.NEGATIVE_INFINITY)))),
        "NON_FINITE_VALUE",
        "queries[0].values[0]",
        "k");
    assertInvalid(core.search(search("c4", 0, List.of(ones))), "INVALID_FIELD", "k");
    assertInvalid(core.search(search("c4", 1001, List.of(ones))), "INVALID_FIELD", "k");
    SearchRequest ok = search("c4", 3, List.of(vector(1, 2, 3, 4)));
    assertInvalid(core.search(ok.toBuilder().setMetricValue(7).build()), "INVALID_FIELD", "metric");
    assertInvalid(
        core.search(ok.toBuilder().setMetric(Metric.METRIC_L2).build()), "INVALID_FIELD", "metric");
    assertInvalid(
        core.search(ok.toBuilder().setFilter(IdFilter.getDefaultInstance()).build()),
        "INVALID_FIELD",
        "filter.ids");
    assertInvalid(
        core.search(search("c4", 1, List.of(ones, filled(3, 1), filled(5, 1)))),
        "DIMENSION_MISMATCH",
        "queries[1].values",
        "queries[2].values");
    assertInvalid(
        core.search(search("cos", 1, List.of(filled(4, 0)))), "INVALID_FIELD", "queries[0].values");
    assertThat(TestCalls.ok(core.search(ok)).getResultsCount()).isEqualTo(1);
  }

  @Test
  void search_badFields_messageListsViolationsLikeRust() {
    Status status =
        TestCalls.failure(
            core.search(search("c4", 0, List.of(vector(1, Float.POSITIVE_INFINITY, 0, 0)))));
    assertThat(status.getMessage())
        .isEqualTo(
            "invalid argument (NON_FINITE_VALUE): "
                + "queries[0].values[1]: must be finite, is inf; k: must be in 1..=1000, is 0");
    Status metric =
        TestCalls.failure(
            core.search(
                search("c4", 1, List.of(filled(4, 1))).toBuilder()
                    .setMetric(Metric.METRIC_L2)
                    .build()));
    assertThat(metric.getMessage())
        .isEqualTo(
            "invalid argument (INVALID_FIELD): "
                + "metric: METRIC_L2 does not match the collection's METRIC_DOT");
  }

  @Test
  void search_thirtyBadQueries_atMostTenViolationsTravel() {
    Status status =
        TestCalls.failure(core.search(search("c4", 1, times(30, filled(4, Float.NaN)))));
    var violations =
        TestCalls.detail(status, com.google.rpc.BadRequest.class).getFieldViolationsList();
    assertThat(violations).hasSize(10);
    assertThat(violations.get(9).getField()).isEqualTo("queries[9].values[0]");
    int bytes =
        status.getDetailsList().stream()
            .mapToInt(a -> a.getValue().size() + a.getTypeUrl().length())
            .sum();
    assertThat(bytes).isLessThan(2048);
  }

  @Test
  void rerank_badFields_invalidArgumentWithFieldPaths() {
    RerankRequest base =
        RerankRequest.newBuilder()
            .addQueries(vector(1, 2))
            .addCandidates(vector(1, 0))
            .addCandidates(vector(0, 1))
            .setK(2)
            .setMetric(Metric.METRIC_DOT)
            .build();
    assertThat(TestCalls.ok(core.rerank(base)).getResultsCount()).isEqualTo(1);
    assertInvalid(
        core.rerank(base.toBuilder().clearQueries().addAllQueries(times(65, vector(1, 2))).build()),
        "INVALID_FIELD",
        "queries");
    assertInvalid(
        core.rerank(base.toBuilder().clearCandidates().build()), "INVALID_FIELD", "candidates");
    assertInvalid(
        core.rerank(base.toBuilder().addCandidateIds(1).build()), "INVALID_FIELD", "candidate_ids");
    assertInvalid(
        core.rerank(base.toBuilder().setMetricValue(0).build()), "INVALID_FIELD", "metric");
    assertInvalid(core.rerank(base.toBuilder().setK(0).build()), "INVALID_FIELD", "k");
    assertInvalid(
        core.rerank(base.toBuilder().setCandidates(1, vector(0, 1, 2)).build()),
        "DIMENSION_MISMATCH",
        "candidates[1].values");
    assertInvalid(
        core.rerank(base.toBuilder().setCandidates(0, vector(Float.POSITIVE_INFINITY, 1)).build()),
        "NON_FINITE_VALUE",
        "candidates[0].values[0]");
    assertInvalid(
        core.rerank(
            base.toBuilder()
                .setMetric(Metric.METRIC_COSINE)
                .setCandidates(1, vector(0, 0))
                .build()),
        "INVALID_FIELD",
        "candidates[1].values");
  }

  @Test
  void create_badFields_invalidArgumentWithFieldPaths() {
    CreateCollectionRequest base = synthetic("new", 8, Metric.METRIC_DOT, 1, 10, null);
    assertInvalid(
        core.createCollection(base.toBuilder().setName("bad name").build()),
        "INVALID_FIELD",
        "name");
    for (int dim : new int[] {0, 4097}) {
      assertInvalid(
          core.createCollection(base.toBuilder().setDim(dim).build()), "INVALID_FIELD", "dim");
    }
    for (int metric : new int[] {0, 4}) {
      assertInvalid(
          core.createCollection(base.toBuilder().setMetricValue(metric).build()),
          "INVALID_FIELD",
          "metric");
    }
    assertInvalid(
        core.createCollection(
            base.toBuilder().setShard(ShardSpec.newBuilder().setCount(1025)).build()),
        "INVALID_FIELD",
        "shard.count");
    assertInvalid(
        core.createCollection(
            base.toBuilder().setShard(ShardSpec.newBuilder().setIndex(3).setCount(3)).build()),
        "INVALID_FIELD",
        "shard.index");
    assertInvalid(
        core.createCollection(
            base.toBuilder()
                .setSynthetic(
                    SyntheticSource.newBuilder().setSeed(1).setCount(100_000_001).setClusters(4097))
                .build()),
        "INVALID_FIELD",
        "synthetic.count",
        "synthetic.clusters");
    for (String path : new String[] {"/etc/passwd", "../x", "a/../../x", ""}) {
      assertInvalid(
          core.createCollection(
              base.toBuilder()
                  .setFile(dev.hybridgateway.core.v1.FileSource.newBuilder().setPath(path))
                  .build()),
          "INVALID_FIELD",
          "file.path");
    }
  }

  @Test
  void upsert_badFields_invalidArgumentAndNothingWritten() {
    assertInvalid(
        core.upsertVectors(upsert("c4", List.of(), List.of(filled(4, 1)))), "INVALID_FIELD", "ids");
    assertInvalid(
        core.upsertVectors(upsert("c4", List.of(1L, 2L), List.of(filled(4, 1)))),
        "INVALID_FIELD",
        "vectors");
    assertInvalid(
        core.upsertVectors(upsert("c4", List.of(1L), List.of(filled(3, 1)))),
        "DIMENSION_MISMATCH",
        "vectors[0].values");
    assertInvalid(
        core.upsertVectors(upsert("sharded", List.of(5L, 6L), List.of(filled(4, 1), filled(4, 1)))),
        "INVALID_FIELD",
        "ids[1]");
    assertInvalid(
        core.upsertVectors(upsert("cos", List.of(1L), List.of(filled(4, 0)))),
        "INVALID_FIELD",
        "vectors[0].values");
    assertInvalid(
        core.upsertVectors(upsert("c4", List.of(1L), List.of(vector(1, Float.NaN, 0, 0)))),
        "NON_FINITE_VALUE",
        "vectors[0].values[1]");
    assertThat(
            TestCalls.ok(
                    core.getCollection(GetCollectionRequest.newBuilder().setName("c4").build()))
                .getCount())
        .isEqualTo(100);
  }

  @Test
  void getAndDelete_badNames_invalidField() {
    assertInvalid(
        core.getCollection(GetCollectionRequest.newBuilder().setName("x".repeat(129)).build()),
        "INVALID_FIELD",
        "name");
    assertInvalid(
        core.deleteCollection(DeleteCollectionRequest.getDefaultInstance()),
        "INVALID_FIELD",
        "name");
  }

  static UpsertVectorsRequest upsert(String collection, List<Long> ids, List<Vector> vectors) {
    return UpsertVectorsRequest.newBuilder()
        .setCollection(collection)
        .addAllIds(ids)
        .addAllVectors(vectors)
        .build();
  }
}
