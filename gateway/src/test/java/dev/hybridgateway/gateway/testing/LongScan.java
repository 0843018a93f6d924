package dev.hybridgateway.gateway.testing;

import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.Vector;
import java.util.List;

/**
 * A search that keeps the Rust core busy for about a second on an idle 2-core machine (256
 * queries over 400,000 × 128 vectors, 1.3·10¹⁰ multiply-adds over a 205 MB collection) with a
 * small request (130 KB, so it reaches the core within a fraction of a millisecond), for the
 * tests that stop it with a deadline or a cancellation. Preload the collection with
 * {@code RustCoreServer.start("--preload", LongScan.PRELOAD)}.
 */
public final class LongScan {
  /** Collection name. */
  public static final String COLLECTION = "big";
  /** hotpath-server {@code --preload} spec of the collection. */
  public static final String PRELOAD =
      COLLECTION + ":synthetic:seed=7,count=400000,dim=128,metric=dot";
  /** Queries of the search. */
  public static final int QUERIES = 256;
  /** Vectors a complete scan scores (queries × collection size). */
  public static final long FULL_SCAN = 400_000L * QUERIES;

  private static final List<Vector> QUERY_VECTORS = TestVectors.of(QUERIES, 128, 1);

  private LongScan() {}

  /** The queries (built once). */
  public static List<Vector> queries() {
    return QUERY_VECTORS;
  }

  /**
   * Calls the core stopped, by deadline or cancellation. A gRPC client enforces its deadline
   * itself (grpc-java cancels the stream, RST_STREAM, when it passes) at the same instant the
   * core's deadline passes, so the core counts the stop under whichever it notices first.
   */
  public static long stops(EngineStats stats) {
    return stats.getStoppedByDeadline() + stats.getStoppedByCancellation();
  }
}
