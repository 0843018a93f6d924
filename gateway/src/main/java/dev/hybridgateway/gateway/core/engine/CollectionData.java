package dev.hybridgateway.gateway.core.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The vectors of one collection (hotpath-core's {@code collection.rs} {@code Data}): row-major
 * values, one id per row, and the memory charged for them. Ids stay sorted ascending (unsigned, as
 * Rust's u64) while vectors arrive in id order and are then found by binary search; the first
 * upsert that breaks the order builds an id → row map, charged by hashbrown's formula so the
 * accounting equals the Rust core's. Guarded by its collection's lock.
 */
final class CollectionData {
  final RowStore vectors;
  private long[] ids;
  private int size;
  private boolean idsSorted;
  private Map<Long, Integer> index;

  /** Bytes of the reservation that pay for the index. */
  long indexCharged;

  /** Bytes charged for the rows' capacity and the index. */
  final MemoryBudget.Reservation reservation;

  /** Data over {@code size} rows of {@code vectors}/{@code ids} (ids in any order). */
  CollectionData(RowStore vectors, long[] ids, int size, MemoryBudget.Reservation reservation) {
    this.vectors = vectors;
    this.ids = ids;
    this.size = size;
    this.reservation = reservation;
    this.idsSorted = true;
    for (int r = 1; r < size && idsSorted; r++) {
      idsSorted = Long.compareUnsigned(ids[r - 1], ids[r]) < 0;
    }
    if (!idsSorted) {
      index = new HashMap<>();
      for (int r = 0; r < size; r++) {
        index.put(ids[r], r);
      }
    }
  }

  int size() {
    return size;
  }

  /** The ids array; {@code ids()[r]} is the id of row {@code r < size()}. */
  long[] ids() {
    return ids;
  }

  /** The row of {@code id}, or -1. */
  int rowOf(long id) {
    if (!idsSorted) {
      Integer row = index.get(id);
      return row == null ? -1 : row;
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = Long.compareUnsigned(ids[mid], id);
      if (cmp == 0) {
        return mid;
      }
      if (cmp < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /** The rows of {@code wanted} that this collection holds, ascending, without duplicates. */
  int[] rowsOf(long[] wanted) {
    int[] rows = new int[wanted.length];
    int n = 0;
    for (long id : wanted) {
      int row = rowOf(id);
      if (row >= 0) {
        rows[n++] = row;
      }
    }
    Arrays.sort(rows, 0, n);
    int unique = 0;
    for (int i = 0; i < n; i++) {
      if (unique == 0 || rows[unique - 1] != rows[i]) {
        rows[unique++] = rows[i];
      }
    }
    return Arrays.copyOf(rows, unique);
  }

  /** Whether appending {@code newIds} (in order) keeps the ids sorted. */
  boolean staysSortedAfter(long[] newIds) {
    if (!idsSorted) {
      return false;
    }
    boolean hasLast = size > 0;
    long last = hasLast ? ids[size - 1] : 0;
    for (long id : newIds) {
      if (hasLast && Long.compareUnsigned(id, last) <= 0) {
        return false;
      }
      last = id;
      hasLast = true;
    }
    return true;
  }

  boolean hasIndex() {
    return index != null;
  }

  /**
   * Bytes the id → row map would take at {@code items} entries: hashbrown's power-of-two buckets at
   * 7/8 load, 16 bytes of entry + 1 control byte each, plus 16.
   */
  static long indexBytes(long items) {
    if (items == 0) {
      return 0;
    }
    long buckets = items < 4 ? 4 : items < 8 ? 8 : nextPowerOfTwo(items * 8 / 7);
    return buckets * 17 + 16;
  }

  private static long nextPowerOfTwo(long n) {
    return n <= 1 ? 1 : Long.highestOneBit(n - 1) << 1;
  }

  /** Appends a vector (capacity must have been reserved and charged by the caller). */
  void push(long id, float[] values, int off) {
    int row = size;
    ids[row] = id;
    vectors.write(row, values, off);
    size++;
    if (index != null) {
      index.put(id, row);
    }
    if (idsSorted && row > 0 && Long.compareUnsigned(ids[row - 1], id) >= 0) {
      idsSorted = false;
      if (index == null) {
        index = new HashMap<>();
      }
      for (int r = 0; r < size; r++) {
        index.put(ids[r], r);
      }
    }
  }

  /** Overwrites the values of {@code row}. */
  void overwrite(int row, float[] values, int off) {
    vectors.write(row, values, off);
  }

  /** Reserves room for {@code extra} more rows (exactly, as {@code Vec::reserve_exact}). */
  void reserveRows(int extra, int indexItems) {
    int rows = size + extra;
    if (rows > ids.length) {
      ids = Arrays.copyOf(ids, rows);
    }
    vectors.ensureCapacity(rows);
    if (indexItems >= 0 && index == null) {
      index = HashMap.newHashMap(indexItems);
    }
  }

  /** Rows the buffers hold without reallocating (the charged capacity). */
  int capacityRows() {
    return vectors.capacity();
  }
}
