package dev.hybridgateway.bench.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java heap another JVM holds after a full collection, read with the JDK's {@code jcmd}:
 * {@code GC.run} (a System.gc(), full in every collector the gateway runs with), then {@code
 * GC.heap_info}, whose lines with a {@code total} name each heap space with its {@code used NK}
 * (G1: one {@code garbage-first heap} line; Serial and Parallel: young and old generations).
 * Metaspace is not heap and is left out; ZGC's format is not read.
 */
public final class HeapAfterGc {
  private static final Pattern USED = Pattern.compile("\\bused (\\d+)K");

  private HeapAfterGc() {}

  /** Bytes of heap in use in JVM {@code pid} after a full GC. */
  public static long read(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    return parse(jcmd(pid, "GC.heap_info"));
  }

  /** Sums {@code used} over the top-level heap spaces of a {@code GC.heap_info} output. */
  static long parse(String heapInfo) {
    long used = 0;
    boolean found = false;
    for (String line : heapInfo.split("\n")) {
      // Heap spaces have a "total"; their regions ("eden space 4416K, 50% used") do not.
      if (!line.contains(" total ") || line.contains("Metaspace") || line.contains("class space")) {
        continue;
      }
      Matcher matcher = USED.matcher(line);
      if (matcher.find()) {
        used += Long.parseLong(matcher.group(1)) * 1024;
        found = true;
      }
    }
    if (!found) {
      throw new IllegalStateException("no heap figures in jcmd GC.heap_info output:\n" + heapInfo);
    }
    return used;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + output);
    }
    return output;
  }
}
