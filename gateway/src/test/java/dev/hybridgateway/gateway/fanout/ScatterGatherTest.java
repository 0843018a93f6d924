package dev.hybridgateway.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.Code;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.ScoredId;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.resilience.FlakyCoreClient;
import dev.hybridgateway.gateway.resilience.Shards;
import dev.hybridgateway.gateway.routing.RoutePlan;
import dev.hybridgateway.gateway.routing.ShardTarget;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.v1.SearchResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScatterGatherTest {
  private static JavaCoreClient whole;
  private static JavaCoreClient shard0;
  private static JavaCoreClient shard1;

  @BeforeAll
  static void createCollections() {
    whole = Shards.engine();
    shard0 = Shards.engine();
    shard1 = Shards.engine();
    for (Metric metric : List.of(Metric.METRIC_DOT, Metric.METRIC_L2, Metric.METRIC_COSINE)) {
      String name = metric.name().toLowerCase();
      Shards.create(whole, name, metric, 0, 1);
      Shards.create(shard0, name, metric, 0, 2);
      Shards.create(shard1, name, metric, 1, 2);
    }
  }

  @AfterAll
  static void close() {
    whole.close();
    shard0.close();
    shard1.close();
  }

  private static RoutePlan plan(dev.hybridgateway.gateway.core.CoreClient first,
      dev.hybridgateway.gateway.core.CoreClient second) {
    return new RoutePlan("r", "b", Transport.JAVA,
        List.of(new ShardTarget(0, 2, "b", first), new ShardTarget(1, 2, "b", second)), null);
  }

  @ParameterizedTest
  @EnumSource(value = Metric.class, names = {"METRIC_DOT", "METRIC_L2", "METRIC_COSINE"})
  void search_twoShards_bitIdenticalToUnshardedSearch(Metric metric) {
    SearchRequest request = Shards.search(metric.name().toLowerCase(), 8, 25);

    var expected = whole.search(request).join().response();
    FanoutResult merged = ScatterGather.search(plan(shard0, shard1), request, metric, false).join();

    assertThat(merged.response().getResultsList()).isEqualTo(expected.getResultsList());
    assertThat(merged.response().getPartial()).isFalse();
    assertThat(merged.response().getShardsList()).extracting(r -> r.getStatus().getCode())
        .containsExactly(0, 0);
    assertThat(merged.response().getShards(1).getCall().getTransport())
        .isEqualTo(dev.hybridgateway.gateway.v1.Transport.TRANSPORT_JAVA);
    assertThat(merged.response().getVectorsScanned()).isEqualTo(expected.getVectorsScanned());
    for (int q = 0; q < 8; q++) {
      var hits = merged.response().getResults(q).getHitsList();
      var want = expected.getResults(q).getHitsList();
      for (int i = 0; i < hits.size(); i++) {
        assertThat(Float.floatToRawIntBits(hits.get(i).getScore()))
            .isEqualTo(Float.floatToRawIntBits(want.get(i).getScore()));
      }
    }
  }

  @Test
  void search_oneShardDown_failsWithItsStatus() {
    FlakyCoreClient down = FlakyCoreClient.of(shard1);
    down.failWith(FlakyCoreClient.status(Code.UNAVAILABLE));

    assertThatThrownBy(
            () -> ScatterGather.search(plan(shard0, down), Shards.search("metric_dot", 2, 10), Metric.METRIC_DOT, false).join())
        .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE));
  }

  @Test
  void search_oneShardDownWithAllowPartial_partialHitsOfTheOtherShard() {
    FlakyCoreClient down = FlakyCoreClient.of(shard1);
    down.failWith(FlakyCoreClient.status(Code.UNAVAILABLE));
    SearchRequest request = Shards.search("metric_dot", 2, 10);

    SearchResponse response =
        ScatterGather.search(plan(shard0, down), request, Metric.METRIC_DOT, true).join().response();

    assertThat(response.getPartial()).isTrue();
    assertThat(response.getShards(0).getStatus().getCode()).isZero();
    assertThat(response.getShards(1).getStatus().getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
    assertThat(response.getShards(1).hasCall()).isFalse();
    assertThat(response.getResultsList())
        .isEqualTo(shard0.search(request).join().response().getResultsList());
    assertThat(response.getResults(0).getHitsList()).extracting(ScoredId::getId)
        .allMatch(id -> id % 2 == 0);
  }

  @Test
  void search_everyShardDownWithAllowPartial_failsWithMostSevere() {
    FlakyCoreClient slow = FlakyCoreClient.of(shard0);
    slow.failWith(FlakyCoreClient.status(Code.UNAVAILABLE));
    FlakyCoreClient bad = FlakyCoreClient.of(shard1);
    bad.failWith(FlakyCoreClient.status(Code.NOT_FOUND));

    assertThatThrownBy(
            () -> ScatterGather.search(plan(slow, bad), Shards.search("metric_dot", 1, 10), Metric.METRIC_DOT, true).join())
        .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.NOT_FOUND_VALUE));
  }

  @Test
  void search_unspecifiedMetric_refused() {
    assertThatThrownBy(
            () -> ScatterGather.search(plan(shard0, shard1), Shards.search("metric_dot", 1, 1), Metric.METRIC_UNSPECIFIED, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
