package dev.hybridgateway.gateway.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.GetStatsRequest;
import dev.hybridgateway.core.v1.HotPathGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The W3C {@code traceparent} that {@link GrpcCoreClient} sends, read by an in-process HotPath
 * server that records the metadata it receives.
 */
class GrpcCoreClientTracingTest {
  private static final Metadata.Key<String> TRACEPARENT =
      Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  private final AtomicReference<String> received = new AtomicReference<>();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    HotPathGrpc.HotPathImplBase stats =
        new HotPathGrpc.HotPathImplBase() {
          @Override
          public void getStats(GetStatsRequest request, StreamObserver<EngineStats> observer) {
            observer.onNext(EngineStats.getDefaultInstance());
            observer.onCompleted();
          }
        };
    ServerInterceptor recorder =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            received.set(headers.get(TRACEPARENT));
            return next.startCall(call, headers);
          }
        };
    server =
        InProcessServerBuilder.forName(name)
            .addService(ServerInterceptors.intercept(stats, recorder))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void call_w3cPropagatorAndCurrentSpan_sendsTraceparentOfThatTrace() {
    OpenTelemetry telemetry =
        OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
    GrpcCoreClient client = GrpcCoreClient.builder().channel(channel).openTelemetry(telemetry).build();
    SpanContext parent =
        SpanContext.createFromRemoteParent(
            TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());

    Scope scope = Span.wrap(parent).makeCurrent();
    try {
      client.getStats().join();
    } finally {
      scope.close();
    }

    assertThat(received.get()).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
  }

  @Test
  void call_defaultNoopTelemetry_sendsNoTraceparent() {
    GrpcCoreClient client = GrpcCoreClient.of(channel);

    client.getStats().join();

    assertThat(received.get()).isNull();
  }
}
