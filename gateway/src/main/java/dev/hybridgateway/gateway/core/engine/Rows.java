package dev.hybridgateway.gateway.core.engine;

import dev.hybridgateway.core.v1.Vector;
import java.util.List;

/**
 * The rows a {@link Scan} visits (hotpath-core's {@code scan.rs} {@code Rows}): every row of a
 * collection, its filter-selected rows, a flat row-major array (Rerank's normalized cosine
 * candidates) or vectors sent inline in the request. A block of consecutive rows is handed to the
 * kernel as one contiguous (array, offset) span, gathered into the view's scratch array when the
 * rows are not already contiguous.
 */
abstract sealed class Rows {
  /** Number of rows. */
  abstract int size();

  /** Writes the ids of rows {@code [start, end)} into {@code out[0, end-start)}. */
  abstract void ids(int start, int end, long[] out);

  /** Points {@code view} at rows {@code [start, end)} as contiguous floats, {@code dim} wide. */
  abstract void block(int dim, int start, int end, BlockView view);

  /** Every row of a collection; row {@code r} has id {@code data.ids()[r]}. */
  static Rows all(CollectionData data) {
    return new Stored(data, null);
  }

  /** The listed rows (ascending) of a collection. */
  static Rows selected(CollectionData data, int[] rows) {
    return new Stored(data, rows);
  }

  /** Row-major {@code data}; row {@code j} has id {@code ids[j]}, or {@code j} when ids is null. */
  static Rows flat(float[] data, int dim, long[] ids) {
    return new Flat(data, data.length / dim, ids);
  }

  /**
   * Vectors of a request; vector {@code j} has id {@code ids[j]}, or {@code j} when ids is null.
   */
  static Rows inline(List<Vector> vectors, long[] ids) {
    return new Inline(vectors, ids);
  }

  /** Where the current block lies, plus the scratch array gathered blocks are copied into. */
  static final class BlockView {
    float[] data;
    int offset;
    private float[] scratch = new float[0];

    float[] scratch(int floats) {
      if (scratch.length < floats) {
        scratch = new float[floats];
      }
      return scratch;
    }
  }

  private static void positions(long[] ids, int start, int end, long[] out) {
    for (int j = start; j < end; j++) {
      out[j - start] = ids == null ? j : ids[j];
    }
  }

  private static final class Stored extends Rows {
    private final CollectionData data;
    private final int[] rows;

    Stored(CollectionData data, int[] rows) {
      this.data = data;
      this.rows = rows;
    }

    @Override
    int size() {
      return rows == null ? data.size() : rows.length;
    }

    @Override
    void ids(int start, int end, long[] out) {
      long[] ids = data.ids();
      for (int j = start; j < end; j++) {
        out[j - start] = ids[rows == null ? j : rows[j]];
      }
    }

    @Override
    void block(int dim, int start, int end, BlockView view) {
      RowStore store = data.vectors;
      if (rows == null && store.contiguous(start, end)) {
        view.data = store.array(start);
        view.offset = store.offset(start);
        return;
      }
      float[] scratch = view.scratch((end - start) * dim);
      for (int j = start; j < end; j++) {
        store.read(rows == null ? j : rows[j], scratch, (j - start) * dim);
      }
      view.data = scratch;
      view.offset = 0;
    }
  }

  private static final class Flat extends Rows {
    private final float[] data;
    private final int size;
    private final long[] ids;

    Flat(float[] data, int size, long[] ids) {
      this.data = data;
      this.size = size;
      this.ids = ids;
    }

    @Override
    int size() {
      return size;
    }

    @Override
    void ids(int start, int end, long[] out) {
      positions(ids, start, end, out);
    }

    @Override
    void block(int dim, int start, int end, BlockView view) {
      view.data = data;
      view.offset = start * dim;
    }
  }

  private static final class Inline extends Rows {
    private final List<Vector> vectors;
    private final long[] ids;

    Inline(List<Vector> vectors, long[] ids) {
      this.vectors = vectors;
      this.ids = ids;
    }

    @Override
    int size() {
      return vectors.size();
    }

    @Override
    void ids(int start, int end, long[] out) {
      positions(ids, start, end, out);
    }

    @Override
    void block(int dim, int start, int end, BlockView view) {
      float[] scratch = view.scratch((end - start) * dim);
      for (int j = start; j < end; j++) {
        Vector vector = vectors.get(j);
        int base = (j - start) * dim;
        for (int d = 0; d < dim; d++) {
          scratch[base + d] = vector.getValues(d);
        }
      }
      view.data = scratch;
      view.offset = 0;
    }
  }
}
