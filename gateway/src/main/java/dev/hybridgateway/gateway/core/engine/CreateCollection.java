package dev.hybridgateway.gateway.core.engine;

import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.CreateCollectionResponse;
import dev.hybridgateway.core.v1.ErrorReason;
import dev.hybridgateway.core.v1.FileSource;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SyntheticSource;

/**
 * CreateCollection (hotpath-core's {@code create.rs}): an empty, synthetic or {@code .fvecs}
 * collection, charged against the memory budget before anything is allocated. Generation and
 * loading poll the stop signal; cosine collections are normalized at load.
 */
final class CreateCollection {
  /** Most vectors of a synthetic collection. */
  static final long MAX_SYNTHETIC_COUNT = 100_000_000;

  /** Most clusters of a synthetic collection. */
  static final long MAX_CLUSTERS = 4096;

  /** Most shards of a logical collection. */
  static final long MAX_SHARDS = 1024;

  /** Vectors below which synthetic generation stays on the calling thread. */
  static final long PARALLEL_THRESHOLD = 4096;

  /** The validated shape of a create request. */
  private record Shape(String name, int dim, Metric metric, int shardIndex, int shardCount) {}

  private CreateCollection() {}

  static CreateCollectionResponse run(
      JavaEngine engine, CreateCollectionRequest req, StopSignal stop) {
    JavaEngine.Timed<ResidentCollection> created =
        engine.timedCall(
            () -> {
              Shape shape = validate(req);
              if (engine.contains(req.getName())) {
                throw new CoreException(new CoreError.AlreadyExists(req.getName()));
              }
              stop.check();
              CollectionData data =
                  switch (req.getSourceCase()) {
                    case SYNTHETIC -> synthetic(engine, shape, req.getSynthetic(), stop);
                    case FILE -> file(engine, shape, req.getFile(), stop);
                    case SOURCE_NOT_SET ->
                        new CollectionData(
                            new RowStore(shape.dim(), 0), new long[0], 0, engine.budget.reserve(0));
                  };
              return engine.insert(
                  new ResidentCollection(
                      shape.name(),
                      shape.dim(),
                      shape.metric(),
                      shape.shardIndex(),
                      shape.shardCount(),
                      data));
            });
    return CreateCollectionResponse.newBuilder()
        .setCollection(created.value().info())
        .setTiming(created.timing())
        .build();
  }

  private static CollectionData synthetic(
      JavaEngine engine, Shape shape, SyntheticSource source, StopSignal stop) {
    int dim = shape.dim();
    int count =
        (int)
            SyntheticGenerator.shardLen(source.getCount(), shape.shardIndex(), shape.shardCount());
    MemoryBudget.Reservation reservation =
        engine.budget.reserve(count * ResidentCollection.rowBytes(dim));
    try {
      SyntheticGenerator generator =
          new SyntheticGenerator(source.getSeed(), source.getClusters(), dim);
      // The centroids live only while the collection is generated.
      try (MemoryBudget.Reservation _ = engine.budget.reserve(generator.centroidBytes())) {
        long[] ids = new long[count];
        for (int j = 0; j < count; j++) {
          ids[j] = SyntheticGenerator.shardId(j, shape.shardIndex(), shape.shardCount());
        }
        RowStore vectors = new RowStore(dim, count);
        boolean cosine = shape.metric() == Metric.METRIC_COSINE;
        int chunkRows = Math.max(65_536 / dim, 1);
        int chunks = (count + chunkRows - 1) / chunkRows;
        // Each vector depends only on (seed, id), so chunks are generated in any order.
        int threads = count < PARALLEL_THRESHOLD ? 1 : Runtime.getRuntime().availableProcessors();
        ScopedChunks.forEach(
            chunks,
            threads,
            c -> {
              stop.check();
              int first = c * chunkRows;
              for (int row = first; row < Math.min(first + chunkRows, count); row++) {
                float[] out = vectors.array(row);
                int off = vectors.offset(row);
                generator.vectorInto(ids[row], out, off);
                if (cosine && engine.kernel.normalize(out, off, dim) != null) {
                  throw new CoreException(
                      new CoreError.Internal(
                          "synthetic vector "
                              + Long.toUnsignedString(ids[row])
                              + " cannot be normalized",
                          null));
                }
              }
            });
        return new CollectionData(vectors, ids, count, reservation);
      }
    } catch (RuntimeException | Error e) {
      reservation.close();
      throw e;
    }
  }

  private static CollectionData file(
      JavaEngine engine, Shape shape, FileSource source, StopSignal stop) {
    if (engine.config.dataDir() == null) {
      throw new CoreException(
          new CoreError.SourceUnavailable(
              source.getPath(), "file loading is disabled: the core has no data directory"));
    }
    int dim = shape.dim();
    try (FvecsFile file =
        FvecsFile.open(
            engine.config.dataDir(),
            source.getPath(),
            dim,
            source.getLimit(),
            shape.shardIndex(),
            shape.shardCount())) {
      long rows = file.shardRows();
      MemoryBudget.Reservation reservation =
          engine.budget.reserve(rows * ResidentCollection.rowBytes(dim));
      try {
        long[] ids = new long[Math.toIntExact(rows)];
        RowStore vectors = new RowStore(dim, ids.length);
        file.readInto(ids, vectors, stop);
        if (shape.metric() == Metric.METRIC_COSINE) {
          normalizeRows(engine.kernel, vectors, ids, dim, stop);
        }
        return new CollectionData(vectors, ids, ids.length, reservation);
      } catch (RuntimeException | Error e) {
        reservation.close();
        throw e;
      }
    }
  }

  /** Normalizes every row of a file-backed cosine collection. */
  private static void normalizeRows(
      Kernel kernel, RowStore vectors, long[] ids, int dim, StopSignal stop) {
    int checkEvery = Math.max(262_144 / dim, 1);
    for (int r = 0; r < ids.length; r++) {
      if (r % checkEvery == 0) {
        stop.check();
      }
      String why = kernel.normalize(vectors.array(r), vectors.offset(r), dim);
      if (why != null) {
        throw new CoreException(
            CoreError.invalid(
                ErrorReason.INVALID_FIELD,
                "file.path",
                "record " + Long.toUnsignedString(ids[r]) + ": " + why));
      }
    }
  }

  /**
   * The protovalidate rules of CreateCollectionRequest, plus {@code shard.index < shard.count} and
   * file paths that stay inside the data directory.
   */
  private static Shape validate(CreateCollectionRequest req) {
    Violations v = new Violations();
    v.collectionName("name", req.getName());
    v.range("dim", Integer.toUnsignedLong(req.getDim()), 1, Violations.MAX_DIM);
    Metric metric = v.metric("metric", req.getMetricValue(), true);
    int shardIndex = 0;
    int shardCount = 1;
    if (req.hasShard()
        && v.range(
            "shard.count", Integer.toUnsignedLong(req.getShard().getCount()), 0, MAX_SHARDS)) {
      shardCount = Math.max(1, req.getShard().getCount());
      long index = Integer.toUnsignedLong(req.getShard().getIndex());
      if (index >= shardCount) {
        v.add(
            ErrorReason.INVALID_FIELD,
            "shard.index",
            "must be less than the shard count " + shardCount + ", is " + index);
      }
      shardIndex = req.getShard().getIndex();
    }
    switch (req.getSourceCase()) {
      case SYNTHETIC -> {
        v.range("synthetic.count", req.getSynthetic().getCount(), 0, MAX_SYNTHETIC_COUNT);
        v.range(
            "synthetic.clusters",
            Integer.toUnsignedLong(req.getSynthetic().getClusters()),
            0,
            MAX_CLUSTERS);
      }
      case FILE -> {
        if (v.stringLen("file.path", req.getFile().getPath(), 1, 1024)) {
          v.relativePath("file.path", req.getFile().getPath());
        }
      }
      case SOURCE_NOT_SET -> {}
    }
    v.throwIfAny();
    return new Shape(req.getName(), req.getDim(), metric, shardIndex, shardCount);
  }
}
