package dev.hybridgateway.bench.sample;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Samples memory while a run's measured part lasts: RSS of the given processes every
 * {@code interval}, this JVM's heap use, and its GC totals (a difference of the collector beans
 * between start and stop). One monitor serves many runs; each run opens its own {@link Session}.
 *
 * <pre>{@code
 * MemoryMonitor monitor = MemoryMonitor.of(List.of(MonitoredProcess.parse("core=4242")), Duration.ofMillis(250));
 * }</pre>
 */
public final class MemoryMonitor {
  private final List<MonitoredProcess> processes;
  private final Duration interval;

  private MemoryMonitor(List<MonitoredProcess> processes, Duration interval) {
    this.processes = List.copyOf(requireNonNull(processes, "processes"));
    this.interval = requireNonNull(interval, "interval");
    if (!interval.isPositive()) {
      throw new IllegalArgumentException("interval must be > 0: " + interval);
    }
  }

  /** Samples {@code processes} (and this JVM) every {@code interval}. */
  public static MemoryMonitor of(List<MonitoredProcess> processes, Duration interval) {
    return new MemoryMonitor(processes, interval);
  }

  /** Starts sampling now; {@link Session#stop()} ends it and returns the figures. */
  public Session start() {
    return new MemorySession(processes, interval);
  }

  /** One run's sampling. */
  public interface Session {
    /** Takes a last sample, stops sampling and returns the figures. */
    MemoryReport stop();
  }
}
