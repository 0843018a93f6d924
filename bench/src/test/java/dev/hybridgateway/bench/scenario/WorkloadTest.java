package dev.hybridgateway.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.Metric;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  @Test
  void of_sameSeed_sameBytes_otherSeed_otherBytes() {
    Workload.Search a = (Workload.Search) Workload.of(Scenario.SEARCH_SMALL, "c", 1);
    Workload.Search b = (Workload.Search) Workload.of(Scenario.SEARCH_SMALL, "c", 1);
    Workload.Search c = (Workload.Search) Workload.of(Scenario.SEARCH_SMALL, "c", 2);

    assertThat(a.requests()).isEqualTo(b.requests());
    assertThat(a.request(0)).isNotEqualTo(c.request(0));
  }

  @Test
  void of_eachScenario_hasTheIssuesShape() {
    Workload.Search small = (Workload.Search) Workload.of(Scenario.SEARCH_SMALL, "c", 1);
    Workload.Search batch = (Workload.Search) Workload.of(Scenario.SEARCH_BATCH, "c", 1);
    Workload.Rerank rerank = (Workload.Rerank) Workload.of(Scenario.RERANK_LARGE, "", 1);

    assertThat(small.request(0).getQueriesCount()).isEqualTo(1);
    assertThat(small.request(0).getK()).isEqualTo(10);
    assertThat(small.request(0).getQueries(0).getValuesCount()).isEqualTo(384);
    assertThat(batch.request(0).getQueriesCount()).isEqualTo(32);
    assertThat(rerank.request(0).getCandidatesCount()).isEqualTo(1000);
    assertThat(rerank.request(0).getMetric()).isEqualTo(Metric.METRIC_COSINE);
    assertThat(Scenario.TINY.vectors()).isEqualTo(1000);
    assertThat(Scenario.SEARCH_SMALL.vectors()).isEqualTo(100_000);
  }

  @Test
  void request_cyclesThePool() {
    Workload.Search tiny = (Workload.Search) Workload.of(Scenario.TINY, "c", 1);

    assertThat(tiny.request(Scenario.TINY.poolSize())).isEqualTo(tiny.request(0));
    assertThat(tiny.request(1)).isNotEqualTo(tiny.request(0));
  }
}
