package dev.hybridgateway.gateway.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestVectors;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GrpcCoreClient} against the real Rust core ({@code hotpath-server} binary): results with
 * the core's timing, errors with their details, a closed client. Deadlines and cancellation:
 * {@link GrpcCoreClientStopTest}.
 */
class GrpcCoreClientTest {
  private static RustCoreServer server;
  private static ManagedChannel channel;
  private static GrpcCoreClient client;

  @BeforeAll
  static void start() throws Exception {
    server = RustCoreServer.start("--preload", "small:synthetic:seed=42,count=1000,dim=16,metric=cosine");
    channel = CoreChannelBuilder.forTarget("127.0.0.1:" + server.port()).build();
    client = GrpcCoreClient.of(channel);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  static SearchRequest smallSearch(int queries, int dim) {
    return SearchRequest.newBuilder()
        .setCollection("small")
        .addAllQueries(TestVectors.of(queries, dim, 3))
        .setK(5)
        .build();
  }

  static StatusRuntimeException failureOf(CompletableFuture<?> call) {
    assertThatThrownBy(call::join).isInstanceOf(CompletionException.class);
    return (StatusRuntimeException) call.exceptionNow();
  }

  @Test
  void search_smallCollection_returnsTopKWithCoreTiming() {
    CoreReply<SearchResponse> reply = client.search(smallSearch(2, 16)).join();

    assertThat(client.transport()).isEqualTo(Transport.GRPC);
    assertThat(reply.response().getResultsList()).hasSize(2);
    assertThat(reply.response().getResults(0).getHitsList()).hasSize(5);
    assertThat(reply.response().getVectorsScanned()).isEqualTo(2_000);
    assertThat(reply.coreTiming().getComputeNs()).isPositive();
    assertThat(reply.clientNanos()).isGreaterThanOrEqualTo(reply.coreNanos());
  }

  @Test
  void search_unknownCollection_failsNotFoundWithResourceInfo() {
    SearchRequest request =
        SearchRequest.newBuilder()
            .setCollection("missing")
            .addQueries(Vector.newBuilder().addValues(1f))
            .setK(1)
            .build();

    StatusRuntimeException failure = failureOf(client.search(request));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(StatusDetails.detail(failure, ResourceInfo.class))
        .hasValueSatisfying(info -> assertThat(info.getResourceName()).isEqualTo("missing"));
    assertThat(StatusDetails.detail(failure, ErrorInfo.class))
        .hasValueSatisfying(info -> assertThat(info.getReason()).isEqualTo("COLLECTION_NOT_FOUND"));
  }

  @Test
  void search_wrongDimension_failsInvalidArgumentWithBadRequest() {
    StatusRuntimeException failure = failureOf(client.search(smallSearch(1, 3)));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(StatusDetails.detail(failure, BadRequest.class))
        .hasValueSatisfying(
            bad -> assertThat(bad.getFieldViolations(0).getField()).startsWith("queries[0]"));
  }

  @Test
  void call_afterClose_failsUnavailableAndLeavesChannelOpen() {
    GrpcCoreClient closed = GrpcCoreClient.of(channel);
    closed.close();

    StatusRuntimeException failure = failureOf(closed.search(smallSearch(1, 16)));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(channel.isShutdown()).isFalse();
    assertThat(client.search(smallSearch(1, 16)).join().response().getResultsCount()).isEqualTo(1);
  }

  @Test
  void call_unreachableTarget_failsUnavailableWithTransportErrorInfo() {
    GrpcCoreClient nowhere = GrpcCoreClient.builder().target("127.0.0.1:1").build();
    try {
      StatusRuntimeException failure = failureOf(nowhere.getStats());

      assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(StatusDetails.detail(failure, ErrorInfo.class))
          .hasValueSatisfying(
              info -> assertThat(info.getReason()).isEqualTo(GrpcFailures.TRANSPORT_ERROR));
    } finally {
      nowhere.close();
    }
  }
}
