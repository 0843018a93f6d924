package dev.hybridgateway.bench.sample;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine a report was measured on, so figures are never quoted without it: cores, memory,
 * CPU model, OS, the JDK and its GC, and {@code rustc --version} when rustc is on the PATH.
 */
public record MachineInfo(
    int cores,
    long memoryBytes,
    String cpuModel,
    String os,
    String arch,
    String jdk,
    String jvm,
    List<String> jvmArguments,
    List<String> garbageCollectors,
    String rustc) {

  private static final String UNKNOWN = "unknown";

  /** Collects the facts of this machine and JVM. */
  public static MachineInfo collect() {
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        memTotalBytes(),
        procField(Path.of("/proc/cpuinfo"), "model name"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"),
        System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(),
        rustcVersion());
  }

  private static long memTotalBytes() {
    String kb = procField(Path.of("/proc/meminfo"), "MemTotal").replace("kB", "").trim();
    try {
      return Long.parseLong(kb) * 1024;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String procField(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
          return line.substring(colon + 1).trim();
        }
      }
    } catch (IOException e) {
      return UNKNOWN;
    }
    return UNKNOWN;
  }

  private static String rustcVersion() {
    try {
      Process process =
          new ProcessBuilder("rustc", "--version").redirectErrorStream(true).start();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "unavailable (rustc --version timed out)";
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.exitValue() == 0 ? out.trim() : "unavailable (" + out.trim() + ")";
    } catch (IOException e) {
      return "unavailable (no rustc on PATH)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unavailable (interrupted)";
    }
  }
}
