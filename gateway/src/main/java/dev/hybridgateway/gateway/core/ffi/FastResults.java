package dev.hybridgateway.gateway.core.ffi;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.ScoredId;
import dev.hybridgateway.core.v1.Vector;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java side of the fast paths' raw memory: float rows written into scratch memory straight
 * from the request's vectors, and the caller-allocated outputs read back into the messages the
 * generic path returns.
 */
final class FastResults {
  /** {@code UINT64_MAX}: the id Rust writes into slots beyond the hits found (score NaN). */
  static final long PADDING_ID = -1L;

  private FastResults() {}

  /** Writes {@code rows} (each {@code dim} values) row-major into {@code target}. */
  static void writeRows(MemorySegment target, List<Vector> rows, int dim) {
    long index = 0;
    for (Vector row : rows) {
      for (int i = 0; i < dim; i++) {
        // getValues(i) reads the primitive float list without boxing.
        target.setAtIndex(JAVA_FLOAT, index++, row.getValues(i));
      }
    }
  }

  /**
   * The hits of {@code n} queries from {@code out_ids}/{@code out_scores} ({@code k} slots each,
   * best first). {@code hits} is the number of hits per query when the caller knows it (Rerank
   * scores every candidate: {@code min(k, candidates)}), or -1: then a slot with id {@code
   * UINT64_MAX} and a NaN score is taken as padding and ends the list. That sentinel is
   * ambiguous: a real hit can have exactly that id and score, so Search, which cannot know its
   * hit count, drops such a hit (an ABI limitation; the generic path keeps it).
   */
  static List<Neighbors> neighbors(MemorySegment ids, MemorySegment scores, int n, int k,
      int hits) {
    List<Neighbors> results = new ArrayList<>(n);
    for (int q = 0; q < n; q++) {
      Neighbors.Builder list = Neighbors.newBuilder();
      for (int i = 0; i < (hits < 0 ? k : hits); i++) {
        long slot = (long) q * k + i;
        long id = ids.getAtIndex(JAVA_LONG, slot);
        float score = scores.getAtIndex(JAVA_FLOAT, slot);
        if (hits < 0 && id == PADDING_ID && Float.isNaN(score)) {
          break;
        }
        list.addHits(ScoredId.newBuilder().setId(id).setScore(score));
      }
      results.add(list.build());
    }
    return results;
  }

  /** The {@code HotpathTiming} Rust wrote, as the CoreTiming of the generic responses. */
  static CoreTiming timing(MemorySegment timing) {
    return CoreTiming.newBuilder()
        .setQueueNs(HotpathLayouts.queueNs(timing))
        .setDecodeNs(HotpathLayouts.decodeNs(timing))
        .setComputeNs(HotpathLayouts.computeNs(timing))
        .setEncodeNs(HotpathLayouts.encodeNs(timing))
        .build();
  }

  /** Throws the call's error when {@code code} is not OK ({@code status} is still Rust's). */
  static void check(int code, MemorySegment status) {
    if (code != 0) {
      throw NativeStatus.error(code, HotpathLayouts.contents(status));
    }
  }
}
