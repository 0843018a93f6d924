package dev.hybridgateway.bench;

import dev.hybridgateway.bench.cli.ConsoleSummary;
import dev.hybridgateway.bench.report.BenchReport;
import dev.hybridgateway.bench.report.MemoryProbe;
import dev.hybridgateway.bench.report.ReportFiles;
import dev.hybridgateway.bench.sample.HeapAfterGc;
import dev.hybridgateway.bench.sample.MachineInfo;
import dev.hybridgateway.bench.sample.ProcessRss;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code load-generator memory --role core|gateway --pid PID --vectors N --dim D}: one P6 probe
 * of an idle process holding a resident collection: its RSS and, for the gateway's JVM, its heap
 * after a full GC ({@code jcmd}). Writes a report with the probe alone; {@code report --in}
 * merges it with the load runs, and the figures against P6's targets appear when the probes of
 * the core and of two gateways (large and small collection) are together.
 *
 * <pre>
 * java -jar bench/target/bench.jar memory --role core --name "core 1M" --pid $(pidof hotpath-server) \
 *     --vectors 1000000 --dim 384 --out bench-results/p6
 * </pre>
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
    description = "Measure one process holding a resident collection (P6): RSS, and heap after GC for a JVM.")
final class MemoryCommand implements Callable<Integer> {
  @Option(names = "--role", required = true, description = "core (hotpath-server) or gateway (a JVM; its heap after GC is read with jcmd).")
  String role;

  @Option(names = "--name", description = "Label in the report (default: the role).")
  String name;

  @Option(names = "--pid", required = true, description = "The process.")
  long pid;

  @Option(names = "--vectors", required = true, description = "Vectors of the resident collection.")
  long vectors;

  @Option(names = "--dim", required = true, description = "Their dimension.")
  int dim;

  @Option(names = "--out", defaultValue = "bench-results", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!role.equals(MemoryProbe.CORE) && !role.equals(MemoryProbe.GATEWAY)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--role must be core or gateway, not '" + role + "'");
    }
    long rss = ProcessRss.read(pid).orElseThrow(
        () -> new IllegalStateException("cannot read the RSS of process " + pid));
    long heap = role.equals(MemoryProbe.GATEWAY) ? HeapAfterGc.read(pid) : -1;
    MemoryProbe probe = new MemoryProbe(name == null ? role : name, role, pid, vectors, dim,
        vectors * dim * Float.BYTES, rss, heap);
    spec.commandLine().getOut().printf(Locale.ROOT,
        "P6 %s (pid %d, %d x %d vectors): RSS %.1f MiB%s%n", probe.name(), pid, vectors, dim,
        rss / 1048576.0, heap < 0 ? "" : String.format(Locale.ROOT, ", heap after GC %.1f MiB",
            heap / 1048576.0));
    BenchReport report = BenchReport.ofMemory(
        spec.commandLine().getParseResult().originalArgs(), MachineInfo.collect(), List.of(probe));
    ReportFiles.Written written = ReportFiles.write(report, out, "memory");
    spec.commandLine().getOut().print(ConsoleSummary.memory(report.memoryFigures()));
    spec.commandLine().getOut().println("wrote " + written.json());
    return 0;
  }
}
