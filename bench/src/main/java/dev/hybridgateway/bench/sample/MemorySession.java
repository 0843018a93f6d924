package dev.hybridgateway.bench.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The sampling of one run: a daemon thread that reads RSS and heap every interval. */
final class MemorySession implements MemoryMonitor.Session {
  private final List<MonitoredProcess> processes;
  private final List<SampleSeries> rss = new ArrayList<>();
  private final SampleSeries heapUsed = new SampleSeries();
  private final SampleSeries heapCommitted = new SampleSeries();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final GcSnapshot gcAtStart = GcSnapshot.take();
  private final long start = System.nanoTime();
  private final ScheduledExecutorService sampler;

  MemorySession(List<MonitoredProcess> processes, Duration interval) {
    this.processes = processes;
    processes.forEach(process -> rss.add(new SampleSeries()));
    sample();
    sampler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().daemon().name("memory-sampler").unstarted(runnable));
    long nanos = interval.toNanos();
    sampler.scheduleAtFixedRate(this::sample, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public MemoryReport stop() {
    sampler.shutdownNow();
    try {
      sampler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
    Map<String, MemoryReport.GcTotals> gc = GcSnapshot.take().since(gcAtStart);
    long count = gc.values().stream().mapToLong(MemoryReport.GcTotals::count).sum();
    long pauseMs =
        gc.values().stream().filter(MemoryReport.GcTotals::pause)
            .mapToLong(MemoryReport.GcTotals::timeMs).sum();
    long concurrentMs =
        gc.values().stream().filter(totals -> !totals.pause())
            .mapToLong(MemoryReport.GcTotals::timeMs).sum();
    var jvm =
        new MemoryReport.JvmMemory(
            heapUsed.max(), heapUsed.mean(), heapCommitted.max(), heapUsed.toArray(),
            count, pauseMs, concurrentMs, gc);
    List<MemoryReport.ProcessMemory> processMemory = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      MonitoredProcess process = processes.get(i);
      SampleSeries series = rss.get(i);
      processMemory.add(
          new MemoryReport.ProcessMemory(
              process.name(), process.pid(), series.max(), series.mean(), series.toArray(),
              series.isEmpty() ? "no VmRSS in /proc/" + process.pid() + "/status" : null));
    }
    return new MemoryReport(processMemory, jvm);
  }

  private void sample() {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    for (int i = 0; i < processes.size(); i++) {
      OptionalLong bytes = ProcessRss.read(processes.get(i).pid());
      if (bytes.isPresent()) {
        rss.get(i).add(millis, bytes.getAsLong());
      }
    }
    MemoryUsage heap = memory.getHeapMemoryUsage();
    heapUsed.add(millis, heap.getUsed());
    heapCommitted.add(millis, heap.getCommitted());
  }
}
