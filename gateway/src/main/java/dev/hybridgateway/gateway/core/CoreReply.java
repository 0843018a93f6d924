package dev.hybridgateway.gateway.core;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.core.v1.CoreTiming;

/**
 * A core response with the two clocks the edge needs to account for the boundary: the time the
 * core reports it spent ({@link #coreTiming()}: queue, decode, compute, encode) and the time the
 * client observed from dispatch to completion. Their difference is the boundary cost of the
 * transport (serialization, copies, the network or the FFM downcall, thread hand-offs).
 *
 * @param response the core's response message
 * @param coreTiming what the core reports; all zero for calls whose response carries no timing
 * @param clientNanos wall time observed by the client, from dispatch to the response
 */
public record CoreReply<T>(T response, CoreTiming coreTiming, long clientNanos) {
  public CoreReply {
    requireNonNull(response, "response");
    requireNonNull(coreTiming, "coreTiming");
  }

  /** Total time the core accounts for (queue + decode + compute + encode), in ns. */
  public long coreNanos() {
    return coreTiming.getQueueNs()
        + coreTiming.getDecodeNs()
        + coreTiming.getComputeNs()
        + coreTiming.getEncodeNs();
  }

  /** Client-observed time minus the core's own time, never negative, in ns. */
  public long boundaryNanos() {
    return Math.max(0, clientNanos - coreNanos());
  }
}
