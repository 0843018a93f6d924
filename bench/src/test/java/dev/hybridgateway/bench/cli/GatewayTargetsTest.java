package dev.hybridgateway.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.bench.LoadGenerator;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.report.BenchReport;
import dev.hybridgateway.bench.report.JsonReports;
import dev.hybridgateway.bench.support.LoopbackGateway;
import dev.hybridgateway.gateway.telemetry.AccessLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The gateway targets end to end against a real gateway on loopback (gRPC and REST, dev auth,
 * java and ffi backends, ffi the default route): runs record successes, a pin reaches the
 * transport it names or the command refuses to run, and bare-grpc answers.
 */
class GatewayTargetsTest {
  private static final Logger ACCESS_LOG = Logger.getLogger(AccessLog.LOGGER_NAME);

  @TempDir static Path dir;
  private static LoopbackGateway gateway;
  private static Path adminToken;
  private static Path searchToken;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startGateway() throws Exception {
    // One access-log line per request would bury the test output.
    ACCESS_LOG.setLevel(Level.WARNING);
    gateway = LoopbackGateway.start(dir.resolve("dev"));
    adminToken = Files.writeString(dir.resolve("admin.jwt"),
        gateway.token("search", "collections.read", "collections.write", "admin") + "\n");
    searchToken = Files.writeString(dir.resolve("search.jwt"),
        gateway.token("search", "collections.read", "collections.write"));
  }

  @AfterAll
  static void stopGateway() throws Exception {
    gateway.close();
  }

  private int execute(String... args) {
    CommandLine command = LoadGenerator.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private List<String> gatewayArgs(Path token, String targets, Path out) {
    return new ArrayList<>(List.of("--target", targets, "--gateway", gateway.grpcAddress(),
        "--gateway-rest", gateway.restAddress(), "--token-file", token.toString(),
        "--scenario", "tiny", "--rate", "100", "--duration", "500ms", "--warmup", "200ms",
        "--out", out.toString()));
  }

  private static BenchReport report(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return JsonReports.read(files.filter(f -> f.toString().endsWith(".json")).findFirst()
          .orElseThrow());
    }
  }

  @Test
  void execute_pinnedGrpcAndRest_recordSuccessesWithCoreTime(@TempDir Path results) throws Exception {
    int exit = execute(gatewayArgs(adminToken, "gateway-grpc/java,gateway-rest/ffi,gateway-rest/java",
        results).toArray(String[]::new));

    assertThat(exit).as(err.toString()).isZero();
    BenchReport report = report(results);
    assertThat(report.runs()).extracting(RunResult::target)
        .containsExactly("gateway-grpc/java", "gateway-rest/ffi", "gateway-rest/java");
    assertThat(report.runs()).allSatisfy(run -> {
      assertThat(run.counts().ok()).isEqualTo(50);
      assertThat(run.errors()).isEmpty();
      // The answers carry the core's time (CoreCall over gRPC, Server-Timing over REST).
      assertThat(run.boundary()).isNotNull();
      assertThat(run.boundary().count()).isEqualTo(50);
    });
  }

  @Test
  void execute_pinWithoutAdminScope_refusedBeforeTheRun(@TempDir Path results) {
    // Without the admin scope the gateway ignores the pin and routes to ffi: the preflight sees it.
    int exit = execute(gatewayArgs(searchToken, "gateway-grpc/java", results).toArray(String[]::new));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains(
        "gateway-grpc/java: the gateway served the pinned call over [TRANSPORT_FFI], not java",
        "admin scope");
  }

  @Test
  void execute_pinToTransportWithoutBackend_failsClearly(@TempDir Path results) {
    int exit = execute(gatewayArgs(adminToken, "gateway-rest/grpc", results).toArray(String[]::new));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("gateway answered HTTP 400", "grpc");
  }

  @Test
  void execute_unknownTransport_namesTheChoices(@TempDir Path results) {
    int exit = execute(gatewayArgs(adminToken, "gateway-grpc/cuda", results).toArray(String[]::new));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(
        "target 'gateway-grpc/cuda': unknown transport 'cuda': expected one of java, ffi, grpc");
  }

  @Test
  void execute_unreachableGateway_failsWithOneLine(@TempDir Path results) {
    List<String> args = gatewayArgs(adminToken, "gateway-grpc/ffi", results);
    args.set(args.indexOf(gateway.grpcAddress()), "127.0.0.1:1");

    int exit = execute(args.toArray(String[]::new));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: cannot reach the gateway at 127.0.0.1:1: ");
  }

  @Test
  void execute_pinOnCoreTarget_refused() {
    int exit = execute("--target", "grpc-core/ffi");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("target 'grpc-core' takes no transport pin");
  }

  @Test
  void execute_bareGrpc_answersEveryRequest(@TempDir Path results) throws Exception {
    int exit = execute("--target", "bare-grpc", "--scenario", "tiny", "--rate", "100",
        "--duration", "500ms", "--warmup", "200ms", "--out", results.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(report(results).runs()).singleElement()
        .satisfies(run -> assertThat(run.counts().ok()).isEqualTo(50));
  }
}
