package dev.hybridgateway.gateway.core;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.CreateCollectionResponse;
import dev.hybridgateway.core.v1.DeleteCollectionRequest;
import dev.hybridgateway.core.v1.DeleteCollectionResponse;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.GetStatsRequest;
import dev.hybridgateway.core.v1.HotPathGrpc;
import dev.hybridgateway.core.v1.ListCollectionsRequest;
import dev.hybridgateway.core.v1.ListCollectionsResponse;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.core.v1.UpsertVectorsRequest;
import dev.hybridgateway.core.v1.UpsertVectorsResponse;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.function.Function;

/**
 * One RPC of the core's {@code hybrid.core.v1.HotPath} service, described once for every
 * transport: the gRPC method descriptor, the FFI method id of hotpath-ffi's generic call, the
 * response parser, and where the response carries the core's timing.
 *
 * <p>Adding an RPC to the core means adding one constant here (and the proto, the Rust handler
 * and a case in {@code core.engine}); the FFI and gRPC clients need no change.
 *
 * @param <Q> request message
 * @param <R> response message
 */
public final class CoreMethod<Q extends Message, R extends Message> {
  public static final CoreMethod<SearchRequest, SearchResponse> SEARCH =
      new CoreMethod<>(
          1, HotPathGrpc.getSearchMethod(), SearchResponse.parser(), SearchResponse::getTiming,
          true);
  public static final CoreMethod<RerankRequest, RerankResponse> RERANK =
      new CoreMethod<>(
          2, HotPathGrpc.getRerankMethod(), RerankResponse.parser(), RerankResponse::getTiming,
          true);
  public static final CoreMethod<CreateCollectionRequest, CreateCollectionResponse>
      CREATE_COLLECTION =
          new CoreMethod<>(
              3, HotPathGrpc.getCreateCollectionMethod(), CreateCollectionResponse.parser(),
              CreateCollectionResponse::getTiming, false);
  public static final CoreMethod<UpsertVectorsRequest, UpsertVectorsResponse> UPSERT_VECTORS =
      new CoreMethod<>(
          4, HotPathGrpc.getUpsertVectorsMethod(), UpsertVectorsResponse.parser(),
          UpsertVectorsResponse::getTiming, true);
  public static final CoreMethod<GetCollectionRequest, CollectionInfo> GET_COLLECTION =
      new CoreMethod<>(
          5, HotPathGrpc.getGetCollectionMethod(), CollectionInfo.parser(),
          r -> CoreTiming.getDefaultInstance(), true);
  public static final CoreMethod<DeleteCollectionRequest, DeleteCollectionResponse>
      DELETE_COLLECTION =
          new CoreMethod<>(
              6, HotPathGrpc.getDeleteCollectionMethod(), DeleteCollectionResponse.parser(),
              r -> CoreTiming.getDefaultInstance(), false);
  public static final CoreMethod<ListCollectionsRequest, ListCollectionsResponse>
      LIST_COLLECTIONS =
          new CoreMethod<>(
              7, HotPathGrpc.getListCollectionsMethod(), ListCollectionsResponse.parser(),
              r -> CoreTiming.getDefaultInstance(), true);
  public static final CoreMethod<GetStatsRequest, EngineStats> GET_STATS =
      new CoreMethod<>(
          8, HotPathGrpc.getGetStatsMethod(), EngineStats.parser(),
          r -> CoreTiming.getDefaultInstance(), true);

  /** Every method, in FFI id order. */
  public static final List<CoreMethod<?, ?>> ALL =
      List.of(SEARCH, RERANK, CREATE_COLLECTION, UPSERT_VECTORS, GET_COLLECTION,
          DELETE_COLLECTION, LIST_COLLECTIONS, GET_STATS);

  private final int ffiId;
  private final MethodDescriptor<Q, R> grpcMethod;
  private final Parser<R> parser;
  private final Function<R, CoreTiming> timing;
  private final boolean idempotent;

  private CoreMethod(
      int ffiId,
      MethodDescriptor<Q, R> grpcMethod,
      Parser<R> parser,
      Function<R, CoreTiming> timing,
      boolean idempotent) {
    this.ffiId = ffiId;
    this.grpcMethod = requireNonNull(grpcMethod, "grpcMethod");
    this.parser = requireNonNull(parser, "parser");
    this.timing = requireNonNull(timing, "timing");
    this.idempotent = idempotent;
  }

  /** The method id of hotpath-ffi's generic {@code hotpath_call}. */
  public int ffiId() {
    return ffiId;
  }

  /** The grpc-java descriptor of this method on {@code hybrid.core.v1.HotPath}. */
  public MethodDescriptor<Q, R> grpcMethod() {
    return grpcMethod;
  }

  /** Parses the response bytes (FFI generic path). */
  public Parser<R> parser() {
    return parser;
  }

  /** The core's timing carried by a response, or the default instance when it carries none. */
  public CoreTiming timingOf(R response) {
    return timing.apply(response);
  }

  /** Whether calling twice has the same effect as once (resilience retries only these). */
  public boolean idempotent() {
    return idempotent;
  }

  /** The short RPC name, e.g. {@code Search}. */
  public String name() {
    return grpcMethod.getBareMethodName();
  }

  @Override
  public String toString() {
    return name();
  }
}
