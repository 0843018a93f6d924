package dev.hybridgateway.gateway.core.engine;

import static dev.hybridgateway.gateway.core.engine.TestCalls.detail;
import static dev.hybridgateway.gateway.core.engine.TestCalls.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.FileSource;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.ShardSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CreateCollection from .fvecs files, as hotpath-core's tests/fvecs_loading.rs. */
class FvecsLoadingTest {
  @TempDir Path dataDir;

  private static void write(Path file, int dim, float... values) throws IOException {
    ByteBuffer out =
        ByteBuffer.allocate(values.length / dim * (4 + 4 * dim)).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < values.length / dim; r++) {
      out.putInt(dim);
      for (int d = 0; d < dim; d++) {
        out.putFloat(values[r * dim + d]);
      }
    }
    Files.write(file, out.array());
  }

  private static CreateCollectionRequest file(
      String name, int dim, Metric metric, String path, long limit, ShardSpec shard) {
    CreateCollectionRequest.Builder req =
        CreateCollectionRequest.newBuilder()
            .setName(name)
            .setDim(dim)
            .setMetric(metric)
            .setFile(FileSource.newBuilder().setPath(path).setLimit(limit));
    if (shard != null) {
      req.setShard(shard);
    }
    return req.build();
  }

  private JavaCoreClient client() {
    return JavaCoreClient.builder().threads(1).dataDir(dataDir).build();
  }

  @Test
  void create_fileWithShardAndLimit_keepsShardIdsOfTheFirstRecords() throws IOException {
    float[] values = new float[30];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    Files.createDirectories(dataDir.resolve("sets"));
    write(dataDir.resolve("sets/x.fvecs"), 3, values);
    try (JavaCoreClient core = client()) {
      CollectionInfo info =
          TestCalls.ok(
                  core.createCollection(
                      file(
                          "x",
                          3,
                          Metric.METRIC_DOT,
                          "sets/x.fvecs",
                          7,
                          ShardSpec.newBuilder().setIndex(1).setCount(3).build())))
              .getCollection();
      assertThat(info.getCount()).isEqualTo(2);
      assertThat(info.getMemoryBytes()).isEqualTo(2 * (3 * 4 + 8));
      ResidentCollection collection = core.engine().acquire("x");
      try {
        CollectionData data = collection.lockRead();
        assertThat(Arrays.copyOf(data.ids(), data.size())).containsExactly(1, 4);
        float[] row = new float[3];
        data.vectors.read(1, row, 0);
        assertThat(row).containsExactly(12, 13, 14);
        collection.unlockRead();
      } finally {
        collection.release();
      }
    }
  }

  @Test
  void create_cosineFile_normalizesAtLoadAndRefusesZeroRecords() throws IOException {
    write(dataDir.resolve("c.fvecs"), 2, 3, 4, 0, 2);
    write(dataDir.resolve("zero.fvecs"), 2, 3, 4, 0, 0);
    try (JavaCoreClient core = client()) {
      TestCalls.ok(core.createCollection(file("c", 2, Metric.METRIC_COSINE, "c.fvecs", 0, null)));
      var hits =
          TestCalls.ok(
                  core.search(TestCalls.search("c", 2, java.util.List.of(TestCalls.vector(3, 4)))))
              .getResults(0);
      assertThat(hits.getHits(0).getId()).isZero();
      assertThat(hits.getHits(0).getScore()).isEqualTo(0.6f * 0.6f + 0.8f * 0.8f);
      Status zero =
          failure(core.createCollection(file("z", 2, Metric.METRIC_COSINE, "zero.fvecs", 0, null)));
      assertThat(detail(zero, BadRequest.class).getFieldViolations(0).getDescription())
          .isEqualTo("record 1: zero vector cannot be normalized for cosine");
      assertThat(core.stats().getMemoryUsedBytes()).isEqualTo(2 * (2 * 4 + 8));
    }
  }

  @Test
  void create_badFiles_sourceUnavailableOrInvalidLikeRust() throws IOException {
    write(dataDir.resolve("d2.fvecs"), 2, 1, 2, 3, 4);
    write(dataDir.resolve("nan.fvecs"), 2, 1, 2, Float.NaN, 4);
    byte[] truncated = Files.readAllBytes(dataDir.resolve("d2.fvecs"));
    Files.write(dataDir.resolve("cut.fvecs"), Arrays.copyOf(truncated, truncated.length - 1));
    try (JavaCoreClient core = client()) {
      Status missing =
          failure(core.createCollection(file("m", 2, Metric.METRIC_DOT, "nope.fvecs", 0, null)));
      assertThat(missing.getCode()).isEqualTo(9);
      assertThat(missing.getMessage())
          .isEqualTo(
              "source \"nope.fvecs\" unavailable: cannot open: No such file or directory (os error"
                  + " 2)");
      assertThat(detail(missing, ErrorInfo.class).getMetadataMap())
          .containsEntry("path", "nope.fvecs");

      Status dim =
          failure(core.createCollection(file("d", 3, Metric.METRIC_DOT, "d2.fvecs", 0, null)));
      assertThat(detail(dim, ErrorInfo.class).getReason()).isEqualTo("DIMENSION_MISMATCH");
      assertThat(detail(dim, BadRequest.class).getFieldViolations(0))
          .isEqualTo(
              BadRequest.FieldViolation.newBuilder()
                  .setField("dim")
                  .setDescription("the file's vectors have dim 2, the request has 3")
                  .build());

      Status cut =
          failure(core.createCollection(file("t", 2, Metric.METRIC_DOT, "cut.fvecs", 0, null)));
      assertThat(cut.getMessage())
          .isEqualTo(
              "source \"cut.fvecs\" unavailable: file length 23 "
                  + "is not a whole number of 12-byte records of dim 2");

      Status nan =
          failure(core.createCollection(file("n", 2, Metric.METRIC_DOT, "nan.fvecs", 0, null)));
      assertThat(detail(nan, BadRequest.class).getFieldViolations(0))
          .isEqualTo(
              BadRequest.FieldViolation.newBuilder()
                  .setField("file.path")
                  .setDescription("record 1 value 0 is NaN; values must be finite")
                  .build());
      assertThat(core.stats().getMemoryUsedBytes()).isZero();
    }
  }

  @Test
  void create_fileWithoutDataDir_failedPreconditionSourceUnavailable() {
    try (JavaCoreClient core = JavaCoreClient.builder().threads(1).build()) {
      Status status =
          failure(core.createCollection(file("x", 2, Metric.METRIC_DOT, "x.fvecs", 0, null)));
      assertThat(status.getCode()).isEqualTo(9);
      assertThat(status.getMessage())
          .isEqualTo(
              "source \"x.fvecs\" unavailable: "
                  + "file loading is disabled: the core has no data directory");
      assertThat(detail(status, ErrorInfo.class))
          .isEqualTo(
              ErrorInfo.newBuilder()
                  .setReason("SOURCE_UNAVAILABLE")
                  .setDomain("core.hybridgateway.dev")
                  .putMetadata("path", "x.fvecs")
                  .build());
    }
  }
}
