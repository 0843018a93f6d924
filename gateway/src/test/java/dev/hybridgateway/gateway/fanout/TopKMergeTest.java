package dev.hybridgateway.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.ScoredId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopKMergeTest {
  private static Neighbors list(Object... idScore) {
    Neighbors.Builder n = Neighbors.newBuilder();
    for (int i = 0; i < idScore.length; i += 2) {
      n.addHits(ScoredId.newBuilder().setId((Long) idScore[i]).setScore((Float) idScore[i + 1]));
    }
    return n.build();
  }

  private static List<Long> ids(Neighbors n) {
    return n.getHitsList().stream().map(ScoredId::getId).toList();
  }

  @Test
  void merge_dot_highestFirstTiesBySmallerIdNanLast() {
    Neighbors a = list(4L, 2f, 2L, 1f, 8L, Float.NaN);
    Neighbors b = list(3L, 2f, 1L, 0f, 5L, -0f);

    assertThat(ids(TopKMerge.merge(List.of(a, b), 10, Metric.METRIC_DOT)))
        .containsExactly(3L, 4L, 2L, 1L, 5L, 8L);
  }

  @Test
  void merge_l2_lowestFirstAndTruncatedToK() {
    Neighbors a = list(0L, 0.5f, 2L, 3f);
    Neighbors b = list(1L, 0.25f, 3L, Float.NaN);

    assertThat(ids(TopKMerge.merge(List.of(a, b), 3, Metric.METRIC_L2))).containsExactly(1L, 0L, 2L);
  }

  @Test
  void merge_idsComparedUnsigned() {
    Neighbors a = list(-1L, 1f);
    Neighbors b = list(7L, 1f);

    assertThat(ids(TopKMerge.merge(List.of(a, b), 2, Metric.METRIC_DOT))).containsExactly(7L, -1L);
  }

  @Test
  void severity_requestErrorsBeforeBackendErrorsBeforeCancelled() {
    Status cancelled = Status.newBuilder().setCode(Code.CANCELLED_VALUE).build();
    Status unavailable = Status.newBuilder().setCode(Code.UNAVAILABLE_VALUE).build();
    Status invalid = Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE).build();
    Status internal = Status.newBuilder().setCode(Code.INTERNAL_VALUE).build();

    assertThat(ShardSeverity.mostSevere(List.of(cancelled, unavailable))).isEqualTo(unavailable);
    assertThat(ShardSeverity.mostSevere(List.of(unavailable, internal, invalid))).isEqualTo(invalid);
    assertThat(ShardSeverity.mostSevere(List.of(cancelled, internal))).isEqualTo(internal);
  }
}
