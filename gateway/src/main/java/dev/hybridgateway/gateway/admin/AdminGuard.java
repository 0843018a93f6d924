package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.Authorizer;
import dev.hybridgateway.gateway.auth.MethodScopes;
import dev.hybridgateway.gateway.auth.Principal;

/**
 * Admits a request to an admin page: the same credentials as the API ({@code authorization:
 * Bearer <JWT>} or {@code x-api-key}) through the auth package, and the scope that {@link
 * MethodScopes} requires for the page's operation ({@code admin} for {@code
 * MethodScopes.adminOperation("Routes")}). Refusals are the auth package's StatusRuntimeExceptions
 * (UNAUTHENTICATED, PERMISSION_DENIED); {@link AdminRoutes} renders them.
 */
final class AdminGuard {
  private final Authenticator authenticator;
  private final Authorizer authorizer;

  AdminGuard(Authenticator authenticator, Authorizer authorizer) {
    this.authenticator = requireNonNull(authenticator, "authenticator");
    this.authorizer = requireNonNull(authorizer, "authorizer");
  }

  /** The caller of {@code request}, allowed to run admin operation {@code operation}. */
  Principal admit(AdminRequest request, String operation) {
    Principal caller = authenticator.authenticate(request::header);
    authorizer.authorize(caller, MethodScopes.adminOperation(operation));
    return caller;
  }
}
