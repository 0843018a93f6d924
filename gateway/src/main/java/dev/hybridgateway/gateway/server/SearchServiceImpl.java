package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.v1.RerankRequest;
import dev.hybridgateway.gateway.v1.RerankResponse;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;

/**
 * {@code hybrid.gateway.v1.SearchService} through the {@link EdgePipeline}: Search fans out to
 * every shard of the routed backend; Rerank carries its candidates, so one shard serves it.
 */
final class SearchServiceImpl extends SearchServiceGrpc.SearchServiceImplBase {
  private final EdgePipeline pipeline;

  SearchServiceImpl(EdgePipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
  }

  @Override
  public void search(SearchRequest request, StreamObserver<SearchResponse> observer) {
    Replies.send(
        () ->
            pipeline
                .enter(CoreMethod.SEARCH, request.getCollection(), request)
                .thenComposeAsync(
                    plan -> pipeline.search(plan, request),
                    Context.current().fixedContextExecutor(Runnable::run)),
        observer);
  }

  @Override
  public void rerank(RerankRequest request, StreamObserver<RerankResponse> observer) {
    Replies.send(
        () ->
            pipeline
                .enter(CoreMethod.RERANK, null, request)
                .thenComposeAsync(
                    plan ->
                        pipeline.onBackend(
                            plan,
                            p -> {
                              var shard = p.primary();
                              CoreCalls calls =
                                  new CoreCalls(shard.backend(), shard.client().transport());
                              return shard
                                  .client()
                                  .rerank(SearchMapper.toCore(request))
                                  .thenApply(reply -> SearchMapper.rerankFromCore(reply, calls));
                            }),
                    Context.current().fixedContextExecutor(Runnable::run)),
        observer);
  }
}
