package dev.hybridgateway.bench.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads a process's resident set size from {@code /proc/PID/status} (the {@code VmRSS} line, in
 * kB): the memory the process really holds, whatever its language or allocator.
 */
public final class ProcessRss {
  private ProcessRss() {}

  /** RSS in bytes, or empty when the process is gone or /proc is not readable (non-Linux). */
  public static OptionalLong read(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring("VmRSS:".length()).replace("kB", "").trim();
          return OptionalLong.of(Long.parseLong(kb) * 1024);
        }
      }
      return OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
