package dev.hybridgateway.gateway.core.engine;

import static dev.hybridgateway.gateway.core.engine.SharedVectors.bitsOf;
import static dev.hybridgateway.gateway.core.engine.SharedVectors.floats;
import static dev.hybridgateway.gateway.core.engine.SharedVectors.u64;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.IdFilter;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.core.CoreReply;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared test vectors (interop-tests/vectors), written by the Rust core, reproduce bit for bit
 * in the Java engine with both kernels: SplitMix64, the synthetic generator, cosine normalization,
 * and every Search and Rerank case (hits, score bits, and expected errors).
 */
class SharedVectorsTest {

  @Test
  void splitMix64_sharedSeeds_reproducesOutputsAndUnits() {
    for (JsonElement e : SharedVectors.data("synthetic").getAsJsonArray("splitmix64")) {
      JsonObject c = e.getAsJsonObject();
      SplitMix64 rng = new SplitMix64(u64(c.get("seed")));
      for (JsonElement want : c.getAsJsonArray("next_u64")) {
        assertThat(rng.nextLong()).isEqualTo(u64(want));
      }
      SplitMix64 fresh = new SplitMix64(u64(c.get("seed")));
      for (float want : floats(c.get("unit"))) {
        assertThat(Float.floatToRawIntBits(fresh.unit())).isEqualTo(Float.floatToRawIntBits(want));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(JavaKernel.class)
  void syntheticGenerator_sharedGenerators_reproducesVectorsAndCosineBits(JavaKernel kernel) {
    Kernel k = kernel.implementation();
    int checked = 0;
    for (JsonElement e : SharedVectors.data("synthetic").getAsJsonArray("generators")) {
      JsonObject g = e.getAsJsonObject();
      int dim = g.get("dim").getAsInt();
      SyntheticGenerator generator =
          new SyntheticGenerator(u64(g.get("seed")), g.get("clusters").getAsInt(), dim);
      for (JsonElement v : g.getAsJsonArray("vectors")) {
        JsonObject vector = v.getAsJsonObject();
        float[] values = generator.vector(vector.get("id").getAsLong());
        assertThat(bitsOf(values)).isEqualTo(bitsOf(floats(vector.get("values"))));
        assertThat(k.normalize(values, 0, dim)).isNull();
        assertThat(bitsOf(values)).isEqualTo(bitsOf(floats(vector.get("cosine_normalized"))));
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @ParameterizedTest
  @EnumSource(JavaKernel.class)
  void search_everySharedCase_reproducesHitsAndScoreBits(JavaKernel kernel) {
    try (JavaCoreClient core = JavaCoreClient.builder().threads(1).kernel(kernel).build()) {
      for (JsonElement e : SharedVectors.data("search").getAsJsonArray("cases")) {
        JsonObject c = e.getAsJsonObject();
        String name = c.get("name").getAsString();
        JsonObject col = c.getAsJsonObject("collection");
        JsonObject shard = col.getAsJsonObject("shard");
        CreateCollectionRequest create =
            CreateCollectionRequest.newBuilder()
                .setName(name)
                .setDim(col.get("dim").getAsInt())
                .setMetric(Metric.valueOf(col.get("metric").getAsString()))
                .setShard(
                    ShardSpec.newBuilder()
                        .setIndex(shard.get("index").getAsInt())
                        .setCount(shard.get("count").getAsInt()))
                .setSynthetic(
                    SyntheticSource.newBuilder()
                        .setSeed(u64(col.get("seed")))
                        .setCount(col.get("count").getAsLong())
                        .setClusters(col.get("clusters").getAsInt()))
                .build();
        TestCalls.ok(core.createCollection(create));
        SearchRequest.Builder search =
            SearchRequest.newBuilder()
                .setCollection(name)
                .setK(c.get("k").getAsInt())
                .addAllQueries(SharedVectors.vectors(c.getAsJsonArray("queries")));
        if (c.has("filter")) {
          IdFilter.Builder filter = IdFilter.newBuilder();
          c.getAsJsonArray("filter").forEach(id -> filter.addIds(id.getAsLong()));
          search.setFilter(filter);
        }
        var response = TestCalls.ok(core.search(search.build()));
        assertThat(SharedVectors.hits(response.getResultsList()))
            .as(name)
            .isEqualTo(SharedVectors.hits(c.getAsJsonArray("expected")));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(JavaKernel.class)
  void rerank_everySharedCase_reproducesHitsOrErrors(JavaKernel kernel) {
    try (JavaCoreClient core = JavaCoreClient.builder().threads(1).kernel(kernel).build()) {
      for (JsonElement e : SharedVectors.data("rerank").getAsJsonArray("cases")) {
        JsonObject c = e.getAsJsonObject();
        String name = c.get("name").getAsString();
        RerankRequest.Builder rerank =
            RerankRequest.newBuilder()
                .setMetric(Metric.valueOf(c.get("metric").getAsString()))
                .setK(c.get("k").getAsInt())
                .addAllQueries(SharedVectors.vectors(c.getAsJsonArray("queries")))
                .addAllCandidates(SharedVectors.vectors(c.getAsJsonArray("candidates")));
        c.getAsJsonArray("candidate_ids").forEach(id -> rerank.addCandidateIds(id.getAsLong()));
        CompletableFuture<CoreReply<RerankResponse>> call = core.rerank(rerank.build());
        if (c.has("expected_error")) {
          assertError(name, TestCalls.failure(call), c.getAsJsonObject("expected_error"));
        } else {
          RerankResponse response = TestCalls.ok(call);
          assertThat(SharedVectors.hits(response.getResultsList()))
              .as(name)
              .isEqualTo(SharedVectors.hits(c.getAsJsonArray("expected")));
        }
      }
    }
  }

  private static void assertError(String name, Status status, JsonObject expected) {
    assertThat(status.getCode()).as(name).isEqualTo(expected.get("code").getAsInt());
    assertThat(TestCalls.detail(status, ErrorInfo.class).getReason())
        .as(name)
        .isEqualTo(expected.get("reason").getAsString());
    JsonArray fields = expected.getAsJsonArray("fields");
    assertThat(TestCalls.detail(status, BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField)
        .as(name)
        .containsExactlyElementsOf(fields.asList().stream().map(JsonElement::getAsString).toList());
  }
}
