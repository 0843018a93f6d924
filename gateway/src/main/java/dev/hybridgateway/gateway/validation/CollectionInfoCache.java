package dev.hybridgateway.gateway.validation;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreReply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A small LRU cache of each collection's {@link CollectionInfo} (dim and metric are what
 * validation and the fan-out merge need), filled on first use through the core's
 * GetCollection. A collection's dim never changes while it exists, so entries only leave when
 * the collection goes: call {@link #invalidate} after DeleteCollection; a NOT_FOUND from the
 * loader or from any later core call ({@link #onFailure}) drops the entry too.
 */
public final class CollectionInfoCache {
  private final Function<String, CompletableFuture<CollectionInfo>> loader;
  private final Map<String, CollectionInfo> entries;

  private CollectionInfoCache(
      Function<String, CompletableFuture<CollectionInfo>> loader, int maxEntries) {
    this.loader = requireNonNull(loader, "loader");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1, is " + maxEntries);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CollectionInfo> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** A cache loading through {@code loader} (collection name → its info, under the caller's Context). */
  public static CollectionInfoCache of(
      Function<String, CompletableFuture<CollectionInfo>> loader, int maxEntries) {
    return new CollectionInfoCache(loader, maxEntries);
  }

  /** A cache loading with {@code client}'s GetCollection. */
  public static CollectionInfoCache of(CoreClient client, int maxEntries) {
    requireNonNull(client, "client");
    return of(
        name ->
            client
                .getCollection(GetCollectionRequest.newBuilder().setName(name).build())
                .thenApply(CoreReply::response),
        maxEntries);
  }

  /** The info of {@code name}: cached, or loaded now (NOT_FOUND fails the future). */
  public CompletableFuture<CollectionInfo> get(String name) {
    requireNonNull(name, "name");
    Optional<CollectionInfo> cached = cached(name);
    if (cached.isPresent()) {
      return CompletableFuture.completedFuture(cached.get());
    }
    return loader
        .apply(name)
        .whenComplete(
            (info, failure) -> {
              if (failure == null) {
                synchronized (entries) {
                  entries.put(name, info);
                }
              } else {
                onFailure(name, failure);
              }
            });
  }

  /** The cached info of {@code name}, without loading. */
  public Optional<CollectionInfo> cached(String name) {
    synchronized (entries) {
      return Optional.ofNullable(entries.get(name));
    }
  }

  /** Forgets {@code name} (after DeleteCollection, or a NOT_FOUND). */
  public void invalidate(String name) {
    synchronized (entries) {
      entries.remove(name);
    }
  }

  /** Forgets {@code name} if {@code failure} says it does not exist. */
  public void onFailure(String name, Throwable failure) {
    if (CoreErrors.toStatus(failure).getCode() == Code.NOT_FOUND_VALUE) {
      invalidate(name);
    }
  }
}
