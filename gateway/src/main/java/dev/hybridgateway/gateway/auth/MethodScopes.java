package dev.hybridgateway.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which scope each operation needs, keyed by full gRPC method name ({@code
 * "hybrid.gateway.v1.SearchService/Search"}) so that gRPC and the REST adapter (which maps each
 * HTTP route to the method it serves) share one table. An entry is an exact method, a whole
 * service ({@code "pkg.Service/*"}) or a package prefix ({@code "grpc.reflection.*"}); the most
 * specific entry wins. Operations that are not gRPC methods (the admin endpoints, the transport
 * override header) are named the same way under {@link #ADMIN_SERVICE}.
 *
 * <p>A method with no entry is denied (fail closed), so a new RPC stays unreachable until its
 * scope is written down here: add a line to {@link #defaults()}.
 */
public final class MethodScopes {
  /** The pseudo-service that names admin operations, e.g. {@link #TRANSPORT_OVERRIDE}. */
  public static final String ADMIN_SERVICE = "hybrid.gateway.admin.Admin";

  /** Honouring the header that pins a request to one transport (java, ffi or grpc). */
  public static final String TRANSPORT_OVERRIDE = adminOperation("TransportOverride");

  private static final String SEARCH_SERVICE = "hybrid.gateway.v1.SearchService";
  private static final String COLLECTION_SERVICE = "hybrid.gateway.v1.CollectionService";

  private final Map<String, String> scopes;
  private final Set<String> publicPatterns;

  MethodScopes(Map<String, String> scopes, Set<String> publicPatterns) {
    this.scopes = Map.copyOf(scopes);
    this.publicPatterns = Set.copyOf(publicPatterns);
  }

  /** The gateway's table. Teams add their RPCs here (one line each). */
  public static MethodScopes defaults() {
    return builder()
        .require(SEARCH_SERVICE + "/*", Scopes.SEARCH)
        .require(COLLECTION_SERVICE + "/GetCollection", Scopes.COLLECTIONS_READ)
        .require(COLLECTION_SERVICE + "/ListCollections", Scopes.COLLECTIONS_READ)
        .require(COLLECTION_SERVICE + "/CreateCollection", Scopes.COLLECTIONS_WRITE)
        .require(COLLECTION_SERVICE + "/DeleteCollection", Scopes.COLLECTIONS_WRITE)
        .require(COLLECTION_SERVICE + "/UpsertVectors", Scopes.COLLECTIONS_WRITE)
        .require(ADMIN_SERVICE + "/*", Scopes.ADMIN)
        .allowPublic("grpc.health.v1.Health/*")
        .allowPublic("grpc.reflection.*")
        .build();
  }

  /** An empty table, to build a custom one (tests, teams with their own services). */
  public static MethodScopesBuilder builder() {
    return new MethodScopesBuilder();
  }

  /** The name of admin operation {@code name}, e.g. {@code adminOperation("Routes")}. */
  public static String adminOperation(String name) {
    return ADMIN_SERVICE + "/" + requireNonNull(name, "name");
  }

  /** Whether {@code fullMethodName} needs no credentials at all (health, reflection). */
  public boolean isPublic(String fullMethodName) {
    requireNonNull(fullMethodName, "fullMethodName");
    return candidates(fullMethodName).stream().anyMatch(publicPatterns::contains);
  }

  /**
   * The scope {@code fullMethodName} needs; empty when the table has no entry for it (the caller
   * must then deny) or when it is {@linkplain #isPublic public}.
   */
  public Optional<String> requiredScope(String fullMethodName) {
    requireNonNull(fullMethodName, "fullMethodName");
    for (String candidate : candidates(fullMethodName)) {
      if (publicPatterns.contains(candidate)) {
        return Optional.empty();
      }
      String scope = scopes.get(candidate);
      if (scope != null) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }

  /** The entries that can match, most specific first: exact, service, package prefixes. */
  private static List<String> candidates(String fullMethodName) {
    List<String> out = new ArrayList<>();
    out.add(fullMethodName);
    int slash = fullMethodName.indexOf('/');
    String service = slash < 0 ? fullMethodName : fullMethodName.substring(0, slash);
    if (slash >= 0) {
      out.add(service + "/*");
    }
    for (int dot = service.lastIndexOf('.'); dot > 0; dot = service.lastIndexOf('.', dot - 1)) {
      out.add(service.substring(0, dot + 1) + "*");
    }
    return out;
  }
}
