package dev.hybridgateway.gateway.core.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.Context;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Shared set-up and assertions of the FFI tests: clients, collections, statuses, leaks. */
final class FfiTestSupport {
  /**
   * A collection whose 1024-query search is about a second of work (51 M scores, 1.6 G
   * multiply-adds) from a small request (1024 × 32 floats = 128 KiB), so that preparing the call
   * costs little next to the work.
   */
  static final int LONG_COUNT = 50_000;

  static final int LONG_DIM = 32;

  private FfiTestSupport() {}

  /** A client on the bundled library, with test hooks, configured further by {@code config}. */
  static FfiCoreClient client(UnaryOperator<FfiConfigBuilder> config) {
    return FfiCoreClient.open(config.apply(FfiConfig.builder().testHooks(true)).build());
  }

  /** Closes {@code client} and checks that no Rust buffer is left (the counter is process-wide). */
  static void closeWithoutLeaks(FfiCoreClient client) {
    if (client != null) {
      client.close();
      assertThat(client.liveBuffers()).as("Rust buffers not freed").isZero();
    }
  }

  /** Creates a synthetic collection and waits for it. */
  static void createSynthetic(
      FfiCoreClient client, String name, long seed, int count, int dim, Metric metric) {
    client
        .createCollection(
            CreateCollectionRequest.newBuilder()
                .setName(name)
                .setDim(dim)
                .setMetric(metric)
                .setSynthetic(SyntheticSource.newBuilder().setSeed(seed).setCount(count))
                .build())
        .join();
  }

  /** A search of {@code queries} deterministic random queries of {@code dim} values. */
  static SearchRequest randomSearch(String collection, int queries, int dim) {
    SplittableRandom random = new SplittableRandom(queries * 31L + dim);
    SearchRequest.Builder request = SearchRequest.newBuilder().setCollection(collection).setK(10);
    for (int q = 0; q < queries; q++) {
      request.addQueries(randomVector(random, dim));
    }
    return request.build();
  }

  static Vector randomVector(SplittableRandom random, int dim) {
    Vector.Builder vector = Vector.newBuilder();
    for (int i = 0; i < dim; i++) {
      vector.addValues((float) random.nextDouble(-1, 1));
    }
    return vector.build();
  }

  /** Makes {@code call} with {@code context} current (the client captures it at call time). */
  static <T> T within(Context context, Supplier<T> call) {
    Context previous = context.attach();
    try {
      return call.get();
    } finally {
      context.detach(previous);
    }
  }

  /** The engine's counters now. */
  static EngineStats stats(FfiCoreClient client) {
    return client.getStats().join().response();
  }

  /** The google.rpc.Status the future failed with (fails the test if it succeeded). */
  static Status failure(CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(future::join);
    assertThat(thrown).as("the call should have failed").isNotNull();
    return CoreErrors.toStatus(thrown);
  }

  /** The first detail of type {@code type} in {@code status}. */
  static <T extends Message> T detail(Status status, Class<T> type) {
    for (Any detail : status.getDetailsList()) {
      if (detail.is(type)) {
        try {
          return detail.unpack(type);
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + status);
  }
}
