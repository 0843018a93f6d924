package dev.hybridgateway.gateway.core.engine;

import java.util.Arrays;

/**
 * Row-major float32 storage of one collection's vectors, in chunks of whole rows so a collection
 * may exceed the 2^31-element limit of one Java array (Rust keeps one {@code Vec<f32>}). Each chunk
 * holds at most {@link #CHUNK_FLOATS} floats; rows never straddle chunks, so the scan scores them
 * in place. The capacity (allocated rows) may exceed the rows in use, as a Vec's does.
 */
final class RowStore {
  /** Floats per full chunk: 256 MiB. */
  static final int CHUNK_FLOATS = 1 << 26;

  private final int dim;
  private final int chunkRows;
  private float[][] chunks = new float[0][];
  private int capacity;

  /** A store of {@code dim}-wide rows with room for {@code capacityRows}. */
  RowStore(int dim, int capacityRows) {
    this.dim = dim;
    this.chunkRows = Math.max(1, CHUNK_FLOATS / dim);
    ensureCapacity(capacityRows);
  }

  int dim() {
    return dim;
  }

  /** Rows the store can hold without reallocating. */
  int capacity() {
    return capacity;
  }

  /** Grows the capacity to at least {@code rows} (exactly {@code rows} when it grows). */
  void ensureCapacity(int rows) {
    if (rows <= capacity) {
      return;
    }
    int full = (rows - 1) / chunkRows;
    float[][] grown = Arrays.copyOf(chunks, full + 1);
    for (int c = 0; c <= full; c++) {
      int rowsInChunk = c < full ? chunkRows : rows - full * chunkRows;
      int floats = rowsInChunk * dim;
      if (grown[c] == null) {
        grown[c] = new float[floats];
      } else if (grown[c].length < floats) {
        grown[c] = Arrays.copyOf(grown[c], floats);
      }
    }
    chunks = grown;
    capacity = rows;
  }

  /** The array holding {@code row}. */
  float[] array(int row) {
    return chunks[row / chunkRows];
  }

  /** The offset of {@code row} in {@link #array(int)}. */
  int offset(int row) {
    return (row % chunkRows) * dim;
  }

  /**
   * Whether rows {@code [start, end)} lie in one array (always true unless a chunk ends inside).
   */
  boolean contiguous(int start, int end) {
    return start / chunkRows == (end - 1) / chunkRows;
  }

  /** Copies row {@code row} into {@code out[off, off+dim)}. */
  void read(int row, float[] out, int off) {
    System.arraycopy(array(row), offset(row), out, off, dim);
  }

  /** Overwrites row {@code row} with {@code src[off, off+dim)}. */
  void write(int row, float[] src, int off) {
    System.arraycopy(src, off, array(row), offset(row), dim);
  }
}
