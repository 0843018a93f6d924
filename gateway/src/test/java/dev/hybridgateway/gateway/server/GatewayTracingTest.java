package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.HotPathGrpc;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.telemetry.Telemetry;
import dev.hybridgateway.gateway.testing.TestVectors;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One trace from the client through the gateway to the core: the {@code traceparent} a client
 * sends reaches the core (here an in-process HotPath that records its metadata).
 */
class GatewayTracingTest {
  private static final Metadata.Key<String> TRACEPARENT =
      Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
  private static final String CLIENT_TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void search_clientTraceparent_reachesTheCoreInTheSameTrace() throws Exception {
    AtomicReference<String> atCore = new AtomicReference<>();
    String name = InProcessServerBuilder.generateName();
    HotPathGrpc.HotPathImplBase core =
        new HotPathGrpc.HotPathImplBase() {
          @Override
          public void search(
              dev.hybridgateway.core.v1.SearchRequest request,
              StreamObserver<dev.hybridgateway.core.v1.SearchResponse> observer) {
            observer.onNext(
                dev.hybridgateway.core.v1.SearchResponse.newBuilder()
                    .addResults(Neighbors.getDefaultInstance())
                    .build());
            observer.onCompleted();
          }

          @Override
          public void getCollection(
              GetCollectionRequest request, StreamObserver<CollectionInfo> observer) {
            // Validation asks for the collection's dim and metric before the search.
            observer.onNext(
                CollectionInfo.newBuilder()
                    .setName(request.getName())
                    .setDim(4)
                    .setMetric(Metric.METRIC_COSINE)
                    .build());
            observer.onCompleted();
          }
        };
    ServerInterceptor recorder =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            atCore.set(headers.get(TRACEPARENT));
            return next.startCall(call, headers);
          }
        };
    Server coreServer =
        InProcessServerBuilder.forName(name)
            .addService(ServerInterceptors.intercept(core, recorder))
            .build()
            .start();
    ManagedChannel coreChannel = InProcessChannelBuilder.forName(name).build();
    OpenTelemetry telemetry =
        OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
    GrpcCoreClient coreClient =
        GrpcCoreClient.builder().channel(coreChannel).openTelemetry(telemetry).build();
    GatewayServer gateway =
        GatewayServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .core(coreClient)
            .telemetry(Telemetry.noop())
            .unauthenticated()
            .start();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
    try {
      Metadata headers = new Metadata();
      headers.put(TRACEPARENT, CLIENT_TRACEPARENT);

      SearchServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .search(
              SearchRequest.newBuilder()
                  .setCollection("any")
                  .addAllQueries(TestVectors.of(1, 4, 1))
                  .setK(1)
                  .build());

      // Without an SDK no span is recorded, so the core sees the client's own span as parent.
      assertThat(atCore.get()).isEqualTo(CLIENT_TRACEPARENT);
    } finally {
      channel.shutdownNow();
      gateway.close();
      coreClient.close();
      coreChannel.shutdownNow();
      coreServer.shutdownNow();
    }
  }
}
