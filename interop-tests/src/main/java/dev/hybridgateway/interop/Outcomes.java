package dev.hybridgateway.interop;

import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.testing.StatusDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns failed calls into values that compare by meaning: a status with decoded details (the
 * encoded bytes of a detail with a map differ between Rust's and Java's map ordering, so bytes
 * are never compared). Hits compare through {@code SharedVectorCases.hits} (id, score bits).
 */
public final class Outcomes {
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
    return new DecodedStatus(io.grpc.Status.fromCodeValue(status.getCode()).getCode(),
        status.getMessage(), StatusDetails.decoded(status));
  }

  /** The gRPC code of a failure, with or without details. */
  public static io.grpc.Status.Code code(Throwable failure) {
    return io.grpc.Status.fromThrowable(failure).getCode();
  }


  private static String shortText(Object value) {
    String text = String.valueOf(value).replace('\n', ' ');
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
