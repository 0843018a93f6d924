package dev.hybridgateway.gateway.core.grpc;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.hybridgateway.gateway.core.CallScope;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.Transport;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Turns the end of a failed gRPC call into the boundary's one error model. The core's own errors
 * arrive with their {@code google.rpc.Status} in {@code grpc-status-details-bin} and are kept as
 * they are; failures that grpc-java produces locally carry no details and get the ones the
 * contract promises: DEADLINE_EXCEEDED gets {@code ErrorInfo{stage: core}} (grpc-java's own
 * deadline timer usually fires a moment before the server's answer arrives), CANCELLED is the
 * caller's cancellation, anything else (connection refused, reset, protocol error) gets an
 * {@code ErrorInfo} of the edge naming the transport.
 */
final class GrpcFailures {
  /** {@code ErrorInfo.reason} of a failure of the gRPC transport itself (not of the core). */
  static final String TRANSPORT_ERROR = "CORE_TRANSPORT_ERROR";

  private GrpcFailures() {}

  /**
   * Initializes the error-detail messages now. Their first use costs ~100 ms of descriptor
   * initialization, which would otherwise fall on the first call whose deadline passes and make
   * that call's answer late.
   */
  static void preload() {
    ErrorInfo.getDescriptor();
    closed();
  }

  /** The exception for a call that closed with {@code status} and {@code trailers}. */
  static StatusRuntimeException of(Status status, Metadata trailers) {
    com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(status, trailers);
    if (details.getDetailsCount() > 0) {
      return CoreErrors.toException(details);
    }
    String message = status.getDescription() == null ? status.getCode().name() : status.getDescription();
    return CoreErrors.toException(
        switch (status.getCode()) {
          case DEADLINE_EXCEEDED -> CoreErrors.deadlineExceeded("core", message);
          case CANCELLED -> CallScope.cancelled();
          default -> transportError(status, message);
        });
  }

  /** The exception of a call abandoned because its caller's Context ended. */
  static StatusRuntimeException ofEndedScope(CallScope scope) {
    if (scope.deadline() != null && scope.deadline().isExpired()) {
      return CoreErrors.toException(
          CoreErrors.deadlineExceeded("core", "the deadline passed while the core was working"));
    }
    return CoreErrors.toException(CallScope.cancelled());
  }

  /** UNAVAILABLE for calls on, or in flight at, a closed client. */
  static StatusRuntimeException closed() {
    return CoreErrors.toException(
        CoreErrors.status(
            Code.UNAVAILABLE,
            "the gRPC core client is closed",
            ErrorInfo.newBuilder()
                .setDomain(CoreErrors.EDGE_DOMAIN)
                .setReason("CORE_CLIENT_CLOSED")
                .putMetadata("transport", Transport.GRPC.id())
                .build()));
  }

  private static com.google.rpc.Status transportError(Status status, String message) {
    return com.google.rpc.Status.newBuilder()
        .setCode(status.getCode().value())
        .setMessage(message)
        .addDetails(
            Any.pack(
                ErrorInfo.newBuilder()
                    .setDomain(CoreErrors.EDGE_DOMAIN)
                    .setReason(TRANSPORT_ERROR)
                    .putMetadata("transport", Transport.GRPC.id())
                    .build()))
        .build();
  }
}
