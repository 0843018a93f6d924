package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.ScoredId;
import dev.hybridgateway.gateway.v1.DeleteCollectionResponse;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.UpsertVectorsResponse;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collection lifecycle over REST (path variables plus a body), with vectors whose values
 * are the float edge cases: what goes in as JSON comes back as the same bits.
 */
class RestCollectionsTest {
  private static RestFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = RestFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void upsertSearchDelete_edgeFloats_roundTripBitExact() {
    HttpResponse<String> created =
        fixture.post("/v1/collections", "{\"name\": \"edges\", \"dim\": 2, \"metric\": \"METRIC_DOT\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

    HttpResponse<String> upserted =
        fixture.post(
            "/v1/collections/edges:upsert",
            "{\"ids\": [\"1\", \"2\", \"3\"], \"vectors\": ["
                + "{\"values\": [1.0, 0.0]}, {\"values\": [1.4E-45, 0.0]}, {\"values\": [-0.0, 1.0]}]}");
    assertThat(upserted.statusCode()).as(upserted.body()).isEqualTo(200);
    assertThat(RestFixture.parse(upserted.body(), UpsertVectorsResponse.getDefaultInstance())
            .getUpserted())
        .isEqualTo(3);

    HttpResponse<String> searched =
        fixture.post(
            "/v1/collections/edges:search",
            "{\"queries\": [{\"values\": [3.4028235E38, 0.0]}, {\"values\": [1.0, -0.0]}], \"k\": 3}");
    assertThat(searched.statusCode()).as(searched.body()).isEqualTo(200);
    SearchResponse response = RestFixture.parse(searched.body(), SearchResponse.getDefaultInstance());
    // Query 0: MAX * 1 = MAX, MAX * MIN_VALUE (subnormal) ≈ 4.8E-7, MAX * -0 = -0.
    assertThat(response.getResults(0).getHitsList())
        .extracting(ScoredId::getId)
        .containsExactly(1L, 2L, 3L);
    assertThat(response.getResults(0).getHitsList())
        .extracting(hit -> Float.floatToRawIntBits(hit.getScore()))
        .containsExactly(
            Float.floatToRawIntBits(Float.MAX_VALUE),
            Float.floatToRawIntBits(Float.MAX_VALUE * Float.MIN_VALUE),
            Float.floatToRawIntBits(canonicalDot(Float.MAX_VALUE, 0f, -0.0f, 1f)));

    HttpResponse<String> deleted = fixture.send("DELETE", "/v1/collections/edges");
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(RestFixture.parse(deleted.body(), DeleteCollectionResponse.getDefaultInstance())
            .getCollection().getCount())
        .isEqualTo(3);
    assertThat(fixture.send("GET", "/v1/collections/edges").statusCode()).isEqualTo(404);
  }

  /** The canonical dot of two 2-vectors: lanes 0 and 1, each added to +0, then summed. */
  private static float canonicalDot(float a0, float a1, float b0, float b1) {
    float lane0 = 0f + a0 * b0;
    float lane1 = 0f + a1 * b1;
    return lane0 + lane1;
  }
}
