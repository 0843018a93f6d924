package dev.hybridgateway.gateway.core.ffi;

import static dev.hybridgateway.gateway.core.ffi.HotpathLayouts.BUFFER;
import static dev.hybridgateway.gateway.core.ffi.HotpathLayouts.TIMING;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import com.google.protobuf.ByteString;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.Vector;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.List;

/**
 * The zero-copy end of the boundary: Search and Rerank through {@code hotpath_search_f32} and
 * {@code hotpath_rerank_f32}. Floats are written once, straight from the request into the
 * worker's scratch memory; Rust scores them in place and writes the hits into arrays Java
 * allocated; no protobuf crosses the boundary. The responses equal the generic path's (same
 * ids, bit-identical scores, the core's timing) except {@code SearchResponse.vectors_scanned},
 * which the fast ABI does not report (0), and a Search hit with id {@code UINT64_MAX} and a NaN
 * score, which the fast ABI cannot tell from padding (see {@link FastResults#neighbors}).
 *
 * <p>Only requests that fit a row-major matrix take this path ({@link #fits}): the fast ABI has
 * no filter, no per-vector dims and no Search metric, so anything else, including every request
 * whose shape is invalid, takes the generic path and gets exactly its error.
 */
final class FastPath {
  private static final int MAX_DIM = 4096;
  private static final int MAX_K = 1000;
  private static final int MAX_SEARCH_QUERIES = 1024;
  private static final int MAX_RERANK_QUERIES = 64;
  private static final int MAX_CANDIDATES = 100_000;

  private FastPath() {}

  /** Whether {@code request} fits hotpath_search_f32 (no filter, the collection's metric). */
  static boolean fits(SearchRequest request) {
    return !request.hasFilter()
        && request.getMetricValue() == 0
        && request.getK() >= 1
        && request.getK() <= MAX_K
        && dim(request.getQueriesList(), MAX_SEARCH_QUERIES) > 0;
  }

  /** Whether {@code request} fits hotpath_rerank_f32 (one dim, ids absent or one per row). */
  static boolean fits(RerankRequest request) {
    int dim = dim(request.getQueriesList(), MAX_RERANK_QUERIES);
    int ids = request.getCandidateIdsCount();
    return request.getMetricValue() >= 1
        && request.getMetricValue() <= 3
        && request.getK() >= 1
        && request.getK() <= MAX_K
        && dim > 0
        && dim(request.getCandidatesList(), MAX_CANDIDATES) == dim
        && (ids == 0 || ids == request.getCandidatesCount());
  }

  static SearchResponse search(NativeCallContext context, SearchRequest request) {
    int n = request.getQueriesCount();
    int dim = request.getQueries(0).getValuesCount();
    int k = request.getK();
    ByteString name = request.getCollectionBytes();
    long slots = (long) n * k;
    long floats = (long) n * dim;
    // Most aligned first (8, then 4, then 1), so the slices need no padding.
    SegmentAllocator scratch = context.scratch().reserve(
        BUFFER.byteSize() + TIMING.byteSize() + slots * 12 + floats * 4 + name.size());
    MemorySegment status = scratch.allocate(BUFFER);
    MemorySegment timing = scratch.allocate(TIMING);
    MemorySegment ids = scratch.allocate(JAVA_LONG, slots);
    MemorySegment scores = scratch.allocate(JAVA_FLOAT, slots);
    MemorySegment queries = scratch.allocate(JAVA_FLOAT, floats);
    MemorySegment collection = scratch.allocate(name.size(), 1);
    FastResults.writeRows(queries, request.getQueriesList(), dim);
    name.copyTo(collection.asByteBuffer());
    // Zeroed = the empty buffer, so the free in the finally is safe on every path.
    status.fill((byte) 0);
    HotpathBindings bindings = context.bindings();
    try {
      int code = bindings.searchF32(context.engine(), collection, name.size(), queries, n, dim, k,
          context.budgetNanos(), context.cancelFlag(), ids, scores, timing, status);
      FastResults.check(code, status);
      return SearchResponse.newBuilder()
          .addAllResults(FastResults.neighbors(ids, scores, n, k, -1))
          .setTiming(FastResults.timing(timing))
          .build();
    } finally {
      // The Status buffer Rust hands out on error (empty on OK) is given back exactly once.
      bindings.bufferFree(status);
    }
  }

  static RerankResponse rerank(NativeCallContext context, RerankRequest request) {
    int n = request.getQueriesCount();
    int m = request.getCandidatesCount();
    int dim = request.getQueries(0).getValuesCount();
    int k = request.getK();
    boolean withIds = request.getCandidateIdsCount() > 0;
    long slots = (long) n * k;
    long idBytes = withIds ? m * 8L : 0;
    SegmentAllocator scratch = context.scratch().reserve(BUFFER.byteSize() + TIMING.byteSize()
        + slots * 12 + idBytes + ((long) n + m) * dim * 4);
    MemorySegment status = scratch.allocate(BUFFER);
    MemorySegment timing = scratch.allocate(TIMING);
    MemorySegment ids = scratch.allocate(JAVA_LONG, slots);
    MemorySegment candidateIds = withIds ? scratch.allocate(JAVA_LONG, m) : MemorySegment.NULL;
    MemorySegment scores = scratch.allocate(JAVA_FLOAT, slots);
    MemorySegment queries = scratch.allocate(JAVA_FLOAT, (long) n * dim);
    MemorySegment candidates = scratch.allocate(JAVA_FLOAT, (long) m * dim);
    FastResults.writeRows(queries, request.getQueriesList(), dim);
    FastResults.writeRows(candidates, request.getCandidatesList(), dim);
    if (withIds) {
      for (int j = 0; j < m; j++) {
        candidateIds.setAtIndex(JAVA_LONG, j, request.getCandidateIds(j));
      }
    }
    status.fill((byte) 0);
    HotpathBindings bindings = context.bindings();
    try {
      int code = bindings.rerankF32(context.engine(), request.getMetricValue(), queries, n,
          candidates, m, candidateIds, dim, k, context.budgetNanos(), context.cancelFlag(), ids,
          scores, timing, status);
      FastResults.check(code, status);
      // Every candidate is scored (NaN ranks last but counts): min(k, m) hits per query.
      return RerankResponse.newBuilder()
          .addAllResults(FastResults.neighbors(ids, scores, n, k, Math.min(k, m)))
          .setTiming(FastResults.timing(timing))
          .build();
    } finally {
      bindings.bufferFree(status);
    }
  }

  /** The common length of 1..max rows, each 1..4096 values; 0 when there is none. */
  private static int dim(List<Vector> rows, int max) {
    if (rows.isEmpty() || rows.size() > max) {
      return 0;
    }
    int dim = rows.get(0).getValuesCount();
    if (dim < 1 || dim > MAX_DIM) {
      return 0;
    }
    for (Vector row : rows) {
      if (row.getValuesCount() != dim) {
        return 0;
      }
    }
    return dim;
  }
}
