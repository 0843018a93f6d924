package dev.hybridgateway.bench.load;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The figures of one HdrHistogram of nanosecond values, in milliseconds: the usual percentiles,
 * the percentile curve the HTML report plots (points {@code [percentile, ms]}, dense towards the
 * tail as in HdrHistogram's own plots), and the whole histogram, compressed and base64-encoded
 * ({@code hdr}), so any HdrHistogram tool can re-analyse the run.
 */
public record LatencySummary(
    long count,
    double minMs,
    double meanMs,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double p999Ms,
    double p9999Ms,
    double maxMs,
    double[][] curve,
    String hdr) {

  private static final double NANOS_PER_MS = 1e6;
  private static final int TICKS_PER_HALF_DISTANCE = 5;

  /** Summarises {@code histogram}; returns null when it holds no value. */
  public static LatencySummary of(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return null;
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        ms(histogram.getMinValue()),
        histogram.getMean() / NANOS_PER_MS,
        ms(histogram.getValueAtPercentile(50)),
        ms(histogram.getValueAtPercentile(90)),
        ms(histogram.getValueAtPercentile(99)),
        ms(histogram.getValueAtPercentile(99.9)),
        ms(histogram.getValueAtPercentile(99.99)),
        ms(histogram.getMaxValue()),
        curve(histogram),
        encode(histogram));
  }

  /** Decodes {@link #hdr()} back into a histogram. */
  public Histogram decode() {
    try {
      return Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(hdr)), 0);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalStateException("corrupt histogram in report", e);
    }
  }

  private static double[][] curve(Histogram histogram) {
    List<double[]> points = new ArrayList<>();
    for (HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
      points.add(new double[] {value.getPercentileLevelIteratedTo(), ms(value.getValueIteratedTo())});
    }
    return points.toArray(double[][]::new);
  }

  private static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static double ms(long nanos) {
    return nanos / NANOS_PER_MS;
  }
}
