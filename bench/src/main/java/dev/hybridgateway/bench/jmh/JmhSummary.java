package dev.hybridgateway.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The P1–P3 reading of a JMH run, as plain text: P1 in GB/s with each engine's share of the
 * copy bandwidth measured in the same run and Rust's lead over the best Java kernel; P2 the no-op
 * and, per payload, each path's µs and the fast path's ratio to the in-JVM engine; P3 per payload
 * the Rust server's and the bare grpc-java server's µs and their difference.
 */
public final class JmhSummary {
  private final List<JmhResult> rows;

  public JmhSummary(List<JmhResult> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The summary text (lines end with '\n'; sections missing from the run are left out). */
  public String render() {
    StringBuilder out = new StringBuilder();
    p1(out);
    p2(out);
    p3(out);
    return out.toString();
  }

  /** GB/s of {@code ScanBenchmark.scan} for {@code engine}, if measured. */
  public Optional<Double> scanGigabytesPerSecond(String engine) {
    return find("ScanBenchmark.scan", "engine", engine, "").map(JmhResult::gigabytesPerSecond);
  }

  /** GB/s of the copy loop (read + written bytes), if measured. */
  public Optional<Double> copyGigabytesPerSecond() {
    return rows.stream()
        .filter(r -> r.benchmark().equals("CopyBandwidthBenchmark.copy"))
        .findFirst()
        .map(JmhResult::gigabytesPerSecond);
  }

  private void p1(StringBuilder out) {
    Optional<Double> copy = copyGigabytesPerSecond();
    List<String> engines = List.of("ffi-fast", "java-scalar", "java-vector");
    if (copy.isEmpty() && engines.stream().allMatch(e -> scanGigabytesPerSecond(e).isEmpty())) {
      return;
    }
    out.append("P1 scan, one thread, dot, dim 384 (GB/s; % of copy bandwidth)\n");
    copy.ifPresent(c -> line(out, "  %-22s %8.2f GB/s  (read + written)", "memory copy", c));
    for (String engine : engines) {
      scanGigabytesPerSecond(engine)
          .ifPresent(
              g -> line(out, "  %-22s %8.2f GB/s  %5.1f %%", engine, g,
                  copy.map(c -> 100 * g / c).orElse(Double.NaN)));
    }
    Optional<Double> rust = scanGigabytesPerSecond("ffi-fast");
    Optional<Double> java =
        scanGigabytesPerSecond("java-scalar")
            .map(s -> Math.max(s, scanGigabytesPerSecond("java-vector").orElse(0.0)))
            .or(() -> scanGigabytesPerSecond("java-vector"));
    if (rust.isPresent() && java.isPresent()) {
      line(out, "  Rust / best Java engine: %.2fx", rust.get() / java.get());
    }
  }

  private void p2(StringBuilder out) {
    rows.stream()
        .filter(r -> r.benchmark().equals("NoopBenchmark.noop"))
        .findFirst()
        .ifPresent(r -> line(out, "P2 FFI no-op (critical downcall): %.1f %s", r.score(), r.unit()));
    table(out, "BoundaryBenchmark.rerank", "path",
        List.of("ffi-proto", "ffi-fast", "java-vector"),
        "P2 Rerank through a CoreClient vs payload", "ffi-fast / java-vector", "ffi-fast",
        "java-vector", true);
  }

  private void p3(StringBuilder out) {
    table(out, "GrpcLoopbackBenchmark.rerank", "server", List.of("rust", "grpc-java-bare"),
        "P3 gRPC loopback unary Rerank vs payload", "rust - bare (us)", "rust", "grpc-java-bare",
        false);
  }

  /** One row per payload size, one column per {@code columns}, then a ratio or difference. */
  private void table(StringBuilder out, String benchmark, String param, List<String> columns,
      String title, String lastHeader, String a, String b, boolean ratio) {
    TreeSet<Integer> payloads = new TreeSet<>();
    rows.stream()
        .filter(r -> r.benchmark().equals(benchmark))
        .forEach(r -> payloads.add(Integer.parseInt(r.param("payloadBytes"))));
    if (payloads.isEmpty()) {
      return;
    }
    String unit = rows.stream().filter(r -> r.benchmark().equals(benchmark)).findFirst()
        .orElseThrow().unit();
    out.append(title).append(" (").append(unit).append(")\n");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %10s", "payload B"));
    columns.forEach(c -> header.append(String.format(Locale.ROOT, " %14s", c)));
    out.append(header).append(String.format(Locale.ROOT, " %24s%n", lastHeader));
    for (int payload : payloads) {
      String size = Integer.toString(payload);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %10d", payload));
      List<Double> scores = new ArrayList<>();
      for (String column : columns) {
        double score = find(benchmark, param, column, size).map(JmhResult::score).orElse(Double.NaN);
        scores.add(score);
        line.append(String.format(Locale.ROOT, " %14.2f", score));
      }
      double x = scores.get(columns.indexOf(a));
      double y = scores.get(columns.indexOf(b));
      line.append(String.format(Locale.ROOT, " %24.2f", ratio ? x / y : x - y));
      out.append(line).append('\n');
    }
  }

  private Optional<JmhResult> find(String benchmark, String param, String value, String payload) {
    return rows.stream()
        .filter(r -> r.benchmark().equals(benchmark))
        .filter(r -> r.param(param).equals(value))
        .filter(r -> payload.isEmpty() || r.param("payloadBytes").equals(payload))
        .findFirst();
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
