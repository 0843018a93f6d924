package dev.hybridgateway.bench.sample;

import java.util.ArrayList;
import java.util.List;

/** A time series of byte counts, {@code [msSinceStart, bytes]}, with its max and mean. */
final class SampleSeries {
  private final List<long[]> samples = new ArrayList<>();
  private long max;
  private long sum;

  synchronized void add(long millis, long bytes) {
    samples.add(new long[] {millis, bytes});
    max = Math.max(max, bytes);
    sum += bytes;
  }

  synchronized boolean isEmpty() {
    return samples.isEmpty();
  }

  synchronized long max() {
    return max;
  }

  synchronized long mean() {
    return samples.isEmpty() ? 0 : sum / samples.size();
  }

  synchronized long[][] toArray() {
    return samples.toArray(long[][]::new);
  }
}
