package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.admission.BackendBulkheads;
import dev.hybridgateway.gateway.admission.TenantRateLimiter;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.gateway.v1.CreateCollectionRequest;
import dev.hybridgateway.gateway.v1.DeleteCollectionRequest;
import dev.hybridgateway.gateway.v1.ListCollectionsRequest;
import dev.hybridgateway.gateway.v1.RerankRequest;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.UpsertVectorsRequest;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.routing.Router;
import dev.hybridgateway.gateway.telemetry.CoreSpans;
import dev.hybridgateway.gateway.telemetry.Telemetry;
import dev.hybridgateway.gateway.validation.CollectionInfoCache;
import dev.hybridgateway.gateway.validation.RequestValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Builds an {@link EdgePipeline} from the routing table and the raw clients of each backend
 * (backend name → one client per shard, in shard order). Each client is wrapped once here, in the
 * order of {@link EdgePipeline}'s list: a client span outside the resilient client. The caller
 * keeps owning the raw clients, the resilience and the telemetry, and closes them after the
 * server.
 */
public final class EdgePipelineBuilder {
  /** Calls in flight per backend before its bulkhead refuses (UNAVAILABLE + RetryInfo). */
  public static final int DEFAULT_BULKHEAD = 64;

  /** How many collections' infos (dim, metric) validation keeps. */
  public static final int COLLECTION_CACHE_SIZE = 1024;

  private RoutingConfig routing;
  private Map<String, List<CoreClient>> clients;
  private BackendResilience resilience;
  private TenantRateLimiter rateLimiter = TenantRateLimiter.builder().build();
  private int bulkhead = DEFAULT_BULKHEAD;
  private Telemetry telemetry = Telemetry.noop();
  private RandomGenerator random = new SplittableRandom();

  EdgePipelineBuilder() {}

  /** The routing table. Required. */
  public EdgePipelineBuilder routing(RoutingConfig routing) {
    this.routing = requireNonNull(routing, "routing");
    return this;
  }

  /** Backend name → its raw clients, one per shard in shard order. Required. */
  public EdgePipelineBuilder clients(Map<String, List<CoreClient>> clients) {
    this.clients = Map.copyOf(requireNonNull(clients, "clients"));
    return this;
  }

  /** Circuit breakers and retries per backend. Required. */
  public EdgePipelineBuilder resilience(BackendResilience resilience) {
    this.resilience = requireNonNull(resilience, "resilience");
    return this;
  }

  /** The per-tenant rate limit (default: 100 requests/s, bursts of 200). */
  public EdgePipelineBuilder rateLimiter(TenantRateLimiter rateLimiter) {
    this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter");
    return this;
  }

  /** Calls in flight per backend (default {@value #DEFAULT_BULKHEAD}). */
  public EdgePipelineBuilder bulkhead(int maxConcurrent) {
    this.bulkhead = maxConcurrent;
    return this;
  }

  /** Client spans, boundary-cost metric, circuit and bulkhead gauges (default: no-op). */
  public EdgePipelineBuilder telemetry(Telemetry telemetry) {
    this.telemetry = requireNonNull(telemetry, "telemetry");
    return this;
  }

  /** Draws the weighted (canary) choices; tests pass a seeded one. */
  public EdgePipelineBuilder random(RandomGenerator random) {
    this.random = requireNonNull(random, "random");
    return this;
  }

  /** The pipeline; registers the circuit-state and bulkhead gauges on the telemetry's metrics. */
  public EdgePipeline build() {
    if (routing == null || clients == null || resilience == null) {
      throw new IllegalStateException("set the routing, the clients and the resilience");
    }
    CoreSpans spans = telemetry.coreSpans();
    Map<String, List<CoreClient>> wrapped = new LinkedHashMap<>();
    Map<String, Integer> limits = new LinkedHashMap<>();
    clients.forEach(
        (backend, shards) -> {
          List<CoreClient> list = new ArrayList<>();
          for (int i = 0; i < shards.size(); i++) {
            list.add(new TracedCoreClient(resilience.wrap(backend, shards.get(i)), spans, i));
          }
          wrapped.put(backend, list);
          limits.put(backend, bulkhead);
        });
    Router router = Router.of(routing, wrapped, random, resilience);
    BackendBulkheads bulkheads = BackendBulkheads.of(limits, Duration.ofMillis(50));
    CollectionInfoCache collections =
        CollectionInfoCache.of(
            name ->
                router
                    .route(CoreMethod.GET_COLLECTION, name, null, false)
                    .primary()
                    .client()
                    .getCollection(GetCollectionRequest.newBuilder().setName(name).build())
                    .thenApply(CoreReply::response),
            COLLECTION_CACHE_SIZE);
    telemetry.metrics().registerCircuitStates(resilience.circuitStates());
    telemetry.metrics().registerBulkheads(bulkheads.saturation());
    RequestValidator validator = RequestValidator.of(collections);
    warmUp(validator);
    return new EdgePipeline(validator, rateLimiter, router, bulkheads);
  }

  /**
   * Compiles the validation rules of every request type now: protovalidate compiles a message's
   * CEL rules on first use, which takes long enough on a cold JVM to eat a first caller's deadline.
   */
  private static void warmUp(RequestValidator validator) {
    for (Message empty :
        List.<Message>of(
            SearchRequest.getDefaultInstance(),
            RerankRequest.getDefaultInstance(),
            CreateCollectionRequest.getDefaultInstance(),
            dev.hybridgateway.gateway.v1.GetCollectionRequest.getDefaultInstance(),
            ListCollectionsRequest.getDefaultInstance(),
            DeleteCollectionRequest.getDefaultInstance(),
            UpsertVectorsRequest.getDefaultInstance())) {
      try {
        validator.validate(empty);
      } catch (RuntimeException expected) {
        // An empty request breaks rules; only the compilation mattered.
      }
    }
  }
}
