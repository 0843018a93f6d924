package dev.hybridgateway.gateway.core.engine;

import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.CreateCollectionResponse;
import dev.hybridgateway.core.v1.DeleteCollectionRequest;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.UpsertVectorsRequest;
import dev.hybridgateway.core.v1.UpsertVectorsResponse;
import dev.hybridgateway.gateway.core.CoreMethod;

/**
 * Routes a {@link CoreMethod} to the engine call that answers it (by FFI method id, as
 * hotpath-core's {@code call.rs} routes {@code Method}s), and stamps the queue time into the
 * responses that carry a {@code CoreTiming}, as hotpath-server does.
 */
final class Dispatch {
  private Dispatch() {}

  /** The engine's response to {@code request}; throws CoreException on failure. */
  static Message call(
      JavaEngine engine, CoreMethod<?, ?> method, Message request, StopSignal stop) {
    return switch (method.ffiId()) {
      case 1 -> engine.search((SearchRequest) request, stop);
      case 2 -> engine.rerank((RerankRequest) request, stop);
      case 3 -> engine.createCollection((CreateCollectionRequest) request, stop);
      case 4 -> engine.upsertVectors((UpsertVectorsRequest) request, stop);
      case 5 -> engine.getCollection((GetCollectionRequest) request);
      case 6 -> engine.deleteCollection((DeleteCollectionRequest) request);
      case 7 -> engine.listCollections();
      case 8 -> engine.stats();
      default -> throw new CoreException(new CoreError.UnknownMethod(method.ffiId()));
    };
  }

  /** {@code response} with {@code timing.queue_ns} set, for the responses that carry timing. */
  static Message withQueueNs(Message response, long queueNs) {
    return switch (response) {
      case SearchResponse r ->
          r.toBuilder().setTiming(r.getTiming().toBuilder().setQueueNs(queueNs)).build();
      case RerankResponse r ->
          r.toBuilder().setTiming(r.getTiming().toBuilder().setQueueNs(queueNs)).build();
      case CreateCollectionResponse r ->
          r.toBuilder().setTiming(r.getTiming().toBuilder().setQueueNs(queueNs)).build();
      case UpsertVectorsResponse r ->
          r.toBuilder().setTiming(r.getTiming().toBuilder().setQueueNs(queueNs)).build();
      default -> response;
    };
  }
}
