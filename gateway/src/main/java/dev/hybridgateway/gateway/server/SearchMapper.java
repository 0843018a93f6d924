package dev.hybridgateway.gateway.server;

import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.v1.RerankRequest;
import dev.hybridgateway.gateway.v1.RerankResponse;
import dev.hybridgateway.gateway.v1.SearchRequest;

/**
 * Maps the public Search and Rerank messages ({@code hybrid.gateway.v1}) to the core's
 * ({@code hybrid.core.v1}) and back. Vectors, filters and hits are the core's own types, so they
 * pass through as they are; the gateway adds the shard results and the core-call report.
 */
final class SearchMapper {
  private SearchMapper() {}

  static dev.hybridgateway.core.v1.SearchRequest toCore(SearchRequest request) {
    var core =
        dev.hybridgateway.core.v1.SearchRequest.newBuilder()
            .setCollection(request.getCollection())
            .addAllQueries(request.getQueriesList())
            .setK(request.getK())
            .setMetricValue(request.getMetricValue());
    if (request.hasFilter()) {
      core.setFilter(request.getFilter());
    }
    return core.build();
  }

  static dev.hybridgateway.core.v1.RerankRequest toCore(RerankRequest request) {
    return dev.hybridgateway.core.v1.RerankRequest.newBuilder()
        .addAllQueries(request.getQueriesList())
        .addAllCandidates(request.getCandidatesList())
        .addAllCandidateIds(request.getCandidateIdsList())
        .setK(request.getK())
        .setMetricValue(request.getMetricValue())
        .build();
  }

  static RerankResponse rerankFromCore(
      CoreReply<dev.hybridgateway.core.v1.RerankResponse> reply, CoreCalls calls) {
    return RerankResponse.newBuilder()
        .addAllResults(reply.response().getResultsList())
        .setCall(calls.of(reply))
        .build();
  }
}
