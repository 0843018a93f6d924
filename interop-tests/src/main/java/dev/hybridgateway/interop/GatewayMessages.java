package dev.hybridgateway.interop;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.Collection;

/**
 * The core's messages (what the catalogue speaks) to and from the gateway's public messages
 * (hybrid.gateway.v1), shared by the gRPC and the REST adapter. Search and Rerank requests are
 * wire-compatible with the core's (same field numbers), so they are re-parsed, not mapped field
 * by field: a field added on one side only shows up here as a failing case, not silently.
 */
final class GatewayMessages {
  private GatewayMessages() {}

  static dev.hybridgateway.gateway.v1.SearchRequest search(SearchRequest request) {
    return reparse(request.toByteString(), dev.hybridgateway.gateway.v1.SearchRequest::parseFrom);
  }

  static dev.hybridgateway.gateway.v1.RerankRequest rerank(RerankRequest request) {
    return reparse(request.toByteString(), dev.hybridgateway.gateway.v1.RerankRequest::parseFrom);
  }

  static SearchResponse searchResponse(dev.hybridgateway.gateway.v1.SearchResponse response) {
    return SearchResponse.newBuilder().addAllResults(response.getResultsList()).build();
  }

  static RerankResponse rerankResponse(dev.hybridgateway.gateway.v1.RerankResponse response) {
    return RerankResponse.newBuilder().addAllResults(response.getResultsList()).build();
  }

  /**
   * The gateway's CreateCollection for {@code request}; {@link CaseSkipped} for a sharded one
   * (the gateway's request has no shard field: give the runner the core too).
   */
  static dev.hybridgateway.gateway.v1.CreateCollectionRequest create(
      CreateCollectionRequest request) {
    if (request.hasShard() && request.getShard().getCount() > 1) {
      throw new CaseSkipped(
          "the gateway API cannot create a sharded collection; give the runner the core too");
    }
    var create = dev.hybridgateway.gateway.v1.CreateCollectionRequest.newBuilder()
        .setName(request.getName()).setDim(request.getDim()).setMetric(request.getMetric());
    if (request.hasSynthetic()) {
      create.setSynthetic(request.getSynthetic());
    }
    return create.build();
  }

  static CollectionInfo collection(Collection c) {
    return CollectionInfo.newBuilder()
        .setName(c.getName()).setDim(c.getDim()).setMetric(c.getMetric()).setCount(c.getCount())
        .build();
  }

  private static <T> T reparse(ByteString bytes, Parser<T> parser) {
    try {
      return parser.parse(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("core and gateway messages are no longer wire-compatible", e);
    }
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(ByteString bytes) throws InvalidProtocolBufferException;
  }
}
