package dev.hybridgateway.gateway.testing;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code google.rpc.Status} details that a failed call carried in its trailers. */
public final class StatusDetails {
  private StatusDetails() {}

  /** The Status of {@code failure} (details included), or an AssertionError when it has none. */
  public static Status of(Throwable failure) {
    Throwable cause = failure;
    while (cause != null && StatusProto.fromThrowable(cause) == null) {
      cause = cause.getCause();
    }
    if (cause == null) {
      throw new AssertionError("no google.rpc.Status details in " + failure, failure);
    }
    return StatusProto.fromThrowable(cause);
  }

  /** The first detail of type {@code type} in the Status of {@code failure}. */
  public static <T extends Message> Optional<T> detail(Throwable failure, Class<T> type) {
    for (Any any : of(failure).getDetailsList()) {
      if (any.is(type)) {
        try {
          return Optional.of(any.unpack(type));
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError("undecodable " + type.getSimpleName(), e);
        }
      }
    }
    return Optional.empty();
  }

  /** Every detail type the gateway and the core send (DESIGN.md's error model). */
  private static final List<Class<? extends Message>> DETAIL_TYPES = List.of(
      ErrorInfo.class, BadRequest.class, ResourceInfo.class, QuotaFailure.class,
      RetryInfo.class, DebugInfo.class);

  /** The details of {@code status}, decoded, in order; AssertionError on an unknown type. */
  public static List<Message> decoded(Status status) {
    List<Message> details = new ArrayList<>();
    for (Any any : status.getDetailsList()) {
      details.add(unpack(any));
    }
    return details;
  }

  private static Message unpack(Any any) {
    for (Class<? extends Message> type : DETAIL_TYPES) {
      if (any.is(type)) {
        try {
          return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError("undecodable detail " + any.getTypeUrl(), e);
        }
      }
    }
    throw new AssertionError("unexpected detail type " + any.getTypeUrl());
  }
}
