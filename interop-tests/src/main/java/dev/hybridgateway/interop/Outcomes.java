package dev.hybridgateway.interop;

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
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.ScoredId;
import dev.hybridgateway.gateway.testing.SharedVectorCases.Hit;
import dev.hybridgateway.gateway.testing.StatusDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns call outcomes into values that compare by meaning: hits as (id, score bits), failures as
 * a status with decoded details (the encoded bytes of a detail with a map differ between Rust's
 * and Java's map ordering, so bytes are never compared).
 */
public final class Outcomes {
  private static final List<Class<? extends Message>> DETAIL_TYPES = List.of(
      ErrorInfo.class, BadRequest.class, ResourceInfo.class, QuotaFailure.class,
      RetryInfo.class, DebugInfo.class);

  private Outcomes() {}

  /** A status with its details decoded. */
  public record DecodedStatus(io.grpc.Status.Code code, String message, List<Message> details) {
    @Override
    public String toString() {
      return code + " \"" + message + "\" " + details.stream().map(d -> d.getClass().getSimpleName()
          + "{" + d.toString().replace('\n', ' ').trim() + "}").toList();
    }
  }

  /**
   * What the gateway promises to keep of a core error when its own edge validation answers
   * first: the code, the detail types, the ErrorInfo reason and the BadRequest field paths (the
   * message, ErrorInfo domain and violation wording are the edge's own).
   */
  public record ErrorContract(
      io.grpc.Status.Code code, List<String> detailTypes, List<String> reasons, List<String> fields) {
    static ErrorContract of(DecodedStatus status) {
      List<String> types = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      for (Message detail : status.details()) {
        types.add(detail.getClass().getSimpleName());
        if (detail instanceof ErrorInfo info) {
          reasons.add(info.getReason());
        } else if (detail instanceof BadRequest bad) {
          bad.getFieldViolationsList().forEach(v -> fields.add(v.getField()));
        }
      }
      return new ErrorContract(status.code(), types, reasons, fields);
    }
  }

  /** The hits of each query, scores as raw float bits. */
  public static List<List<Hit>> hits(List<Neighbors> results) {
    List<List<Hit>> out = new ArrayList<>();
    for (Neighbors neighbors : results) {
      List<Hit> hits = new ArrayList<>();
      for (ScoredId hit : neighbors.getHitsList()) {
        hits.add(new Hit(hit.getId(), Float.floatToRawIntBits(hit.getScore())));
      }
      out.add(hits);
    }
    return out;
  }

  /** The failure of {@code call}, or an AssertionError naming the unexpected success. */
  public static Throwable failure(CompletableFuture<?> call) {
    return failure(call, "the call");
  }

  /** The failure of {@code call}; else an AssertionError saying that {@code what} succeeded. */
  public static Throwable failure(CompletableFuture<?> call, String what) {
    try {
      Object value = call.join();
      throw new AssertionError("expected " + what + " to fail, but it answered " + shortText(value));
    } catch (CompletionException e) {
      if (e.getCause() instanceof CaseSkipped skipped) {
        throw skipped;
      }
      return e.getCause();
    }
  }

  /** The decoded status a failed call carried (AssertionError when it carried no details). */
  public static DecodedStatus decoded(Throwable failure) {
    Status status = StatusDetails.of(failure);
    List<Message> details = new ArrayList<>();
    for (Any any : status.getDetailsList()) {
      details.add(unpack(any));
    }
    return new DecodedStatus(
        io.grpc.Status.fromCodeValue(status.getCode()).getCode(), status.getMessage(), details);
  }

  /** The gRPC code of a failure, with or without details. */
  public static io.grpc.Status.Code code(Throwable failure) {
    return io.grpc.Status.fromThrowable(failure).getCode();
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

  private static String shortText(Object value) {
    String text = String.valueOf(value).replace('\n', ' ');
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
