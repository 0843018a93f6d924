package dev.hybridgateway.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.bench.LoadGenerator;
import dev.hybridgateway.bench.report.BenchReport;
import dev.hybridgateway.bench.report.JsonReports;
import dev.hybridgateway.bench.support.LoopbackServer;
import dev.hybridgateway.bench.support.StallingHotPathService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command end to end against a loopback server, and its refusal of remote addresses. */
class LoadGeneratorTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine command = LoadGenerator.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void execute_nonLoopbackAddress_refusedBeforeAnyTraffic() {
    int exit = execute("--address", "192.0.2.1:50051", "--duration", "1s");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("not a loopback address", "--allow-remote");
  }

  @Test
  void execute_unknownTarget_namesTheChoices() {
    int exit = execute("--target", "nope", "--address", "127.0.0.1:1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("unknown target 'nope'", "grpc-core");
  }

  @Test
  void execute_unreachableCore_failsWithOneLine() {
    int exit = execute("--address", "127.0.0.1:1", "--duration", "1s", "--warmup", "0s");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: cannot reach hotpath-server at 127.0.0.1:1");
  }

  @Test
  void execute_runAgainstLoopbackServer_writesJsonAndHtml(@TempDir Path folder) throws Exception {
    try (LoopbackServer server = LoopbackServer.start(new StallingHotPathService())) {
      int exit = execute("--target", "grpc-core", "--address", "127.0.0.1:" + server.port(),
          "--scenario", "tiny", "--rate", "200", "--duration", "500ms", "--warmup", "100ms",
          "--out", folder.toString());

      assertThat(exit).as(err.toString()).isZero();
      List<Path> files;
      try (Stream<Path> listing = Files.list(folder)) {
        files = listing.sorted().toList();
      }
      assertThat(files).hasSize(2);
      BenchReport report = JsonReports.read(files.get(1));
      assertThat(report.runs()).singleElement().satisfies(run -> {
        assertThat(run.counts().ok()).isEqualTo(100);
        assertThat(run.tag().scenario()).isEqualTo("tiny");
      });
      assertThat(report.command()).contains("--rate", "200");
      assertThat(Files.readString(files.get(0))).contains("<svg");
      assertThat(out.toString()).contains("grpc-core", "tiny", "wrote ");

      Path merged = folder.resolve("merged");
      String json = files.get(1).toString();
      assertThat(execute("report", "--in", json, "--in", json, "--out", merged.toString())).isZero();
      try (Stream<Path> listing = Files.list(merged)) {
        Path mergedJson = listing.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        BenchReport both = JsonReports.read(mergedJson);
        assertThat(both.runs()).hasSize(2);
        assertThat(both.command()).startsWith("report", "--in");
      }
    }
  }

  @Test
  void execute_payload_writesGrpcFrameAndJson(@TempDir Path folder) throws Exception {
    Path frame = folder.resolve("q.grpc");
    Path json = folder.resolve("q.json");
    int exit = execute("payload", "--scenario", "tiny", "--collection", "demo",
        "--grpc-frame", frame.toString(), "--json", json.toString());

    assertThat(exit).isZero();
    assertThat(Files.size(frame)).isGreaterThan(5 + 384 * 4);
    assertThat(Files.readString(json)).startsWith("{\"collection\":\"demo\",\"k\":10,");
  }
}
