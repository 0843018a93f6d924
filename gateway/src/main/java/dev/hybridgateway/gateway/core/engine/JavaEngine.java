package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.CreateCollectionResponse;
import dev.hybridgateway.core.v1.DeleteCollectionRequest;
import dev.hybridgateway.core.v1.DeleteCollectionResponse;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.ListCollectionsResponse;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.UpsertVectorsRequest;
import dev.hybridgateway.core.v1.UpsertVectorsResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The pure-Java compute core (hotpath-core's {@code engine.rs}): resident collections, exact top-k
 * search, memory budget and work counters. Calls are synchronous, run on the caller's thread and
 * poll their {@link StopSignal}; failures are thrown as {@link CoreException}. The calls themselves
 * live in one class each ({@link Search}, {@link Rerank}, {@link CreateCollection}, {@link
 * Upsert}), as they do in one Rust file each.
 */
final class JavaEngine {
  final EngineConfig config;
  final Kernel kernel;
  final MemoryBudget budget;
  final WorkCounters counters = new WorkCounters();
  private final ConcurrentHashMap<String, ResidentCollection> collections =
      new ConcurrentHashMap<>();

  JavaEngine(EngineConfig config) {
    this.config = requireNonNull(config, "config");
    this.kernel = config.kernel().implementation();
    this.budget = new MemoryBudget(config.memoryBudgetBytes());
  }

  SearchResponse search(SearchRequest req, StopSignal stop) {
    return Search.run(this, req, stop);
  }

  RerankResponse rerank(RerankRequest req, StopSignal stop) {
    return Rerank.run(this, req, stop);
  }

  CreateCollectionResponse createCollection(CreateCollectionRequest req, StopSignal stop) {
    return CreateCollection.run(this, req, stop);
  }

  UpsertVectorsResponse upsertVectors(UpsertVectorsRequest req, StopSignal stop) {
    return Upsert.run(this, req, stop);
  }

  /** A snapshot of the counters and gauges. */
  EngineStats stats() {
    return counters.snapshot(budget);
  }

  /** Describes one collection. */
  CollectionInfo getCollection(GetCollectionRequest req) {
    validateLookupName(req.getName());
    ResidentCollection collection = acquire(req.getName());
    try {
      return collection.info();
    } finally {
      collection.release();
    }
  }

  /** Deletes one collection; its memory is released when the last call using it ends. */
  DeleteCollectionResponse deleteCollection(DeleteCollectionRequest req) {
    validateLookupName(req.getName());
    ResidentCollection removed = collections.remove(req.getName());
    if (removed == null) {
      throw new CoreException(new CoreError.NotFound(req.getName()));
    }
    try {
      return DeleteCollectionResponse.newBuilder().setCollection(removed.info()).build();
    } finally {
      removed.release();
    }
  }

  /** Every collection, sorted by name. */
  ListCollectionsResponse listCollections() {
    List<ResidentCollection> all = new ArrayList<>(collections.values());
    all.sort(Comparator.comparing(c -> c.name));
    ListCollectionsResponse.Builder response = ListCollectionsResponse.newBuilder();
    for (ResidentCollection c : all) {
      response.addCollections(c.info());
    }
    return response.build();
  }

  /** The named collection, retained (the caller must {@code release()} it), or NOT_FOUND. */
  ResidentCollection acquire(String name) {
    ResidentCollection seen = null;
    while (true) {
      ResidentCollection collection = collections.get(name);
      if (collection == null || collection == seen) {
        throw new CoreException(new CoreError.NotFound(name));
      }
      if (collection.retain()) {
        return collection;
      }
      seen = collection;
    }
  }

  boolean contains(String name) {
    return collections.containsKey(name);
  }

  /** Adds a collection unless the name was taken meanwhile (then its charge is released). */
  ResidentCollection insert(ResidentCollection collection) {
    if (collections.putIfAbsent(collection.name, collection) != null) {
      collection.release();
      throw new CoreException(new CoreError.AlreadyExists(collection.name));
    }
    return collection;
  }

  /** A value and the core's timing of the call that produced it ({@code compute_ns} only). */
  record Timed<T>(T value, CoreTiming timing) {}

  /** Runs a Search or Rerank: counted started, in flight, completed or stopped, and timed. */
  <T> Timed<T> computeCall(Supplier<T> call) {
    counters.requestsStarted.incrementAndGet();
    Timed<T> result = timedCall(call);
    counters.requestsCompleted.incrementAndGet();
    return result;
  }

  /** Runs a call that may stop: in flight while it runs, stops counted, compute time measured. */
  <T> Timed<T> timedCall(Supplier<T> call) {
    counters.inFlight.incrementAndGet();
    long started = System.nanoTime();
    try {
      T value = call.get();
      return new Timed<>(
          value, CoreTiming.newBuilder().setComputeNs(System.nanoTime() - started).build());
    } catch (CoreException e) {
      counters.recordStop(e.error());
      throw e;
    } finally {
      counters.inFlight.decrementAndGet();
    }
  }

  /** Get/Delete name rule: 1..=128 characters (no pattern, as in the proto). */
  private static void validateLookupName(String name) {
    Violations v = new Violations();
    v.stringLen("name", name, 1, Violations.MAX_NAME_CHARS);
    v.throwIfAny();
  }
}
