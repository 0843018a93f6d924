package dev.hybridgateway.gateway.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.ScoredId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical top-k order of topk.rs: best first, ties by smaller (unsigned) id, NaN last. */
class TopKTest {

  private static List<String> hits(Neighbors n) {
    return n.getHitsList().stream()
        .map(h -> Long.toUnsignedString(h.getId()) + "=" + h.getScore())
        .toList();
  }

  @Test
  void key_scoresInIncreasingOrder_ordersBestFirstForBothDirections() {
    float[] scores = {
      Float.NEGATIVE_INFINITY, -2.5f, -0.0f, 0.0f, Float.MIN_VALUE, 3.0f, Float.POSITIVE_INFINITY
    };
    for (int i = 1; i < scores.length; i++) {
      assertThat(TopK.key(scores[i], true)).isLessThan(TopK.key(scores[i - 1], true));
      assertThat(TopK.key(scores[i - 1], false)).isLessThan(TopK.key(scores[i], false));
    }
    assertThat(TopK.key(Float.NaN, true)).isEqualTo(Integer.MAX_VALUE);
    assertThat(TopK.key(Float.intBitsToFloat(0xFFC00001), false)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void scoreOf_everyKey_invertsBitExactlyAndCanonicalizesNaN() {
    for (float s :
        new float[] {
          0.0f,
          -0.0f,
          1.5f,
          -7.25f,
          Float.MAX_VALUE,
          Float.MIN_NORMAL,
          Float.MIN_VALUE,
          Float.POSITIVE_INFINITY
        }) {
      for (boolean hib : new boolean[] {false, true}) {
        assertThat(Float.floatToRawIntBits(TopK.scoreOf(TopK.key(s, hib), hib)))
            .isEqualTo(Float.floatToRawIntBits(s));
      }
    }
    assertThat(Float.floatToRawIntBits(TopK.scoreOf(TopK.key(Float.NaN, true), true)))
        .isEqualTo(0x7FC00000);
  }

  @Test
  void offer_tiesAndMoreHitsThanK_keepsBestWithSmallerIds() {
    TopK top = new TopK(3);
    long[] ids = {5, 1, 9, 3, 0, 2};
    float[] scores = {1.0f, 2.0f, 2.0f, 2.0f, 0.5f, 2.0f};
    for (int i = 0; i < ids.length; i++) {
      top.offer(TopK.key(scores[i], true), ids[i]);
    }
    assertThat(hits(top.toNeighbors(true))).containsExactly("1=2.0", "2=2.0", "3=2.0");
  }

  @Test
  void offer_idsAbove2Pow63_compareUnsigned() {
    TopK top = new TopK(2);
    top.offer(TopK.key(1.0f, false), -1L);
    top.offer(TopK.key(1.0f, false), 7);
    top.offer(TopK.key(1.0f, false), Long.MIN_VALUE);
    assertThat(top.toNeighbors(false).getHitsList())
        .extracting(ScoredId::getId)
        .containsExactly(7L, Long.MIN_VALUE);
  }

  @Test
  void offer_nanScores_rankAfterEveryNumberUnderEveryMetric() {
    for (boolean hib : new boolean[] {true, false}) {
      TopK top = new TopK(3);
      top.offer(TopK.key(Float.NaN, hib), 0);
      top.offer(TopK.key(hib ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY, hib), 1);
      top.offer(TopK.key(Float.NaN, hib), 2);
      top.offer(TopK.key(Float.NaN, hib), 3);
      Neighbors n = top.toNeighbors(hib);
      assertThat(n.getHitsList()).extracting(ScoredId::getId).containsExactly(1L, 0L, 2L);
      assertThat(Float.floatToRawIntBits(n.getHits(2).getScore())).isEqualTo(0x7FC00000);
    }
  }

  @Test
  void toNeighbors_fewerHitsThanK_returnsThemSorted() {
    TopK top = new TopK(10);
    top.offer(TopK.key(1.0f, false), 4);
    top.offer(TopK.key(0.5f, false), 7);
    assertThat(hits(top.toNeighbors(false))).containsExactly("7=0.5", "4=1.0");
  }
}
