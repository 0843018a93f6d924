package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's health (NOT_SERVING until marked ready) and its v1 server reflection. */
class GatewayHealthAndReflectionTest {
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(DeadlinePolicy.defaults(), false);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static ServingStatus health(String service) {
    return HealthGrpc.newBlockingStub(fixture.channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService(service).build())
        .getStatus();
  }

  @Test
  void health_beforeAndAfterMarkServing_turnsFromNotServingToServing() {
    assertThat(health("")).isEqualTo(ServingStatus.NOT_SERVING);

    fixture.gateway.markServing();

    assertThat(health("")).isEqualTo(ServingStatus.SERVING);
    assertThat(health("hybrid.gateway.v1.SearchService")).isEqualTo(ServingStatus.SERVING);
    assertThat(health("hybrid.gateway.v1.CollectionService")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void reflection_listServices_namesTheGatewayServicesHealthAndReflection() {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(fixture.channel)
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse value) {
                    answer.complete(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    answer.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();

    List<String> services =
        answer.join().getListServicesResponse().getServiceList().stream()
            .map(ServiceResponse::getName)
            .toList();

    assertThat(services)
        .contains(
            "hybrid.gateway.v1.SearchService",
            "hybrid.gateway.v1.CollectionService",
            "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection");
  }
}
