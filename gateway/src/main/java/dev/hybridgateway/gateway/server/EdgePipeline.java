package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.gateway.admission.BackendBulkheads;
import dev.hybridgateway.gateway.admission.TenantRateLimiter;
import dev.hybridgateway.gateway.auth.Principal;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.fanout.ScatterGather;
import dev.hybridgateway.gateway.resilience.FailureClassifier;
import dev.hybridgateway.gateway.resilience.ResilientCoreClient;
import dev.hybridgateway.gateway.routing.RoutePlan;
import dev.hybridgateway.gateway.routing.Router;
import dev.hybridgateway.gateway.telemetry.RequestTelemetry;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.validation.RequestValidator;
import io.grpc.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The request path of every gateway call, composed here and only here (DESIGN.md, "Request
 * path"). In the order a call crosses the edge:
 *
 * <ol>
 *   <li>telemetry, outermost: server span, access log ({@link GatewayServerBuilder}'s
 *       interceptor chain);
 *   <li>authn/authz: {@code AuthInterceptor} (UNAUTHENTICATED / PERMISSION_DENIED), the
 *       Principal in the Context;
 *   <li>deadline: {@link DeadlineInterceptor} fixes the core deadline on arrival, so that every
 *       core call below, including the collection lookup of validation, carries it;
 *   <li>validation: {@link RequestValidator} (INVALID_ARGUMENT + BadRequest, NOT_FOUND);
 *   <li>admission: the tenant's rate limit (RESOURCE_EXHAUSTED + QuotaFailure + RetryInfo);
 *   <li>routing: {@link Router}, with the {@code x-hybrid-transport} override honoured only for
 *       the admin scope;
 *   <li>the backend's bulkhead, then fan-out for Search ({@link ScatterGather}) or one call per
 *       shard ({@link ShardedCalls}) for the rest; the fallback plan while a circuit is open;
 *   <li>per shard: a client span ({@link TracedCoreClient}) around the resilient client (circuit
 *       breaker, safe retries) around the {@code CoreClient}.
 * </ol>
 *
 * The services call {@link #enter} (steps 4–6) and then the backend step. Continuations run in
 * the call's own Context, so the deadline, the cancellation and the Principal follow them.
 */
public final class EdgePipeline {
  private final RequestValidator validator;
  private final TenantRateLimiter rateLimiter;
  private final Router router;
  private final BackendBulkheads bulkheads;

  EdgePipeline(
      RequestValidator validator,
      TenantRateLimiter rateLimiter,
      Router router,
      BackendBulkheads bulkheads) {
    this.validator = requireNonNull(validator, "validator");
    this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter");
    this.router = requireNonNull(router, "router");
    this.bulkheads = requireNonNull(bulkheads, "bulkheads");
  }

  /** A builder: routing config, clients per backend, admission, resilience, telemetry. */
  public static EdgePipelineBuilder builder() {
    return new EdgePipelineBuilder();
  }

  /** The router (for {@code /admin/routes}). */
  public Router router() {
    return router;
  }

  /** The validator (its collection cache is dropped on DeleteCollection). */
  RequestValidator validator() {
    return validator;
  }

  /** Steps 4–6 for {@code request}: validated, admitted, routed. */
  CompletableFuture<RoutePlan> enter(CoreMethod<?, ?> method, String collection, Message request) {
    Executor here = Context.current().fixedContextExecutor(Runnable::run);
    return validator
        .validateAsync(request)
        .thenApplyAsync(
            ok -> {
              Principal caller = Principal.CONTEXT_KEY.get();
              rateLimiter.acquire(caller == null ? "anonymous" : caller.tenant());
              boolean admin = caller != null && caller.hasScope(Scopes.ADMIN);
              Transport override = admin ? TransportOverride.requested() : null;
              RoutePlan plan = router.route(method, collection, override, admin);
              RequestTelemetry.noteTransport(plan.transport());
              return plan;
            },
            here);
  }

  /** Search: scatter to every shard of {@code plan}, gather and merge, in its bulkhead. */
  CompletableFuture<SearchResponse> search(RoutePlan plan, SearchRequest request) {
    return validator
        .collections()
        .get(request.getCollection())
        .thenComposeAsync(
            info ->
                bulkheads.run(
                    plan.backend(),
                    () ->
                        ScatterGather.search(
                            plan, SearchMapper.toCore(request), info.getMetric(),
                            request.getAllowPartial())),
            Context.current().fixedContextExecutor(Runnable::run))
        .thenApply(result -> result.response());
  }

  /**
   * Any other call: {@code call} on {@code plan} in its backend's bulkhead; on the fallback plan
   * when the backend refused with an open circuit (the call was not made, so this is safe).
   */
  <T> CompletableFuture<T> onBackend(RoutePlan plan, Function<RoutePlan, CompletableFuture<T>> call) {
    Executor here = Context.current().fixedContextExecutor(Runnable::run);
    CompletableFuture<T> first = bulkheads.run(plan.backend(), () -> call.apply(plan));
    if (plan.fallback() == null) {
      return first;
    }
    return first
        .handle((value, failure) -> failure)
        .thenComposeAsync(
            failure -> {
              if (failure == null) {
                return first;
              }
              if (!circuitOpen(failure)) {
                return CompletableFuture.failedFuture(CoreErrors.toException(failure));
              }
              RequestTelemetry.noteTransport(plan.fallback().transport());
              return bulkheads.run(plan.fallback().backend(), () -> call.apply(plan.fallback()));
            },
            here);
  }

  private static boolean circuitOpen(Throwable failure) {
    com.google.rpc.Status status = CoreErrors.toStatus(failure);
    return status.getCode() == com.google.rpc.Code.UNAVAILABLE_VALUE
        && ResilientCoreClient.CIRCUIT_OPEN.equals(
            FailureClassifier.errorInfo(status).getReason());
  }
}
