package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.Neighbors;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact top-k scan shared by Search and Rerank, as hotpath-core's {@code scan.rs}: blocks of
 * ~64 KiB of rows × every query (a block stays in cache while the queries visit it), polling the
 * {@link StopSignal} and publishing {@code vectors_scanned} every {@code max(1, 262144 / dim)}
 * scored vectors — a few tens of microseconds of work, far below the 1 ms budget.
 */
final class Scan {
  /** Rows per block: about 64 KiB of vectors. */
  static final int BLOCK_BYTES = 64 * 1024;

  /** Multiply-adds between two stop checks. */
  static final int CHECK_EVERY_MACS = 262_144;

  private final Kernel kernel;
  private final boolean l2;
  private final int k;
  private final StopSignal stop;
  private final WorkCounters counters;

  /** A scan with squared L2 (lower is better) when {@code l2}, else dot (higher is better). */
  Scan(Kernel kernel, boolean l2, int k, StopSignal stop, WorkCounters counters) {
    this.kernel = requireNonNull(kernel, "kernel");
    this.l2 = l2;
    this.k = k;
    this.stop = requireNonNull(stop, "stop");
    this.counters = requireNonNull(counters, "counters");
  }

  /** The hits per query (best first) and the query × row pairs scored. */
  record Scanned(List<Neighbors> hits, long vectorsScanned) {}

  /**
   * Scores every query ({@code queries}: row-major, {@code dim} wide) against every row and keeps
   * the top {@code k} of each. Throws the stop error when the deadline passes or the caller
   * cancels; the counters then include the work done until then.
   */
  Scanned run(float[] queries, int dim, Rows rows) {
    stop.check();
    int queryCount = queries.length / dim;
    int rowCount = rows.size();
    int block = Math.min(Math.max(BLOCK_BYTES / (dim * 4), 4), Math.max(rowCount, 1));
    int checkEvery = Math.max(CHECK_EVERY_MACS / dim, 1);
    boolean higherIsBetter = !l2;

    TopK[] tops = new TopK[queryCount];
    for (int q = 0; q < queryCount; q++) {
      tops[q] = new TopK(k);
    }
    float[] scores = new float[block];
    long[] ids = new long[block];
    Rows.BlockView view = new Rows.BlockView();
    long sinceCheck = 0;
    long total = 0;

    for (int start = 0; start < rowCount; ) {
      int end = Math.min(start + block, rowCount);
      int n = end - start;
      rows.block(dim, start, end, view);
      rows.ids(start, end, ids);
      for (int q = 0; q < queryCount; q++) {
        kernel.scoreRows(l2, queries, q * dim, view.data, view.offset, n, dim, scores);
        TopK top = tops[q];
        for (int j = 0; j < n; j++) {
          top.offer(TopK.key(scores[j], higherIsBetter), ids[j]);
        }
        sinceCheck += n;
        if (sinceCheck >= checkEvery) {
          counters.addScanned(sinceCheck);
          total += sinceCheck;
          sinceCheck = 0;
          stop.check();
        }
      }
      start = end;
    }
    counters.addScanned(sinceCheck);
    total += sinceCheck;
    List<Neighbors> hits = new ArrayList<>(queryCount);
    for (TopK top : tops) {
      hits.add(top.toNeighbors(higherIsBetter));
    }
    return new Scanned(hits, total);
  }
}
