package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import java.util.Set;

/**
 * The authenticated caller of one request: the tenant it acts for, who it is within that tenant,
 * the scopes it was granted and how it authenticated. {@link AuthInterceptor} puts it in the gRPC
 * {@link Context}; handlers further down the pipeline (admission, routing, telemetry) read it with
 * {@link #current()}:
 *
 * <pre>{@code
 * Principal caller = Principal.current();
 * limiter.acquire(caller.tenant());
 * }</pre>
 *
 * @param tenant the tenant (from the configured JWT claim, or the API key's entry)
 * @param subject the JWT {@code sub}, or the API key entry's id; never a credential
 * @param scopes the granted scopes, e.g. {@link Scopes#SEARCH}
 * @param method how the caller authenticated
 */
public record Principal(String tenant, String subject, Set<String> scopes, AuthMethod method) {
  /** The Context key under which the current call's Principal travels. */
  public static final Context.Key<Principal> CONTEXT_KEY = Context.key("hybrid-gateway-principal");

  public Principal {
    requireNonNull(tenant, "tenant");
    requireNonNull(subject, "subject");
    scopes = Set.copyOf(requireNonNull(scopes, "scopes"));
    requireNonNull(method, "method");
    if (tenant.isBlank()) {
      throw new IllegalArgumentException("tenant is blank");
    }
  }

  /** Whether {@code scope} was granted. */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /**
   * The Principal of the current call.
   *
   * @throws IllegalStateException outside a call that passed {@link AuthInterceptor} (a wiring
   *     bug: public methods have no Principal)
   */
  public static Principal current() {
    Principal principal = CONTEXT_KEY.get();
    if (principal == null) {
      throw new IllegalStateException(
          "no Principal in the current gRPC Context: the call did not pass AuthInterceptor"
              + " or the method is public");
    }
    return principal;
  }
}
