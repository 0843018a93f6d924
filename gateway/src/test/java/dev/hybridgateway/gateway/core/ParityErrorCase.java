package dev.hybridgateway.gateway.core;

import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.DeleteCollectionRequest;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.core.v1.UpsertVectorsRequest;
import dev.hybridgateway.core.v1.Vector;
import io.grpc.Status.Code;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;

/**
 * The rows of DESIGN.md's error table that the core itself produces, each as one request. Run
 * against {@link CoreClientParityTest#COLLECTION} (dim {@link #DIM}, dot) on every client; the
 * memory-budget row has its own test because it needs engines with a small budget.
 */
enum ParityErrorCase {
  SEARCH_UNKNOWN_COLLECTION(Code.NOT_FOUND) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.search(search().setCollection("no-such-collection").build());
    }
  },
  GET_UNKNOWN_COLLECTION(Code.NOT_FOUND) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.getCollection(GetCollectionRequest.newBuilder().setName("missing").build());
    }
  },
  DELETE_UNKNOWN_COLLECTION(Code.NOT_FOUND) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.deleteCollection(
          DeleteCollectionRequest.newBuilder().setName("missing").build());
    }
  },
  CREATE_EXISTING_COLLECTION(Code.ALREADY_EXISTS) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.createCollection(CoreClientParityTest.parityCollection());
    }
  },
  SEARCH_WRONG_DIMS(Code.INVALID_ARGUMENT) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.search(search().setQueries(0, vector(DIM + 3, 0.5f)).build());
    }
  },
  SEARCH_NAN_AND_INFINITY(Code.INVALID_ARGUMENT) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      Vector bad = vector(DIM, 1f).toBuilder()
          .setValues(2, Float.NaN)
          .setValues(5, Float.NEGATIVE_INFINITY)
          .build();
      return core.search(search().addQueries(bad).build());
    }
  },
  SEARCH_K_ZERO(Code.INVALID_ARGUMENT) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.search(search().setK(0).build());
    }
  },
  SEARCH_K_TOO_LARGE(Code.INVALID_ARGUMENT) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.search(search().setK(1_000_000).build());
    }
  },
  SEARCH_EMPTY_BATCH(Code.INVALID_ARGUMENT) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.search(search().clearQueries().build());
    }
  },
  RERANK_RAGGED_CANDIDATES(Code.INVALID_ARGUMENT) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.rerank(RerankRequest.newBuilder()
          .addQueries(vector(4, 1f))
          .addCandidates(vector(4, 2f))
          .addCandidates(vector(3, 2f))
          .setK(1)
          .setMetric(Metric.METRIC_DOT)
          .build());
    }
  },
  RERANK_IDS_MISMATCH(Code.INVALID_ARGUMENT) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.rerank(RerankRequest.newBuilder()
          .addQueries(vector(4, 1f))
          .addCandidates(vector(4, 2f))
          .addAllCandidateIds(java.util.List.of(1L, 2L))
          .setK(1)
          .setMetric(Metric.METRIC_DOT)
          .build());
    }
  },
  UPSERT_WRONG_DIMS(Code.INVALID_ARGUMENT) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.upsertVectors(UpsertVectorsRequest.newBuilder()
          .setCollection(CoreClientParityTest.COLLECTION)
          .addIds(3)
          .addVectors(vector(DIM - 1, 1f))
          .build());
    }
  },
  CREATE_INVALID_SPEC(Code.INVALID_ARGUMENT) {
    @Override
    CompletableFuture<?> call(CoreClient core) {
      return core.createCollection(CreateCollectionRequest.newBuilder()
          .setName("bad name with spaces")
          .setDim(0)
          .setSynthetic(SyntheticSource.newBuilder().setSeed(1).setCount(10))
          .build());
    }
  };

  /** Dimension of the parity collection. */
  static final int DIM = 16;

  private final Code code;

  ParityErrorCase(Code code) {
    this.code = code;
  }

  /** The code every client must answer. */
  Code code() {
    return code;
  }

  /** Makes the failing call. */
  abstract CompletableFuture<?> call(CoreClient core);

  static SearchRequest.Builder search() {
    return SearchRequest.newBuilder()
        .setCollection(CoreClientParityTest.COLLECTION)
        .addQueries(vector(DIM, 0.25f))
        .setK(5);
  }

  static Vector vector(int dim, float value) {
    return Vector.newBuilder().addAllValues(Collections.nCopies(dim, value)).build();
  }
}
