package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.bench.scenario.Workload;
import dev.hybridgateway.bench.targets.CoreCalls;
import dev.hybridgateway.bench.targets.GatewayGrpcTarget;
import dev.hybridgateway.bench.targets.GatewayHeaders;
import dev.hybridgateway.bench.targets.GatewayWorkload;
import dev.hybridgateway.bench.targets.TransportPin;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens {@code gateway-grpc[/java|ffi|grpc]}: channels to the gateway's gRPC API ({@code
 * --gateway}), the scenario's collection on the pinned backend (and the routing table's choice),
 * and one preflight call whose answer must come from the pinned transport.
 */
final class GatewayGrpcTargetFactory implements TargetFactory {
  @Override
  public LoadTarget open(
      String name, TargetOptions options, Scenario scenario, Workload workload, Closer closer) {
    TransportPin pin = Targets.pin(name);
    GatewayHeaders headers = new GatewayHeaders(options.token(), pin);
    List<ManagedChannel> channels =
        Channels.open(options.gateway().host(), options.gateway().port(), options.connections(), closer);
    GatewayWorkload requests = GatewayWorkload.of(workload);
    try {
      if (scenario.kind() == Scenario.Kind.SEARCH && options.createCollection()) {
        Preflight.retryWhileUnavailable(() -> GatewayCollections.ensure(
            channels.get(0), headers.interceptor(), scenario, options.collection()));
        if (pin != null) {
          Preflight.retryWhileUnavailable(() -> GatewayCollections.ensure(channels.get(0),
              new GatewayHeaders(options.token(), null).interceptor(), scenario,
              options.collection()));
        }
      }
      SearchServiceGrpc.SearchServiceBlockingStub stub =
          SearchServiceGrpc.newBlockingStub(channels.get(0)).withInterceptors(headers.interceptor());
      Object answer = Preflight.retryWhileUnavailable(() -> {
        var call = stub.withDeadlineAfter(30, TimeUnit.SECONDS);
        return switch (requests) {
          case GatewayWorkload.Search search -> call.search(search.request(0));
          case GatewayWorkload.Rerank rerank -> call.rerank(rerank.request(0));
        };
      });
      PinCheck.verify(name, pin, CoreCalls.transports(CoreCalls.of(answer)));
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      throw new IllegalStateException(
          (code == Status.Code.UNAVAILABLE
              ? "cannot reach the gateway at " + options.gateway() + ": "
              : name + ": the gateway at " + options.gateway() + " answered ")
              + e.getStatus()
              + (code == Status.Code.UNAUTHENTICATED
                  ? " (pass a token of its dev key with --token-file)" : ""), e);
    }
    return new GatewayGrpcTarget(name, channels, requests, headers);
  }
}
