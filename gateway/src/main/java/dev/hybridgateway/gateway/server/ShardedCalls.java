package dev.hybridgateway.gateway.server;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.DeleteCollectionRequest;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.ListCollectionsRequest;
import dev.hybridgateway.core.v1.ShardSpec;
import dev.hybridgateway.core.v1.UpsertVectorsRequest;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.fanout.ShardSeverity;
import dev.hybridgateway.gateway.routing.RoutePlan;
import dev.hybridgateway.gateway.routing.ShardTarget;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.ListCollectionsResponse;
import dev.hybridgateway.gateway.v1.UpsertVectorsResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The collection calls on every shard of a plan, in parallel: a sharded collection is one
 * collection per shard, each created with its {@link ShardSpec} (shard i of n holds the ids with
 * id % n == i), so creating, describing, listing and deleting touch every shard, and an upsert
 * sends each shard its own ids. A failing shard fails the call with the most severe shard error.
 */
final class ShardedCalls {
  private ShardedCalls() {}

  /** One shard's answer. */
  record Answer<R>(ShardTarget shard, CoreReply<R> reply) {
    CoreCalls calls() {
      return new CoreCalls(shard.backend(), shard.client().transport());
    }
  }

  static CompletableFuture<Collection> create(RoutePlan plan, CreateCollectionRequest request) {
    return each(
            plan,
            shard ->
                shard.client().createCollection(
                    shard.count() == 1 ? request : request.toBuilder().setShard(spec(shard)).build()))
        .thenApply(answers -> merge(answers, r -> r.getCollection()));
  }

  static CompletableFuture<Collection> get(RoutePlan plan, String name) {
    var request = GetCollectionRequest.newBuilder().setName(name).build();
    return each(plan, shard -> shard.client().getCollection(request))
        .thenApply(answers -> merge(answers, r -> r));
  }

  static CompletableFuture<Collection> delete(RoutePlan plan, String name) {
    var request = DeleteCollectionRequest.newBuilder().setName(name).build();
    return each(plan, shard -> shard.client().deleteCollection(request))
        .thenApply(answers -> merge(answers, r -> r.getCollection()));
  }

  static CompletableFuture<ListCollectionsResponse> list(RoutePlan plan) {
    var request = ListCollectionsRequest.getDefaultInstance();
    return each(plan, shard -> shard.client().listCollections(request))
        .thenApply(
            answers -> {
              Map<String, List<CollectionMapper.ShardInfo>> byName = new LinkedHashMap<>();
              for (var answer : answers) {
                for (CollectionInfo info : answer.reply().response().getCollectionsList()) {
                  byName
                      .computeIfAbsent(info.getName(), n -> new ArrayList<>())
                      .add(new CollectionMapper.ShardInfo(info, answer.calls().of(answer.reply())));
                }
              }
              var response = ListCollectionsResponse.newBuilder();
              byName.values().forEach(shards -> response.addCollections(CollectionMapper.merge(shards)));
              return response.build();
            });
  }

  /** Sends each shard the ids (and vectors) it holds; shards without any are not called. */
  static CompletableFuture<UpsertVectorsResponse> upsert(RoutePlan plan, UpsertVectorsRequest request) {
    int n = plan.shards().size();
    List<UpsertVectorsRequest.Builder> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(UpsertVectorsRequest.newBuilder().setCollection(request.getCollection()));
    }
    for (int i = 0; i < request.getIdsCount(); i++) {
      long id = request.getIds(i);
      var part = parts.get((int) Long.remainderUnsigned(id, n));
      part.addIds(id).addVectors(request.getVectors(i));
    }
    List<ShardTarget> called = new ArrayList<>();
    for (ShardTarget shard : plan.shards()) {
      if (n == 1 || parts.get(shard.index()).getIdsCount() > 0) {
        called.add(shard);
      }
    }
    return each(called, shard -> shard.client().upsertVectors(parts.get(shard.index()).build()))
        .thenApply(
            answers -> {
              var response = UpsertVectorsResponse.newBuilder();
              long upserted = 0;
              long count = 0;
              for (var answer : answers) {
                upserted += answer.reply().response().getUpserted();
                count += answer.reply().response().getCount();
                response.addShards(
                    answer.calls().answered(answer.shard().index(), answer.reply(), 0));
              }
              return response.setUpserted(upserted).setCount(count).build();
            });
  }

  private static ShardSpec spec(ShardTarget shard) {
    return ShardSpec.newBuilder().setIndex(shard.index()).setCount(shard.count()).build();
  }

  private static <R> Collection merge(List<Answer<R>> answers, Function<R, CollectionInfo> info) {
    List<CollectionMapper.ShardInfo> shards = new ArrayList<>();
    for (var answer : answers) {
      shards.add(
          new CollectionMapper.ShardInfo(
              info.apply(answer.reply().response()), answer.calls().of(answer.reply())));
    }
    return CollectionMapper.merge(shards);
  }

  private static <R> CompletableFuture<List<Answer<R>>> each(
      RoutePlan plan, Function<ShardTarget, CompletableFuture<CoreReply<R>>> call) {
    return each(plan.shards(), call);
  }

  private static <R> CompletableFuture<List<Answer<R>>> each(
      List<ShardTarget> shards, Function<ShardTarget, CompletableFuture<CoreReply<R>>> call) {
    List<CompletableFuture<CoreReply<R>>> calls = new ArrayList<>();
    for (ShardTarget shard : shards) {
      CompletableFuture<CoreReply<R>> reply;
      try {
        reply = call.apply(shard);
      } catch (RuntimeException e) {
        reply = CompletableFuture.failedFuture(e);
      }
      calls.add(reply);
    }
    return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .handle(
            (ignored, failure) -> {
              List<com.google.rpc.Status> failures = new ArrayList<>();
              List<Answer<R>> answers = new ArrayList<>();
              for (int i = 0; i < calls.size(); i++) {
                var reply = calls.get(i);
                if (reply.isCompletedExceptionally()) {
                  failures.add(CoreErrors.toStatus(reply.handle((r, e) -> e).join()));
                } else {
                  answers.add(new Answer<>(shards.get(i), reply.join()));
                }
              }
              if (!failures.isEmpty()) {
                throw CoreErrors.toException(ShardSeverity.mostSevere(failures));
              }
              return answers;
            });
  }
}
