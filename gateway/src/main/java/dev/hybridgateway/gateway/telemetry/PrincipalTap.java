package dev.hybridgateway.gateway.telemetry;

import dev.hybridgateway.gateway.auth.Principal;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Copies the authenticated tenant into the call's {@link RequestTelemetry}. It must run after
 * {@code AuthInterceptor} (which puts the {@link Principal} in the Context); the access log line
 * itself is written further out, where the Principal is not visible.
 */
final class PrincipalTap implements ServerInterceptor {
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    RequestTelemetry request = RequestTelemetry.current();
    Principal principal = Principal.CONTEXT_KEY.get();
    if (request != null && principal != null) {
      request.tenant(principal.tenant());
    }
    return next.startCall(call, headers);
  }
}
