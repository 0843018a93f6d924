package dev.hybridgateway.gateway.core.engine;

import static dev.hybridgateway.gateway.core.engine.SharedVectors.bitsOf;
import static dev.hybridgateway.gateway.core.engine.SharedVectors.floats;
import static dev.hybridgateway.gateway.core.engine.SharedVectors.u64;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.testing.SharedVectorCases;
import dev.hybridgateway.gateway.testing.SharedVectorCases.ExpectedError;
import dev.hybridgateway.gateway.testing.SharedVectorCases.Hit;
import dev.hybridgateway.gateway.testing.SharedVectorCases.RerankCase;
import dev.hybridgateway.gateway.testing.SharedVectorCases.SearchCase;
import java.util.List;
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
      for (SearchCase c : SharedVectorCases.searchCases()) {
        TestCalls.ok(core.createCollection(c.collection()));
        var response = TestCalls.ok(core.search(c.request()));
        assertThat(hits(response.getResultsList())).as(c.name()).isEqualTo(c.expected());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(JavaKernel.class)
  void rerank_everySharedCase_reproducesHitsOrErrors(JavaKernel kernel) {
    try (JavaCoreClient core = JavaCoreClient.builder().threads(1).kernel(kernel).build()) {
      for (RerankCase c : SharedVectorCases.rerankCases()) {
        CompletableFuture<CoreReply<RerankResponse>> call = core.rerank(c.request());
        if (c.error() != null) {
          assertError(c.name(), TestCalls.failure(call), c.error());
        } else {
          RerankResponse response = TestCalls.ok(call);
          assertThat(hits(response.getResultsList())).as(c.name()).isEqualTo(c.expected());
        }
      }
    }
  }

  private static List<List<Hit>> hits(List<Neighbors> results) {
    return results.stream()
        .map(n -> n.getHitsList().stream()
            .map(h -> new Hit(h.getId(), Float.floatToRawIntBits(h.getScore())))
            .toList())
        .toList();
  }

  private static void assertError(String name, Status status, ExpectedError expected) {
    assertThat(status.getCode()).as(name).isEqualTo(expected.code());
    assertThat(TestCalls.detail(status, ErrorInfo.class).getReason())
        .as(name)
        .isEqualTo(expected.reason());
    assertThat(TestCalls.detail(status, BadRequest.class).getFieldViolationsList())
        .extracting(BadRequest.FieldViolation::getField)
        .as(name)
        .containsExactlyElementsOf(expected.fields());
  }
}
