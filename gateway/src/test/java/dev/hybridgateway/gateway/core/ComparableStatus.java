package dev.hybridgateway.gateway.core;

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
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code google.rpc.Status} with its details decoded, so two statuses compare by meaning:
 * the encoded bytes of a detail with a map (ErrorInfo.metadata) depend on the map's iteration
 * order, which differs between Rust's HashMap and Java's.
 */
record ComparableStatus(int code, String message, List<Message> details) {
  private static final List<Class<? extends Message>> DETAIL_TYPES = List.of(
      ErrorInfo.class, BadRequest.class, ResourceInfo.class, QuotaFailure.class,
      RetryInfo.class, DebugInfo.class);

  static ComparableStatus of(Status status) {
    List<Message> details = new ArrayList<>();
    for (Any any : status.getDetailsList()) {
      details.add(unpack(any));
    }
    return new ComparableStatus(status.getCode(), status.getMessage(), details);
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
