package dev.hybridgateway.bench;

import dev.hybridgateway.bench.cli.ConsoleSummary;
import dev.hybridgateway.bench.report.BenchReport;
import dev.hybridgateway.bench.report.JsonReports;
import dev.hybridgateway.bench.report.ReportFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code load-generator report --in a.json --in b.json}: merges the runs of several JSON reports
 * (e.g. one per transport) into one JSON and one HTML report, so transports measured by separate
 * commands are compared on the same charts.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Merge JSON reports into one JSON + HTML report.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, arity = "1..*", description = "JSON reports to merge, in order.")
  List<Path> inputs;

  @Option(names = "--out", defaultValue = "bench-results", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BenchReport merged = JsonReports.read(inputs.getFirst());
    for (Path input : inputs.subList(1, inputs.size())) {
      merged = merged.merge(JsonReports.read(input));
    }
    // originalArgs() holds the whole command line, "report" included.
    List<String> command = spec.commandLine().getParseResult().originalArgs();
    ReportFiles.Written written = ReportFiles.write(merged.withCommand(command), out, "report");
    spec.commandLine().getOut().print(ConsoleSummary.edge(merged.edge()));
    spec.commandLine().getOut().print(ConsoleSummary.memory(merged.memoryFigures()));
    spec.commandLine().getOut().println("wrote " + written.json() + "\nwrote " + written.html());
    return 0;
  }
}
