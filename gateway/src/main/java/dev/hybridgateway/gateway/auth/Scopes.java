package dev.hybridgateway.gateway.auth;

/**
 * The scopes the gateway knows. A token carries them in {@code scope} (space-separated) or
 * {@code scp} (array); an API key entry lists them in the config. {@link MethodScopes} says which
 * one each method needs.
 */
public final class Scopes {
  /** SearchService: Search and Rerank. */
  public static final String SEARCH = "search";

  /** CollectionService: GetCollection and ListCollections. */
  public static final String COLLECTIONS_READ = "collections.read";

  /** CollectionService: CreateCollection, DeleteCollection and UpsertVectors. */
  public static final String COLLECTIONS_WRITE = "collections.write";

  /**
   * Operators: the admin endpoints and the transport override header (pins a request to the
   * java, ffi or grpc backend; benchmarks and interop tests use it).
   */
  public static final String ADMIN = "admin";

  private Scopes() {}
}
