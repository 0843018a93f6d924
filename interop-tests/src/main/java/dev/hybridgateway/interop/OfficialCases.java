package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.interop.official.OfficialInteropCase;
import io.grpc.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The OFFICIAL group: grpc-java's own interop client ({@code TestServiceClient} from {@code
 * io.grpc:grpc-interop-testing}) against the target's gRPC port, one child JVM per case (the
 * client's {@code main} exits its JVM, and a fresh process keeps cases independent). A target
 * that does not serve {@code grpc.testing.TestService} (the gateway; a core started with {@code
 * --disable-interop}) is asked first and the case skipped, saying so.
 */
final class OfficialCases {
  private static final long CASE_TIMEOUT_SECONDS = 120;
  private static final String EMPTY_CALL = "grpc.testing.TestService/EmptyCall";

  private OfficialCases() {}

  static void run(CaseContext ctx, OfficialInteropCase testCase) throws Exception {
    requireTestService(ctx.target());
    String address = ctx.target().address();
    int colon = address.lastIndexOf(':');
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(
        java.toString(), "-cp", System.getProperty("java.class.path"),
        "io.grpc.testing.integration.TestServiceClient",
        "--server_host=" + address.substring(0, colon).replace("[", "").replace("]", ""),
        "--server_port=" + address.substring(colon + 1),
        "--use_tls=false",
        "--test_case=" + testCase.testCaseName());
    Path log = Files.createTempFile("interop-" + testCase.testCaseName(), ".log");
    try {
      Process client = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      boolean finished = client.waitFor(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        client.destroyForcibly().waitFor();
      }
      String output = tail(Files.readString(log, StandardCharsets.UTF_8));
      assertThat(finished).as("official %s over %s finished within %d s; output:%n%s",
          testCase.testCaseName(), ctx.target(), CASE_TIMEOUT_SECONDS, output).isTrue();
      assertThat(client.exitValue())
          .as("official %s (%s) over %s: TestServiceClient's exit code; output:%n%s",
              testCase.testCaseName(), testCase.description(), ctx.target(), output)
          .isZero();
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Skips the case unless the target answers TestService's EmptyCall. */
  private static void requireTestService(InteropTarget target) {
    try {
      RawGrpcCall.call(target.requireRawChannel(), EMPTY_CALL, new byte[0]).join();
    } catch (CompletionException e) {
      Status status = Status.fromThrowable(e.getCause());
      if (status.getCode() == Status.Code.UNIMPLEMENTED) {
        throw new CaseSkipped(target + " does not serve grpc.testing.TestService (EmptyCall"
            + " answered UNIMPLEMENTED)");
      }
      throw new AssertionError("grpc.testing.TestService/EmptyCall over " + target
          + " failed: " + status, e.getCause());
    }
  }

  private static String tail(String text) {
    return text.length() > 4_000 ? "…" + text.substring(text.length() - 4_000) : text;
  }
}
