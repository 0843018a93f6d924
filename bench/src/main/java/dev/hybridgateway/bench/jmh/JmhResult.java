package dev.hybridgateway.bench.jmh;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One row of a JMH JSON result file ({@code -rf json}), reduced to what the summary needs.
 *
 * @param benchmark {@code Class.method} (the package dropped)
 * @param params the {@code @Param} values of the row
 * @param score the primary score, in {@code unit}
 * @param unit the primary unit, e.g. {@code ops/s} or {@code us/op}
 * @param bytesPerSecond the {@code bytes} {@link ByteCounter} rate, or NaN when absent
 */
public record JmhResult(
    String benchmark, Map<String, String> params, double score, String unit, double bytesPerSecond) {
  public JmhResult {
    requireNonNull(benchmark, "benchmark");
    params = Map.copyOf(requireNonNull(params, "params"));
    requireNonNull(unit, "unit");
  }

  /** The value of {@code @Param name}, or "" when the row has none. */
  public String param(String name) {
    return params.getOrDefault(name, "");
  }

  /** {@link #bytesPerSecond} in GB/s (10^9 bytes per second). */
  public double gigabytesPerSecond() {
    return bytesPerSecond / 1e9;
  }
}
