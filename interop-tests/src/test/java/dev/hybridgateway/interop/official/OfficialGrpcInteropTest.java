package dev.hybridgateway.interop.official;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.gateway.testing.RustCoreServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs grpc-java's official interop client against the Rust core, one child JVM per case (the
 * client's {@code main} exits the JVM, and a fresh process per case keeps cases independent).
 */
class OfficialGrpcInteropTest {
  private static final long CASE_TIMEOUT_SECONDS = 120;
  private static RustCoreServer core;

  @BeforeAll
  static void startCore() throws IOException {
    core = RustCoreServer.start();
  }

  @AfterAll
  static void stopCore() {
    if (core != null) {
      core.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(OfficialInteropCase.class)
  void officialClient_againstRustServer_passes(OfficialInteropCase testCase) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "io.grpc.testing.integration.TestServiceClient",
            "--server_host=127.0.0.1",
            "--server_port=" + core.port(),
            "--use_tls=false",
            "--test_case=" + testCase.testCaseName());
    Path log = Files.createTempFile("interop-" + testCase.testCaseName(), ".log");
    Process client =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = client.waitFor(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      client.destroyForcibly().waitFor();
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);

    assertThat(finished).as("%s finished in time", testCase).isTrue();
    assertThat(client.exitValue())
        .as("%s (%s) exit code; client output:%n%s%nserver output:%n%s",
            testCase.testCaseName(), testCase.description(), text, core.output())
        .isZero();
    assertThat(core.isAlive()).as("Rust core still running after %s", testCase).isTrue();
  }
}
