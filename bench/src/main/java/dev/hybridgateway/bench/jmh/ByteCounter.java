package dev.hybridgateway.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes a benchmark moved, as a JMH secondary metric: with {@link AuxCounters.Type#OPERATIONS}
 * JMH divides the count by the measured time like the primary score, so a throughput run reports
 * {@code bytes} in bytes per second ({@code jmh-summary} prints it as GB/s).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ByteCounter {
  /** Bytes scanned or copied in this iteration; public so JMH reads it. */
  public long bytes;

  /** Starts every iteration from zero. */
  @Setup(Level.Iteration)
  public void reset() {
    bytes = 0;
  }
}
