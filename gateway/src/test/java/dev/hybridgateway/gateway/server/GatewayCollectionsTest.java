package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ResourceInfo;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestVectors;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.CreateCollectionRequest;
import dev.hybridgateway.gateway.v1.DeleteCollectionRequest;
import dev.hybridgateway.gateway.v1.GetCollectionRequest;
import dev.hybridgateway.gateway.v1.ListCollectionsRequest;
import dev.hybridgateway.gateway.v1.Transport;
import dev.hybridgateway.gateway.v1.UpsertVectorsRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CollectionService end to end: client → gateway → GrpcCoreClient → Rust core. */
class GatewayCollectionsTest {
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(DeadlinePolicy.defaults(), true);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static CreateCollectionRequest synthetic(String name, long count) {
    return CreateCollectionRequest.newBuilder()
        .setName(name)
        .setDim(8)
        .setMetric(Metric.METRIC_L2)
        .setSynthetic(SyntheticSource.newBuilder().setSeed(1).setCount(count))
        .build();
  }

  @Test
  void collectionLifecycle_createUpsertGetListDelete_reflectsEachStep() {
    Collection created = fixture.collections().createCollection(synthetic("life", 100));
    assertThat(created.getName()).isEqualTo("life");
    assertThat(created.getDim()).isEqualTo(8);
    assertThat(created.getMetric()).isEqualTo(Metric.METRIC_L2);
    assertThat(created.getCount()).isEqualTo(100);
    assertThat(created.getMemoryBytes()).isPositive();
    assertThat(created.getShardCount()).isEqualTo(1);
    assertThat(created.getShards(0).getCall().getTransport()).isEqualTo(Transport.TRANSPORT_GRPC);

    UpsertVectorsResponse upserted =
        fixture
            .collections()
            .upsertVectors(
                UpsertVectorsRequest.newBuilder()
                    .setCollection("life")
                    .addIds(5)
                    .addIds(1_000)
                    .addAllVectors(TestVectors.of(2, 8, 4))
                    .build());
    assertThat(upserted.getUpserted()).isEqualTo(2);
    assertThat(upserted.getCount()).isEqualTo(101);

    Collection got =
        fixture.collections().getCollection(GetCollectionRequest.newBuilder().setName("life").build());
    assertThat(got.getCount()).isEqualTo(101);
    assertThat(fixture.collections().listCollections(ListCollectionsRequest.getDefaultInstance())
            .getCollectionsList())
        .extracting(Collection::getName)
        .contains("life");

    Collection deleted =
        fixture
            .collections()
            .deleteCollection(DeleteCollectionRequest.newBuilder().setName("life").build())
            .getCollection();
    assertThat(deleted.getCount()).isEqualTo(101);
    assertThatThrownBy(
            () ->
                fixture
                    .collections()
                    .getCollection(GetCollectionRequest.newBuilder().setName("life").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void createCollection_nameTaken_failsAlreadyExistsWithResourceInfo() {
    fixture.collections().createCollection(synthetic("taken", 10));

    assertThatThrownBy(() -> fixture.collections().createCollection(synthetic("taken", 10)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
              assertThat(StatusDetails.detail(e, ResourceInfo.class))
                  .hasValueSatisfying(info -> assertThat(info.getResourceName()).isEqualTo("taken"));
            });
  }
}
