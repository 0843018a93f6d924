package dev.hybridgateway.gateway.rest;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.gateway.v1.CoreCall;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Server-Timing} header of a response: {@code total} (request read to response
 * written by the adapter), and where the response reports core calls ({@link CoreCall}, one
 * per shard) {@code core} (the slowest call's core time: queue + decode + compute + encode),
 * {@code boundary} (that call's transport cost) and {@code edge} (total minus both, the
 * gateway's own work). Durations are milliseconds with microsecond precision, e.g. {@code
 * total;dur=1.234, core;dur=0.800, boundary;dur=0.050, edge;dur=0.384}.
 */
final class ServerTiming {
  /** Whether a message type can hold a CoreCall somewhere below it; cached per type. */
  private static final Map<Descriptor, Boolean> HOLDS_CALLS = new ConcurrentHashMap<>();

  private ServerTiming() {}

  /** The header value for a request that took {@code totalNanos}, answered by {@code reply}. */
  static String of(long totalNanos, Message reply) {
    CoreCall slowest = reply == null ? null : slowest(reply, null);
    if (slowest == null) {
      return "total;dur=" + millis(totalNanos);
    }
    long core = coreNanos(slowest.getCoreTiming());
    long boundary = slowest.getBoundaryNs();
    long edge = Math.max(0, totalNanos - core - boundary);
    return "total;dur=" + millis(totalNanos)
        + ", core;dur=" + millis(core)
        + ", boundary;dur=" + millis(boundary)
        + ", edge;dur=" + millis(edge);
  }

  private static CoreCall slowest(Message message, CoreCall best) {
    if (message instanceof CoreCall call) {
      return best == null || call.getClientNs() > best.getClientNs() ? call : best;
    }
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
          || !holdsCalls(field.getMessageType())) {
        continue;
      }
      if (field.isRepeated()) {
        int n = message.getRepeatedFieldCount(field);
        for (int i = 0; i < n; i++) {
          best = slowest((Message) message.getRepeatedField(field, i), best);
        }
      } else if (message.hasField(field)) {
        best = slowest((Message) message.getField(field), best);
      }
    }
    return best;
  }

  private static boolean holdsCalls(Descriptor type) {
    Boolean known = HOLDS_CALLS.get(type);
    if (known != null) {
      return known;
    }
    // Assume no while walking, so recursive types terminate.
    HOLDS_CALLS.put(type, false);
    boolean holds = type.equals(CoreCall.getDescriptor());
    for (FieldDescriptor field : type.getFields()) {
      if (!holds && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        holds = holdsCalls(field.getMessageType());
      }
    }
    HOLDS_CALLS.put(type, holds);
    return holds;
  }

  private static long coreNanos(CoreTiming timing) {
    return timing.getQueueNs() + timing.getDecodeNs() + timing.getComputeNs() + timing.getEncodeNs();
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }
}
