package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.hybridgateway.core.v1.ScoredId;
import dev.hybridgateway.gateway.testing.TestVectors;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.ListCollectionsResponse;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The happy path end to end: a collection created over REST, searched over REST and over gRPC
 * with identical results, keep-alive, and {@code Server-Timing}.
 */
class RestSearchTest {
  private static final int DIM = 16;
  private static RestFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = RestFixture.start();
    HttpResponse<String> created =
        fixture.post(
            "/v1/collections",
            "{\"name\": \"docs\", \"dim\": " + DIM + ", \"metric\": \"METRIC_DOT\","
                + " \"synthetic\": {\"seed\": \"7\", \"count\": \"2000\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static SearchRequest request() {
    return SearchRequest.newBuilder()
        .setCollection("docs")
        .addAllQueries(TestVectors.of(3, DIM, 11))
        .setK(10)
        .build();
  }

  @Test
  void search_overRest_equalsGrpcIdsAndScoreBits() throws Exception {
    SearchResponse grpc = SearchServiceGrpc.newBlockingStub(fixture.channel).search(request());

    HttpResponse<String> http =
        fixture.post("/v1/collections/docs:search", JsonFormat.printer().print(request()));

    assertThat(http.statusCode()).as(http.body()).isEqualTo(200);
    assertThat(http.headers().firstValue("content-type")).hasValue(RestResponse.JSON);
    SearchResponse rest = RestFixture.parse(http.body(), SearchResponse.getDefaultInstance());
    assertThat(rest.getResultsCount()).isEqualTo(3);
    for (int q = 0; q < 3; q++) {
      List<ScoredId> restHits = rest.getResults(q).getHitsList();
      List<ScoredId> grpcHits = grpc.getResults(q).getHitsList();
      assertThat(restHits).hasSize(10);
      assertThat(restHits).extracting(ScoredId::getId)
          .containsExactlyElementsOf(grpcHits.stream().map(ScoredId::getId).toList());
      assertThat(restHits).extracting(hit -> Float.floatToRawIntBits(hit.getScore()))
          .containsExactlyElementsOf(
              grpcHits.stream().map(hit -> Float.floatToRawIntBits(hit.getScore())).toList());
    }
  }

  @Test
  void search_response_usesLowerCamelNamesAndPrintsDefaults() throws Exception {
    HttpResponse<String> http =
        fixture.post("/v1/collections/docs:search", JsonFormat.printer().print(request()));

    assertThat(http.body()).contains("\"vectorsScanned\"").contains("\"partial\": false");
  }

  @Test
  void search_response_hasServerTimingWithCoreAndEdge() throws Exception {
    HttpResponse<String> http =
        fixture.post("/v1/collections/docs:search", JsonFormat.printer().print(request()));

    assertThat(http.headers().firstValue("server-timing"))
        .hasValueSatisfying(
            timing ->
                assertThat(timing)
                    .matches("total;dur=\\d+\\.\\d{3}, core;dur=\\d+\\.\\d{3},"
                        + " boundary;dur=\\d+\\.\\d{3}, edge;dur=\\d+\\.\\d{3}"));
  }

  @Test
  void getAndList_collection_overRest() {
    HttpResponse<String> get = fixture.send("GET", "/v1/collections/docs");
    HttpResponse<String> list = fixture.send("GET", "/v1/collections");

    assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
    Collection docs = RestFixture.parse(get.body(), Collection.getDefaultInstance());
    assertThat(docs.getDim()).isEqualTo(DIM);
    assertThat(docs.getCount()).isEqualTo(2000);
    assertThat(RestFixture.parse(list.body(), ListCollectionsResponse.getDefaultInstance())
            .getCollectionsList())
        .extracting(Collection::getName)
        .contains("docs");
  }

  @Test
  void keepAlive_twoRequestsOnOneConnection_bothAnswered() throws Exception {
    try (RawHttp raw = new RawHttp(fixture.rest.port())) {
      String get = "GET /v1/collections/docs HTTP/1.1\r\nHost: x\r\n\r\n";
      raw.send(get);
      RawHttp.Response first = raw.read();
      raw.send(get);
      RawHttp.Response second = raw.read();

      assertThat(first.status()).isEqualTo(200);
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body()).contains("\"name\": \"docs\"");
      assertThat(first.headers()).doesNotContainKey("connection");
    }
  }

  @Test
  void keepAlive_pipelinedRequests_answeredInOrder() throws Exception {
    try (RawHttp raw = new RawHttp(fixture.rest.port())) {
      raw.send("GET /v1/collections/docs HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /v1/collections/nope HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /v1/collections HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      assertThat(raw.read().status()).isEqualTo(200);
      assertThat(raw.read().status()).isEqualTo(404);
      RawHttp.Response last = raw.read();
      assertThat(last.status()).isEqualTo(200);
      assertThat(last.headers()).containsEntry("connection", "close");
      assertThat(raw.closedByServer()).isTrue();
    }
  }
}
