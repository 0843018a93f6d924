package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;

/**
 * Step 2 of the request path for gRPC: authenticates and authorizes every call except the public
 * methods, then runs the call with its {@link Principal} in the Context ({@link
 * Principal#current()}). A refused call is closed with the status and its details in the
 * trailers ({@code grpc-status-details-bin}); the handler never runs.
 *
 * <pre>{@code
 * ServerInterceptors.intercept(service, new AuthInterceptor(authenticator, Authorizer.defaults()));
 * }</pre>
 */
public final class AuthInterceptor implements ServerInterceptor {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of(RequestHeaders.AUTHORIZATION, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> API_KEY =
      Metadata.Key.of(RequestHeaders.API_KEY, Metadata.ASCII_STRING_MARSHALLER);

  private final Authenticator authenticator;
  private final Authorizer authorizer;

  public AuthInterceptor(Authenticator authenticator, Authorizer authorizer) {
    this.authenticator = requireNonNull(authenticator, "authenticator");
    this.authorizer = requireNonNull(authorizer, "authorizer");
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (authorizer.isPublic(method)) {
      return next.startCall(call, headers);
    }
    Principal principal;
    try {
      principal = authenticator.authenticate(grpcHeaders(headers));
      authorizer.authorize(principal, method);
    } catch (StatusRuntimeException e) {
      Metadata trailers = e.getTrailers() == null ? new Metadata() : e.getTrailers();
      call.close(e.getStatus(), trailers);
      return new ServerCall.Listener<>() {};
    }
    Context context = Context.current().withValue(Principal.CONTEXT_KEY, principal);
    return Contexts.interceptCall(context, call, headers, next);
  }

  private static RequestHeaders grpcHeaders(Metadata headers) {
    return name ->
        switch (name) {
          case RequestHeaders.AUTHORIZATION -> headers.get(AUTHORIZATION);
          case RequestHeaders.API_KEY -> headers.get(API_KEY);
          default -> headers.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
        };
  }
}
