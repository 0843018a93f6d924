package dev.hybridgateway.gateway.fanout;

import com.google.rpc.Code;
import com.google.rpc.Status;
import java.util.List;

/**
 * Which shard error a failed fan-out reports when partial results are not allowed: the most
 * severe, ties going to the lowest shard index. Most severe first:
 *
 * <ol>
 *   <li>INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, OUT_OF_RANGE, PERMISSION_DENIED,
 *       UNAUTHENTICATED: the request itself is wrong; retrying cannot help, the caller must
 *       change something, so this is what they need to see;
 *   <li>INTERNAL, DATA_LOSS, UNKNOWN, UNIMPLEMENTED: a bug or broken deployment;
 *   <li>RESOURCE_EXHAUSTED: the core's memory budget;
 *   <li>UNAVAILABLE: a backend down or overloaded (retryable);
 *   <li>DEADLINE_EXCEEDED: time ran out (often the consequence of one of the above);
 *   <li>ABORTED, ALREADY_EXISTS, then CANCELLED last: a shard cancelled because a sibling had
 *       already failed must never hide that sibling's error.
 * </ol>
 */
public final class ShardSeverity {
  private static final List<Code> ORDER =
      List.of(
          Code.INVALID_ARGUMENT, Code.NOT_FOUND, Code.FAILED_PRECONDITION, Code.OUT_OF_RANGE,
          Code.PERMISSION_DENIED, Code.UNAUTHENTICATED,
          Code.INTERNAL, Code.DATA_LOSS, Code.UNKNOWN, Code.UNIMPLEMENTED,
          Code.RESOURCE_EXHAUSTED, Code.UNAVAILABLE, Code.DEADLINE_EXCEEDED,
          Code.ABORTED, Code.ALREADY_EXISTS, Code.CANCELLED);

  private ShardSeverity() {}

  /** The rank of {@code status}: lower is more severe; OK and unknown codes rank last. */
  public static int rank(Status status) {
    Code code = Code.forNumber(status.getCode());
    int index = code == null ? -1 : ORDER.indexOf(code);
    return index < 0 ? ORDER.size() : index;
  }

  /** The most severe of {@code failures} (in shard order; the first wins a tie). */
  public static Status mostSevere(List<Status> failures) {
    Status worst = null;
    for (Status status : failures) {
      if (worst == null || rank(status) < rank(worst)) {
        worst = status;
      }
    }
    if (worst == null) {
      throw new IllegalArgumentException("no failures");
    }
    return worst;
  }
}
