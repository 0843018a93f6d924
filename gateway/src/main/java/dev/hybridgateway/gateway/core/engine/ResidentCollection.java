package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.ShardSpec;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One collection held by the engine (this core's shard of it), as hotpath-core's {@code
 * collection.rs} {@code Collection}: its shape, its {@link CollectionData} behind a read-write lock
 * (Search and Rerank read, Upsert writes), and its lifetime.
 *
 * <p>Rust shares a collection as {@code Arc<Collection>} and releases its memory charge when the
 * last user drops it. Java counts the same references explicitly: the registry holds one, every
 * call that {@link #retain() retains} the collection holds one until it {@link #release()}s it, and
 * the charge is released when the count reaches zero — so deleting a collection while a search runs
 * on it frees its budget when that search ends, as in Rust.
 */
final class ResidentCollection {
  /** Bytes charged per vector besides its {@code dim * 4} bytes of values: the id. */
  static final long ID_BYTES = 8;

  final String name;
  final int dim;
  final Metric metric;
  final int shardIndex;

  /** At least 1. */
  final int shardCount;

  private final CollectionData data;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final AtomicInteger references = new AtomicInteger(1);

  ResidentCollection(
      String name, int dim, Metric metric, int shardIndex, int shardCount, CollectionData data) {
    this.name = requireNonNull(name, "name");
    this.dim = dim;
    this.metric = requireNonNull(metric, "metric");
    this.shardIndex = shardIndex;
    this.shardCount = Math.max(1, shardCount);
    this.data = requireNonNull(data, "data");
  }

  /** Bytes charged for {@code rows} rows of this dimension. */
  static long rowBytes(int dim) {
    return (long) dim * 4 + ID_BYTES;
  }

  /** Takes a reference; false when the collection was already released (deleted and unused). */
  boolean retain() {
    int now = references.get();
    while (now > 0) {
      int witness = references.compareAndExchange(now, now + 1);
      if (witness == now) {
        return true;
      }
      now = witness;
    }
    return false;
  }

  /** Drops a reference; the last one releases the memory charge. */
  void release() {
    if (references.decrementAndGet() == 0) {
      data.reservation.close();
    }
  }

  /** The data for reading, with the read lock held until {@code unlockRead}. */
  CollectionData lockRead() {
    lock.readLock().lock();
    return data;
  }

  void unlockRead() {
    lock.readLock().unlock();
  }

  /** The data for writing, with the write lock held until {@code unlockWrite}. */
  CollectionData lockWrite() {
    lock.writeLock().lock();
    return data;
  }

  void unlockWrite() {
    lock.writeLock().unlock();
  }

  /** Whether {@code id} belongs to this core's shard: {@code id % shardCount == shardIndex}. */
  boolean owns(long id) {
    return Long.remainderUnsigned(id, shardCount) == shardIndex;
  }

  /** The public description of this collection. */
  CollectionInfo info() {
    CollectionData d = lockRead();
    try {
      return CollectionInfo.newBuilder()
          .setName(name)
          .setDim(dim)
          .setMetric(metric)
          .setShard(ShardSpec.newBuilder().setIndex(shardIndex).setCount(shardCount))
          .setCount(d.size())
          .setMemoryBytes(d.reservation.bytes())
          .build();
    } finally {
      unlockRead();
    }
  }
}
