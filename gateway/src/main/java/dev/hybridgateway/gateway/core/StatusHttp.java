package dev.hybridgateway.gateway.core;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;

/**
 * The error model over HTTP, shared by every HTTP surface (the REST adapter, the admin port):
 * the standard HTTP status of a canonical code (google/rpc/code.proto), {@code Retry-After} from
 * RetryInfo, and a JSON type registry that prints every {@code google.rpc} detail as an object
 * rather than opaque bytes.
 */
public final class StatusHttp {
  /** Every google.rpc detail type. */
  public static final JsonFormat.TypeRegistry DETAILS =
      JsonFormat.TypeRegistry.newBuilder()
          .add(ErrorInfo.getDescriptor())
          .add(RetryInfo.getDescriptor())
          .add(DebugInfo.getDescriptor())
          .add(QuotaFailure.getDescriptor())
          .add(PreconditionFailure.getDescriptor())
          .add(BadRequest.getDescriptor())
          .add(RequestInfo.getDescriptor())
          .add(ResourceInfo.getDescriptor())
          .add(Help.getDescriptor())
          .add(LocalizedMessage.getDescriptor())
          .build();

  /** Prints a Status (or any message) with its details as JSON objects. */
  public static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(DETAILS);

  private StatusHttp() {}

  /** The standard HTTP mapping of a canonical code; 500 for numbers outside the enum. */
  public static int httpStatus(int code) {
    Code canonical = Code.forNumber(code);
    if (canonical == null) {
      return 500;
    }
    return switch (canonical) {
      case OK -> 200;
      case CANCELLED -> 499;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case DEADLINE_EXCEEDED -> 504;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case PERMISSION_DENIED -> 403;
      case UNAUTHENTICATED -> 401;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case UNKNOWN, INTERNAL, DATA_LOSS, UNRECOGNIZED -> 500;
    };
  }

  /** The RetryInfo delay in whole seconds, rounded up, or null when there is none. */
  public static Long retryAfterSeconds(Status status) {
    for (Any detail : status.getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        try {
          long nanos = Durations.toNanos(detail.unpack(RetryInfo.class).getRetryDelay());
          return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * {@code status} as proto3 JSON with its details as objects; a detail of a type the registry
   * does not know drops the details rather than failing the error response itself.
   */
  public static String json(Status status) {
    try {
      return PRINTER.print(status);
    } catch (InvalidProtocolBufferException e) {
      try {
        return PRINTER.print(status.toBuilder().clearDetails().build());
      } catch (InvalidProtocolBufferException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  /** A Status of {@code code} with an ErrorInfo {@code reason} in the edge domain. */
  public static Status edgeStatus(Code code, String reason, String message) {
    return CoreErrors.status(
        code,
        message,
        ErrorInfo.newBuilder().setDomain(CoreErrors.EDGE_DOMAIN).setReason(reason).build());
  }
}
