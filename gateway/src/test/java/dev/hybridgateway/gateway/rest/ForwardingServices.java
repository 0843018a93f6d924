package dev.hybridgateway.gateway.rest;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;

/**
 * A service that relays every unary call of a service descriptor to a channel: lets a test put
 * extra server interceptors (the auth interceptor) in front of the real gateway services.
 */
final class ForwardingServices {
  private ForwardingServices() {}

  static ServerServiceDefinition to(ServiceDescriptor service, Channel target) {
    ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(service);
    for (MethodDescriptor<?, ?> method : service.getMethods()) {
      add(definition, method, target);
    }
    return definition.build();
  }

  private static <Q, R> void add(
      ServerServiceDefinition.Builder definition, MethodDescriptor<Q, R> method, Channel target) {
    definition.addMethod(
        method,
        ServerCalls.asyncUnaryCall(
            (request, observer) ->
                ClientCalls.asyncUnaryCall(
                    target.newCall(method, CallOptions.DEFAULT), request, observer)));
  }
}
