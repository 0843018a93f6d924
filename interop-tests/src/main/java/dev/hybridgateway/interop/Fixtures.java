package dev.hybridgateway.interop;

import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.testing.LongScan;
import io.grpc.Status;
import java.util.Collections;
import java.util.concurrent.CompletionException;

/**
 * The collections the cases search, created on demand (idempotently: an existing collection of
 * the same name is reused, so the suite can run again against a long-lived deployment).
 */
public final class Fixtures {
  /** A small dot-product collection for error and concurrency cases. */
  public static final String PARITY = "interop-parity";
  /** Dimension of {@link #PARITY}. */
  public static final int DIM = 16;

  private Fixtures() {}

  /** The spec of {@link #PARITY}. */
  public static CreateCollectionRequest parity() {
    return CreateCollectionRequest.newBuilder()
        .setName(PARITY)
        .setDim(DIM)
        .setMetric(Metric.METRIC_DOT)
        .setShard(ShardSpec.newBuilder().setIndex(0).setCount(1))
        .setSynthetic(SyntheticSource.newBuilder().setSeed(11).setCount(2_000))
        .build();
  }

  /** The spec of the long-scan collection ({@link LongScan}; hotpath-server can preload it). */
  public static CreateCollectionRequest longScan() {
    return CreateCollectionRequest.newBuilder()
        .setName(LongScan.COLLECTION)
        .setDim(128)
        .setMetric(Metric.METRIC_DOT)
        .setShard(ShardSpec.newBuilder().setIndex(0).setCount(1))
        .setSynthetic(SyntheticSource.newBuilder().setSeed(7).setCount(400_000))
        .build();
  }

  /** A search of {@link LongScan} (about a second of work). */
  public static SearchRequest longSearch() {
    return SearchRequest.newBuilder()
        .setCollection(LongScan.COLLECTION)
        .addAllQueries(LongScan.queries())
        .setK(10)
        .build();
  }

  /** A valid small search of {@link #PARITY}. */
  public static SearchRequest.Builder paritySearch() {
    return SearchRequest.newBuilder().setCollection(PARITY).addQueries(vector(DIM, 0.25f)).setK(5);
  }

  /** A vector of {@code dim} copies of {@code value}. */
  public static Vector vector(int dim, float value) {
    return Vector.newBuilder().addAllValues(Collections.nCopies(dim, value)).build();
  }

  /** Creates {@code spec} through {@code core} unless a collection of that name exists. */
  public static void ensure(CoreClient core, CreateCollectionRequest spec) {
    try {
      core.getCollection(GetCollectionRequest.newBuilder().setName(spec.getName()).build()).join();
      return;
    } catch (CompletionException e) {
      if (Status.fromThrowable(e.getCause()).getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
    try {
      core.createCollection(spec).join();
    } catch (CompletionException e) {
      if (Status.fromThrowable(e.getCause()).getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
