package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a {@link Principal} may call a method, from the {@link MethodScopes} table.
 * A method without an entry is denied. Refusals are PERMISSION_DENIED with an ErrorInfo reason
 * {@link AuthErrors#SCOPE_MISSING} (metadata {@code required_scope}, {@code method}) or {@link
 * AuthErrors#METHOD_NOT_MAPPED}. Besides whole methods it guards single operations, e.g. the
 * routing stage before it honours the transport override header:
 *
 * <pre>{@code
 * authorizer.authorize(Principal.current(), MethodScopes.TRANSPORT_OVERRIDE);
 * }</pre>
 */
public final class Authorizer {
  private final MethodScopes scopes;

  private Authorizer(MethodScopes scopes) {
    this.scopes = requireNonNull(scopes, "scopes");
  }

  /** The authorizer of {@code scopes}. */
  public static Authorizer of(MethodScopes scopes) {
    return new Authorizer(scopes);
  }

  /** The authorizer of {@link MethodScopes#defaults()}. */
  public static Authorizer defaults() {
    return of(MethodScopes.defaults());
  }

  /** Whether {@code fullMethodName} is callable without credentials. */
  public boolean isPublic(String fullMethodName) {
    return scopes.isPublic(fullMethodName);
  }

  /** Returns normally when {@code principal} may call {@code fullMethodName}; throws otherwise. */
  public void authorize(Principal principal, String fullMethodName) {
    requireNonNull(principal, "principal");
    if (scopes.isPublic(fullMethodName)) {
      return;
    }
    Optional<String> required = scopes.requiredScope(fullMethodName);
    if (required.isEmpty()) {
      throw AuthErrors.permissionDenied(
          AuthErrors.METHOD_NOT_MAPPED,
          fullMethodName + " has no entry in the scope table (MethodScopes); it is denied until"
              + " one is added",
          Map.of("method", fullMethodName));
    }
    String scope = required.get();
    if (!principal.hasScope(scope)) {
      throw AuthErrors.permissionDenied(
          AuthErrors.SCOPE_MISSING,
          fullMethodName + " needs the scope '" + scope + "', which the caller was not granted",
          Map.of("required_scope", scope, "method", fullMethodName));
    }
  }
}
