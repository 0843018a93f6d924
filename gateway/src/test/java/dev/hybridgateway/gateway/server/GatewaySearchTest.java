package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import com.google.rpc.ResourceInfo;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestVectors;
import dev.hybridgateway.gateway.v1.CoreCall;
import dev.hybridgateway.gateway.v1.RerankRequest;
import dev.hybridgateway.gateway.v1.RerankResponse;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.ShardResult;
import dev.hybridgateway.gateway.v1.Transport;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SearchService end to end: client → gateway (Netty) → GrpcCoreClient → Rust core. */
class GatewaySearchTest {
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture =
        GatewayFixture.start(
            DeadlinePolicy.defaults(),
            true,
            "--preload",
            "small:synthetic:seed=42,count=1000,dim=16,metric=cosine");
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static SearchRequest search(int dim) {
    return SearchRequest.newBuilder()
        .setCollection("small")
        .addAllQueries(TestVectors.of(3, dim, 5))
        .setK(4)
        .build();
  }

  @Test
  void search_viaGateway_returnsTheCoresHitsWithShardReport() {
    SearchRequest request = search(16);
    var direct =
        fixture
            .coreClient
            .search(
                dev.hybridgateway.core.v1.SearchRequest.newBuilder()
                    .setCollection("small")
                    .addAllQueries(request.getQueriesList())
                    .setK(4)
                    .build())
            .join()
            .response();

    SearchResponse response = fixture.search().search(request);

    assertThat(response.getResultsList()).isEqualTo(direct.getResultsList());
    assertThat(response.getPartial()).isFalse();
    assertThat(response.getVectorsScanned()).isEqualTo(3_000);
    assertThat(response.getShardsList()).hasSize(1);
    ShardResult shard = response.getShards(0);
    assertThat(shard.getIndex()).isZero();
    assertThat(shard.getStatus().getCode()).isZero();
    assertThat(shard.getVectorsScanned()).isEqualTo(3_000);
    CoreCall call = shard.getCall();
    assertThat(call.getBackend()).isEqualTo("grpc");
    assertThat(call.getTransport()).isEqualTo(Transport.TRANSPORT_GRPC);
    assertThat(call.getCoreTiming().getComputeNs()).isPositive();
    long coreNs =
        call.getCoreTiming().getQueueNs()
            + call.getCoreTiming().getDecodeNs()
            + call.getCoreTiming().getComputeNs()
            + call.getCoreTiming().getEncodeNs();
    assertThat(call.getClientNs()).isGreaterThanOrEqualTo(coreNs);
    assertThat(call.getBoundaryNs()).isEqualTo(call.getClientNs() - coreNs);
  }

  @Test
  void search_unknownCollection_failsNotFoundWithTheCoresResourceInfo() {
    SearchRequest request = search(16).toBuilder().setCollection("nope").build();

    assertThatThrownBy(() -> fixture.search().search(request))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(StatusDetails.detail(e, ResourceInfo.class))
                  .hasValueSatisfying(info -> assertThat(info.getResourceName()).isEqualTo("nope"));
            });
  }

  @Test
  void search_wrongDimension_failsInvalidArgumentWithTheCoresBadRequest() {
    assertThatThrownBy(() -> fixture.search().search(search(7)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(StatusDetails.detail(e, BadRequest.class))
                  .hasValueSatisfying(
                      bad ->
                          assertThat(bad.getFieldViolations(0).getField())
                              .startsWith("queries[0]"));
            });
  }

  @Test
  void rerank_inlineCandidates_returnsTopKAndTheCoreCall() {
    List<Vector> candidates = TestVectors.of(50, 8, 9);
    RerankRequest request =
        RerankRequest.newBuilder()
            .addQueries(candidates.get(17))
            .addAllCandidates(candidates)
            .setK(3)
            .setMetric(Metric.METRIC_COSINE)
            .build();

    RerankResponse response = fixture.search().rerank(request);

    assertThat(response.getResultsList()).hasSize(1);
    assertThat(response.getResults(0).getHitsList()).hasSize(3);
    assertThat(response.getResults(0).getHits(0).getId()).isEqualTo(17);
    assertThat(response.getCall().getTransport()).isEqualTo(Transport.TRANSPORT_GRPC);
  }
}
