package dev.hybridgateway.gateway.core;

import com.google.protobuf.Message;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.testing.StatusDetails;
import java.util.List;

/**
 * A {@code google.rpc.Status} with its details decoded, so two statuses compare by meaning:
 * the encoded bytes of a detail with a map (ErrorInfo.metadata) depend on the map's iteration
 * order, which differs between Rust's HashMap and Java's.
 */
record ComparableStatus(int code, String message, List<Message> details) {
  static ComparableStatus of(Status status) {
    return new ComparableStatus(status.getCode(), status.getMessage(), StatusDetails.decoded(status));
  }
}
