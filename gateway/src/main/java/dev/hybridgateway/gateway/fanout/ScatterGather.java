package dev.hybridgateway.gateway.fanout;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.resilience.FailureClassifier;
import dev.hybridgateway.gateway.resilience.ResilientCoreClient;
import dev.hybridgateway.gateway.routing.RoutePlan;
import dev.hybridgateway.gateway.routing.ShardTarget;
import io.grpc.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Scatters a core Search to every shard of a {@link RoutePlan} and gathers the answers.
 *
 * <ul>
 *   <li>All shard calls are made in one child of the caller's {@link Context}: they share its
 *       deadline, and cancelling the caller (or the returned future) cancels every shard.
 *   <li>Without {@code allowPartial} the first failing shard cancels its siblings (their work is
 *       wasted anyway) and the call fails with the most severe shard error
 *       ({@link ShardSeverity}). With it, the shards that answered are merged, {@code partial}
 *       is set and each failure is in {@code shards[].status}. No answering shard fails the call
 *       either way.
 *   <li>If the plan's backend refuses with an open circuit and the plan has a fallback, the whole
 *       call is made again on the fallback plan (shards of two backends are never mixed).
 * </ul>
 *
 * <pre>{@code
 * FanoutResult result =
 *     ScatterGather.search(plan, coreRequest, collectionInfo.getMetric(), request.getAllowPartial())
 *         .join();
 * }</pre>
 */
public final class ScatterGather {
  private ScatterGather() {}

  /**
   * Searches every shard of {@code plan} for {@code request} and merges under {@code metric}
   * (the collection's metric; needed for the merge order).
   */
  public static CompletableFuture<FanoutResult> search(
      RoutePlan plan, SearchRequest request, Metric metric, boolean allowPartial) {
    requireNonNull(plan, "plan");
    requireNonNull(request, "request");
    TopKMerge.order(metric);
    CompletableFuture<FanoutResult> first = once(plan, request, metric, allowPartial);
    if (plan.fallback() == null) {
      return first;
    }
    Context context = Context.current();
    CompletableFuture<FanoutResult> result =
        first
            .handle(
                (done, failure) -> {
                  if (failure == null) {
                    return CompletableFuture.completedFuture(done);
                  }
                  if (!circuitOpen(failure)) {
                    return CompletableFuture.<FanoutResult>failedFuture(
                        CoreErrors.toException(failure));
                  }
                  Context previous = context.attach();
                  try {
                    return once(plan.fallback(), request, metric, allowPartial);
                  } finally {
                    context.detach(previous);
                  }
                })
            .thenCompose(f -> f);
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            first.cancel(true);
          }
        });
    return result;
  }

  private static CompletableFuture<FanoutResult> once(
      RoutePlan plan, SearchRequest request, Metric metric, boolean allowPartial) {
    Context.CancellableContext scope = Context.current().withCancellation();
    List<CompletableFuture<ShardOutcome>> calls = new ArrayList<>();
    Context previous = scope.attach();
    try {
      for (ShardTarget shard : plan.shards()) {
        CompletableFuture<ShardOutcome> call = call(shard, request);
        if (!allowPartial) {
          call.thenAccept(
              outcome -> {
                if (!outcome.ok()) {
                  scope.cancel(null);
                }
              });
        }
        calls.add(call);
      }
    } finally {
      scope.detach(previous);
    }
    CompletableFuture<FanoutResult> result =
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
            .thenApply(
                ignored -> {
                  scope.cancel(null);
                  return gather(plan, calls.stream().map(CompletableFuture::join).toList(),
                      request, metric, allowPartial);
                });
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            scope.cancel(null);
          }
        });
    return result;
  }

  private static CompletableFuture<ShardOutcome> call(ShardTarget shard, SearchRequest request) {
    CompletableFuture<CoreReply<SearchResponse>> reply;
    try {
      reply = shard.client().search(request);
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply.handle(
        (r, failure) ->
            failure == null
                ? new ShardOutcome(shard, r, null)
                : new ShardOutcome(shard, null, CoreErrors.toStatus(failure)));
  }

  private static FanoutResult gather(
      RoutePlan plan,
      List<ShardOutcome> outcomes,
      SearchRequest request,
      Metric metric,
      boolean allowPartial) {
    List<Status> failures = new ArrayList<>();
    List<ShardOutcome> answered = new ArrayList<>();
    for (ShardOutcome outcome : outcomes) {
      if (outcome.ok()) {
        answered.add(outcome);
      } else {
        failures.add(outcome.failure());
      }
    }
    if (answered.isEmpty() || (!failures.isEmpty() && !allowPartial)) {
      throw CoreErrors.toException(ShardSeverity.mostSevere(failures));
    }
    var response = dev.hybridgateway.gateway.v1.SearchResponse.newBuilder();
    for (int q = 0; q < request.getQueriesCount(); q++) {
      List<Neighbors> lists = new ArrayList<>();
      for (ShardOutcome outcome : answered) {
        SearchResponse shardResponse = outcome.reply().response();
        if (shardResponse.getResultsCount() != request.getQueriesCount()) {
          throw CoreErrors.toException(
              CoreErrors.internal("shard " + outcome.shard().index() + " answered "
                  + shardResponse.getResultsCount() + " result lists for "
                  + request.getQueriesCount() + " queries"));
        }
        lists.add(shardResponse.getResults(q));
      }
      response.addResults(TopKMerge.merge(lists, request.getK(), metric));
    }
    long scanned = 0;
    for (ShardOutcome outcome : outcomes) {
      response.addShards(outcome.toShardResult());
      scanned += outcome.ok() ? outcome.reply().response().getVectorsScanned() : 0;
    }
    response.setPartial(!failures.isEmpty()).setVectorsScanned(scanned);
    ShardOutcome slowest =
        answered.stream().max(Comparator.comparingLong(o -> o.reply().clientNanos())).orElseThrow();
    return new FanoutResult(
        response.build(), plan.backend(), slowest.reply().clientNanos(),
        slowest.reply().coreTiming());
  }

  private static boolean circuitOpen(Throwable failure) {
    Status status = CoreErrors.toStatus(failure);
    return status.getCode() == Code.UNAVAILABLE_VALUE
        && ResilientCoreClient.CIRCUIT_OPEN.equals(FailureClassifier.errorInfo(status).getReason());
  }
}
