package dev.hybridgateway.gateway.fanout;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.routing.ShardTarget;
import dev.hybridgateway.gateway.v1.CoreCall;
import dev.hybridgateway.gateway.v1.ShardResult;
import dev.hybridgateway.gateway.v1.Transport;

/**
 * How one shard of a fan-out ended: its reply, or the status it failed with (exactly one is set).
 */
record ShardOutcome(ShardTarget shard, CoreReply<SearchResponse> reply, Status failure) {
  private static final Status OK = Status.newBuilder().setCode(Code.OK_VALUE).build();

  ShardOutcome {
    requireNonNull(shard, "shard");
    if ((reply == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of reply and failure");
    }
  }

  boolean ok() {
    return reply != null;
  }

  /** The public {@code ShardResult}: status, the core call that served it, vectors scanned. */
  ShardResult toShardResult() {
    ShardResult.Builder result = ShardResult.newBuilder().setIndex(shard.index());
    if (!ok()) {
      return result.setStatus(failure).build();
    }
    return result
        .setStatus(OK)
        .setVectorsScanned(reply.response().getVectorsScanned())
        .setCall(
            CoreCall.newBuilder()
                .setBackend(shard.backend())
                .setTransport(transport(shard.client().transport()))
                .setCoreTiming(reply.coreTiming())
                .setClientNs(reply.clientNanos())
                .setBoundaryNs(reply.boundaryNanos()))
        .build();
  }

  static Transport transport(dev.hybridgateway.gateway.core.Transport transport) {
    return switch (transport) {
      case JAVA -> Transport.TRANSPORT_JAVA;
      case FFI -> Transport.TRANSPORT_FFI;
      case GRPC -> Transport.TRANSPORT_GRPC;
    };
  }
}
