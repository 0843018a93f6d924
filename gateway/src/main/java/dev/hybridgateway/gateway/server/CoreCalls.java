package dev.hybridgateway.gateway.server;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.v1.CoreCall;
import dev.hybridgateway.gateway.v1.ShardResult;
import dev.hybridgateway.gateway.v1.Transport;

/**
 * Describes, in the public API's terms, the core call that served a request: which backend and
 * transport, the core's own timing and the boundary cost ({@code CoreCall}), and how a shard
 * ended ({@code ShardResult}).
 *
 * @param backend the backend's configured name
 * @param transport the transport that reaches it
 */
record CoreCalls(String backend, dev.hybridgateway.gateway.core.Transport transport) {
  CoreCalls {
    requireNonNull(backend, "backend");
    requireNonNull(transport, "transport");
  }

  /** The {@code CoreCall} of {@code reply}. */
  CoreCall of(CoreReply<?> reply) {
    return CoreCall.newBuilder()
        .setBackend(backend)
        .setTransport(toApi(transport))
        .setCoreTiming(reply.coreTiming())
        .setClientNs(reply.clientNanos())
        .setBoundaryNs(reply.boundaryNanos())
        .build();
  }

  /** The result of shard {@code index} that answered with {@code reply}. */
  ShardResult answered(int index, CoreReply<?> reply, long vectorsScanned) {
    return ShardResult.newBuilder()
        .setIndex(index)
        .setStatus(com.google.rpc.Status.newBuilder().setCode(Code.OK_VALUE))
        .setCall(of(reply))
        .setVectorsScanned(vectorsScanned)
        .build();
  }

  /** The API's name of a core transport. */
  static Transport toApi(dev.hybridgateway.gateway.core.Transport transport) {
    return switch (transport) {
      case JAVA -> Transport.TRANSPORT_JAVA;
      case FFI -> Transport.TRANSPORT_FFI;
      case GRPC -> Transport.TRANSPORT_GRPC;
    };
  }
}
