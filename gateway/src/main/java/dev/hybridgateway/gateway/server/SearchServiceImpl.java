package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.v1.RerankRequest;
import dev.hybridgateway.gateway.v1.RerankResponse;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * {@code hybrid.gateway.v1.SearchService} over one {@link CoreClient}. It runs inside the Context
 * that {@link DeadlineInterceptor} prepared, so the core call carries the edge's deadline and
 * the client's cancellation.
 */
final class SearchServiceImpl extends SearchServiceGrpc.SearchServiceImplBase {
  private final CoreClient core;
  private final CoreCalls calls;

  SearchServiceImpl(CoreClient core, CoreCalls calls) {
    this.core = requireNonNull(core, "core");
    this.calls = requireNonNull(calls, "calls");
  }

  @Override
  public void search(SearchRequest request, StreamObserver<SearchResponse> observer) {
    Replies.send(
        () ->
            core.search(SearchMapper.toCore(request))
                .thenApply(reply -> SearchMapper.searchFromCore(reply, calls)),
        observer);
  }

  @Override
  public void rerank(RerankRequest request, StreamObserver<RerankResponse> observer) {
    Replies.send(
        () ->
            core.rerank(SearchMapper.toCore(request))
                .thenApply(reply -> SearchMapper.rerankFromCore(reply, calls)),
        observer);
  }
}
