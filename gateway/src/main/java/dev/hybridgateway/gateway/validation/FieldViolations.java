package dev.hybridgateway.gateway.validation;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CoreErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field violations of one request and turns them into the INVALID_ARGUMENT status
 * of the error table: ErrorInfo (reason {@code INVALID_FIELD}, or {@code NON_FINITE_VALUE} /
 * {@code DIMENSION_MISMATCH} when that is the first problem) plus a BadRequest. At most
 * {@value #MAX} violations are kept so the status fits the gRPC trailers (8 KiB by default).
 */
final class FieldViolations {
  static final int MAX = 20;

  private final List<BadRequest.FieldViolation> violations = new ArrayList<>();
  private String reason;
  private int dropped;

  void add(String field, String description, String reason) {
    if (this.reason == null) {
      this.reason = reason;
    }
    if (violations.size() >= MAX) {
      dropped++;
      return;
    }
    violations.add(
        BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description).build());
  }

  boolean isEmpty() {
    return violations.isEmpty();
  }

  /** Throws the INVALID_ARGUMENT status when any violation was added. */
  void throwIfAny() {
    if (violations.isEmpty()) {
      return;
    }
    String first = violations.get(0).getField() + ": " + violations.get(0).getDescription();
    String more = violations.size() + dropped > 1 ? " (and " + (violations.size() + dropped - 1) + " more)" : "";
    Status status =
        Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage("invalid request: " + first + more)
            .addDetails(
                Any.pack(
                    ErrorInfo.newBuilder()
                        .setDomain(CoreErrors.EDGE_DOMAIN)
                        .setReason(reason)
                        .build()))
            .addDetails(Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build()))
            .build();
    throw CoreErrors.toException(status);
  }
}
