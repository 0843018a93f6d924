package dev.hybridgateway.gateway.core.engine;

import dev.hybridgateway.core.v1.ErrorReason;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.UpsertVectorsRequest;
import dev.hybridgateway.core.v1.UpsertVectorsResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * UpsertVectors (hotpath-core's {@code upsert.rs}): inserts vectors or replaces those whose id
 * exists; within one request a repeated id keeps its last vector. All-or-nothing: validation,
 * normalization and the memory charge happen before the collection is touched, and the stop signal
 * is checked just before the write. Growth is charged like a Rust Vec growing by half again (or
 * exactly, when the budget is short), so {@code memory_bytes} equals the Rust core's.
 */
final class Upsert {
  /** Most vectors of one upsert. */
  static final int MAX_UPSERT = 100_000;

  /** Most rows of one Java collection (the largest Java array of ids). */
  static final int MAX_ROWS = Integer.MAX_VALUE - 8;

  private Upsert() {}

  static UpsertVectorsResponse run(JavaEngine engine, UpsertVectorsRequest req, StopSignal stop) {
    JavaEngine.Timed<long[]> done = engine.timedCall(() -> upsert(engine, req, stop));
    return UpsertVectorsResponse.newBuilder()
        .setUpserted(done.value()[0])
        .setCount(done.value()[1])
        .setTiming(done.timing())
        .build();
  }

  private static long[] upsert(JavaEngine engine, UpsertVectorsRequest req, StopSignal stop) {
    Violations v = new Violations();
    v.collectionName("collection", req.getCollection());
    boolean idsOk = v.count("ids", req.getIdsCount(), 1, MAX_UPSERT);
    boolean vectorsOk = v.count("vectors", req.getVectorsCount(), 1, MAX_UPSERT);
    if (idsOk && vectorsOk && req.getIdsCount() != req.getVectorsCount()) {
      v.add(
          ErrorReason.INVALID_FIELD,
          "vectors",
          "must have one vector per id (" + req.getIdsCount() + "), has " + req.getVectorsCount());
    }
    if (vectorsOk) {
      v.vectors("vectors", req.getVectorsList());
    }
    v.throwIfAny();

    ResidentCollection collection = engine.acquire(req.getCollection());
    try {
      int dim = collection.dim;
      long[] ids = Search.toArray(req.getIdsList());
      Violations against = new Violations();
      against.dims("vectors", req.getVectorsList(), dim, "the collection's dim");
      for (int i = 0; i < ids.length && !against.isFull(); i++) {
        if (!collection.owns(ids[i])) {
          against.add(
              ErrorReason.INVALID_FIELD,
              "ids[" + i + "]",
              "id "
                  + Long.toUnsignedString(ids[i])
                  + " does not belong to shard "
                  + collection.shardIndex
                  + " of "
                  + collection.shardCount);
        }
      }
      against.throwIfAny();

      float[] values = Search.flatten(req.getVectorsList(), dim);
      if (collection.metric == Metric.METRIC_COSINE) {
        Violations zero = new Violations();
        for (int i = 0; i < ids.length; i++) {
          String why = engine.kernel.normalize(values, i * dim, dim);
          if (why != null) {
            zero.add(ErrorReason.INVALID_FIELD, "vectors[" + i + "].values", why);
          }
        }
        zero.throwIfAny();
      }
      stop.check();

      CollectionData data = collection.lockWrite();
      try {
        grow(data, newIdsInOrder(data, ids), dim);
        Map<Long, Integer> pending = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
          Integer row = pending.get(ids[i]);
          int existing = row != null ? row : data.rowOf(ids[i]);
          if (existing >= 0) {
            data.overwrite(existing, values, i * dim);
          } else {
            pending.put(ids[i], data.size());
            data.push(ids[i], values, i * dim);
          }
        }
        return new long[] {ids.length, data.size()};
      } finally {
        collection.unlockWrite();
      }
    } finally {
      collection.release();
    }
  }

  /**
   * Charges and reserves room for {@code newIds}: the buffers grow by half again (or exactly, when
   * the budget is short), and the id → row map is charged once the ids stop being sorted.
   */
  private static void grow(CollectionData data, long[] newIds, int dim) {
    if (newIds.length == 0) {
      return;
    }
    int needed = Math.addExact(data.size(), newIds.length);
    int capacity = data.capacityRows();
    boolean indexed = data.hasIndex() || !data.staysSortedAfter(newIds);
    int generous =
        needed > capacity
            ? (int) Math.min(MAX_ROWS, Math.max(needed, capacity + (long) capacity / 2))
            : capacity;
    int rows = generous;
    Plan plan = plan(data, rows, needed, capacity, indexed, dim);
    boolean charged = plan.bytes() == 0;
    if (!charged) {
      try {
        data.reservation.grow(plan.bytes());
        charged = true;
      } catch (CoreException budgetShort) {
        rows = needed;
        plan = plan(data, rows, needed, capacity, indexed, dim);
      }
    }
    if (!charged) {
      data.reservation.grow(plan.bytes());
    }
    if (plan.indexItems() >= 0) {
      data.indexCharged = Math.max(data.indexCharged, CollectionData.indexBytes(plan.indexItems()));
    }
    data.reserveRows(Math.max(0, rows - data.size()), plan.indexItems());
  }

  /** The charge for buffers of {@code rows} rows, and the index entries to size (-1: none). */
  private record Plan(long bytes, int indexItems) {}

  private static Plan plan(
      CollectionData data, int rows, int needed, int capacity, boolean indexed, int dim) {
    long rowCharge = Math.max(0, rows - capacity) * ResidentCollection.rowBytes(dim);
    if (!indexed) {
      return new Plan(rowCharge, -1);
    }
    int items = Math.max(rows, needed);
    long indexCharge = Math.max(0, CollectionData.indexBytes(items) - data.indexCharged);
    return new Plan(rowCharge + indexCharge, items);
  }

  /** Ids of the request not yet in the collection, first occurrence order, without duplicates. */
  static long[] newIdsInOrder(CollectionData data, long[] ids) {
    Set<Long> seen = new HashSet<>();
    long[] out = new long[ids.length];
    int n = 0;
    for (long id : ids) {
      if (data.rowOf(id) < 0 && seen.add(id)) {
        out[n++] = id;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
