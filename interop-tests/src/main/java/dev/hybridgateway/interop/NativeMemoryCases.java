package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Native memory stays flat over a long run of FFI calls: a leak in the boundary (a request
 * segment Java never releases, a response buffer Rust hands out and nobody frees) is invisible to
 * the JVM heap and to GC logs, and only shows as a growing resident set.
 *
 * <p>The run ({@link NativeMemoryProbe}) happens in a child JVM with a 128 MiB heap that is fixed
 * and pre-touched: in the suite's own JVM, young collections wander into committed heap pages
 * never touched before and grew VmRSS by ~100 MiB with no native leak at all. After {@value
 * #WARM_UP} warm-up calls (JIT, the core's allocator arenas), {@value #CALLS} calls must leave
 * VmRSS, less what the JVM's own pools committed meanwhile, within {@value #NATIVE_BOUND_MIB} MiB,
 * and no Rust buffer live. The bound is far from both sides: leaking one payload per call grows
 * it by 3,000 × 32 KB = 96 MB (rerank requests) or 3,000 × 20 KB = 60 MB (search responses),
 * while warmed-up runs of this loop on a loaded two-core machine moved it by 7 to 10 MiB (about
 * 2.5 s of calls). Small leaks (a 200-byte Status buffer per failing call) are below RSS noise;
 * the live-buffer counter catches those exactly.
 */
final class NativeMemoryCases {
  static final int CALLS = 9_000;
  static final int WARM_UP = 3_000;
  static final long NATIVE_BOUND_MIB = 32;
  private static final long TIMEOUT_SECONDS = 120;
  private static final Pattern FIELD = Pattern.compile("([a-z-]+)=(\\d+)");

  private NativeMemoryCases() {}

  static void rssStableOverLongRun(CaseContext ctx) throws IOException, InterruptedException {
    ctx.target().requireFfi();
    if (!Files.isReadable(Path.of("/proc/self/status"))) {
      throw new CaseSkipped("the resident set is read from Linux's /proc/self/status");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(java.toString(),
        "-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
        "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"),
        NativeMemoryProbe.class.getName(), Integer.toString(WARM_UP), Integer.toString(CALLS));
    Path log = Files.createTempFile("interop-native-memory", ".log");
    try {
      Process child = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      boolean finished = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        child.destroyForcibly().waitFor();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(finished && child.exitValue() == 0)
          .as("the FFI run (%s) finished within %d s; output:%n%s",
              NativeMemoryProbe.class.getSimpleName(), TIMEOUT_SECONDS, output)
          .isTrue();
      Map<String, Long> figures = figures(output);
      assertThat(figures.get("live-buffers"))
          .as("Rust-owned buffers live after %d FFI calls", WARM_UP + CALLS).isZero();
      long nativeGrowthKib = (figures.get("rss-after") - figures.get("rss-before"))
          - Math.max(0, figures.get("jvm-after") - figures.get("jvm-before"));
      assertThat(nativeGrowthKib / 1024)
          .as("native memory growth in MiB over %d FFI calls: %s", CALLS, output.strip())
          .isLessThan(NATIVE_BOUND_MIB);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Map<String, Long> figures(String output) {
    Map<String, Long> figures = new HashMap<>();
    String last = output.strip().lines().reduce((a, b) -> b).orElse("");
    Matcher m = FIELD.matcher(last);
    while (m.find()) {
      figures.put(m.group(1), Long.parseLong(m.group(2)));
    }
    assertThat(figures).as("the figures of the FFI run: %s", output)
        .containsKeys("rss-before", "rss-after", "jvm-before", "jvm-after", "live-buffers");
    return figures;
  }
}
