package dev.hybridgateway.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.v1.RerankRequest;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {
  private JavaCoreClient core;
  private CollectionInfoCache cache;
  private RequestValidator validator;

  @BeforeEach
  void setUp() {
    core = JavaCoreClient.builder().threads(1).build();
    core.createCollection(
            CreateCollectionRequest.newBuilder().setName("c4").setDim(4).setMetric(Metric.METRIC_L2).build())
        .join();
    cache = CollectionInfoCache.of(core, 16);
    validator = RequestValidator.of(cache);
  }

  @AfterEach
  void tearDown() {
    core.close();
  }

  private static Vector vector(float... values) {
    Vector.Builder v = Vector.newBuilder();
    for (float value : values) {
      v.addValues(value);
    }
    return v.build();
  }

  private static List<String> fields(Throwable e) {
    assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
    return StatusDetails.detail(e, BadRequest.class).orElseThrow().getFieldViolationsList().stream()
        .map(BadRequest.FieldViolation::getField)
        .toList();
  }

  private static String reason(Throwable e) {
    return StatusDetails.detail(e, ErrorInfo.class).orElseThrow().getReason();
  }

  @Test
  void validate_protovalidateRules_fieldPaths() {
    SearchRequest bad =
        SearchRequest.newBuilder().setCollection("bad name!").addQueries(Vector.getDefaultInstance()).setK(0).build();

    assertThatThrownBy(() -> validator.validate(bad))
        .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder("collection", "queries[0].values", "k"));
  }

  @Test
  void validate_nanAndInfinity_pathOfEachComponent() {
    SearchRequest bad =
        SearchRequest.newBuilder().setCollection("c4").setK(3)
            .addQueries(vector(1, 2, 3, 4))
            .addQueries(vector(1, Float.NaN, 3, Float.NEGATIVE_INFINITY))
            .build();

    assertThatThrownBy(() -> validator.validate(bad))
        .satisfies(
            e -> {
              assertThat(fields(e)).containsExactly("queries[1].values[1]", "queries[1].values[3]");
              assertThat(reason(e)).isEqualTo("NON_FINITE_VALUE");
            });
  }

  @Test
  void validateAsync_dimsAgainstCollection_loadedThenCached() {
    SearchRequest bad =
        SearchRequest.newBuilder().setCollection("c4").setK(3).addQueries(vector(1, 2, 3)).build();

    assertThatThrownBy(() -> validator.validateAsync(bad).join())
        .satisfies(
            e -> {
              assertThat(fields(e)).containsExactly("queries[0].values");
              assertThat(reason(e)).isEqualTo("DIMENSION_MISMATCH");
            });
    assertThat(cache.cached("c4")).hasValueSatisfying(info -> assertThat(info.getDim()).isEqualTo(4));
    assertThatThrownBy(() -> validator.validate(bad)).satisfies(e -> assertThat(fields(e)).hasSize(1));
  }

  @Test
  void validateAsync_metricDifferentFromCollection_rejected() {
    SearchRequest bad = SearchRequest.newBuilder().setCollection("c4").setK(3)
        .setMetric(Metric.METRIC_DOT).addQueries(vector(1, 2, 3, 4)).build();

    assertThatThrownBy(() -> validator.validateAsync(bad).join())
        .satisfies(e -> assertThat(fields(e)).containsExactly("metric"));
  }

  @Test
  void validateAsync_validSearch_passes() {
    SearchRequest ok = SearchRequest.newBuilder().setCollection("c4").setK(3).addQueries(vector(1, 2, 3, 4)).build();

    assertThatCode(() -> validator.validateAsync(ok).join()).doesNotThrowAnyException();
  }

  @Test
  void validateAsync_unknownCollection_notFoundAndNotCached() {
    SearchRequest request = SearchRequest.newBuilder().setCollection("nope").setK(3).addQueries(vector(1)).build();

    assertThatThrownBy(() -> validator.validateAsync(request).join())
        .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.NOT_FOUND_VALUE));
    assertThat(cache.cached("nope")).isEmpty();
  }

  @Test
  void invalidate_dropsEntry() {
    cache.get("c4").join();
    cache.invalidate("c4");
    assertThat(cache.cached("c4")).isEmpty();
  }

  @Test
  void validate_rerankDimsAndIds_checked() {
    RerankRequest bad = RerankRequest.newBuilder().setK(1).setMetric(Metric.METRIC_DOT)
        .addQueries(vector(1, 2)).addCandidates(vector(1, 2)).addCandidates(vector(1, 2, 3))
        .addCandidateIds(7).build();

    assertThatThrownBy(() -> validator.validate(bad))
        .satisfies(e -> assertThat(fields(e)).containsExactly("candidates[1].values", "candidate_ids"));
  }

  @Test
  void validate_upsertIdsAndVectorsDisagree_rejected() {
    UpsertVectorsRequest bad = UpsertVectorsRequest.newBuilder().setCollection("c4")
        .addIds(1).addIds(2).addVectors(vector(1, 2, 3, 4)).build();

    assertThatThrownBy(() -> validator.validate(bad))
        .satisfies(e -> assertThat(fields(e)).containsExactly("ids"));
  }
}
