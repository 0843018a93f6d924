package dev.hybridgateway.bench;

import dev.hybridgateway.bench.jmh.JmhResults;
import dev.hybridgateway.bench.jmh.JmhSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code load-generator jmh-summary --in jmh.json}: prints the P1–P3 figures of a JMH JSON result
 * (scan GB/s from the {@code bytes} counter, boundary costs per payload, ratios), and writes them
 * to {@code --out} when given.
 */
@Command(name = "jmh-summary", mixinStandardHelpOptions = true,
    description = "Print the P1-P3 figures (GB/s, us per payload, ratios) of a JMH JSON result.")
final class JmhSummaryCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, description = "JMH result file (-rf json -rff FILE).")
  Path input;

  @Option(names = "--out", description = "Also write the summary to this file.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String summary = new JmhSummary(JmhResults.read(input)).render();
    spec.commandLine().getOut().print(summary);
    spec.commandLine().getOut().flush();
    if (out != null) {
      Files.writeString(out, summary, StandardCharsets.UTF_8);
    }
    return 0;
  }
}
