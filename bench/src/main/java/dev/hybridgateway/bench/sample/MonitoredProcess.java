package dev.hybridgateway.bench.sample;

import static java.util.Objects.requireNonNull;

/** A process whose RSS a run samples, under the name reports show (e.g. {@code core}). */
public record MonitoredProcess(String name, long pid) {
  public MonitoredProcess {
    requireNonNull(name, "name");
    if (name.isBlank() || pid <= 0) {
      throw new IllegalArgumentException("need a name and a positive pid: " + name + "=" + pid);
    }
  }

  /** This JVM, named {@code loadgen}. */
  public static MonitoredProcess self() {
    return new MonitoredProcess("loadgen", ProcessHandle.current().pid());
  }

  /** Parses {@code NAME=PID}, the form of the CLI's {@code --pid}. */
  public static MonitoredProcess parse(String spec) {
    requireNonNull(spec, "spec");
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("expected NAME=PID, e.g. core=1234: " + spec);
    }
    try {
      return new MonitoredProcess(spec.substring(0, eq), Long.parseLong(spec.substring(eq + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a pid in " + spec, e);
    }
  }
}
