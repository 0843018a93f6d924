package dev.hybridgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.testing.Bearer;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import dev.hybridgateway.gateway.v1.Collection;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.GetCollectionRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The gateway process as {@code ./hybrid up} runs it, here over the Rust core via gRPC. */
class MainTest {
  private static final Pattern LISTENING =
      Pattern.compile(
          "^hybrid-gateway listening on 127\\.0\\.0\\.1:(\\d+) \\(core: grpc; rest:"
              + " 127\\.0\\.0\\.1:\\d+; admin: 127\\.0\\.0\\.1:\\d+\\)$");

  private static RustCoreServer core;
  @TempDir static Path devDir;

  @BeforeAll
  static void startCore() throws Exception {
    core = RustCoreServer.start();
  }

  @AfterAll
  static void stopCore() throws Exception {
    core.close();
  }

  private static Main parse(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  private static Main grpcGateway(String... extra) {
    String[] base = {
      "--listen", "127.0.0.1:0", "--core", "grpc", "--core-target", "127.0.0.1:" + core.port(),
      "--demo-count", "1000", "--demo-dim", "8", "--admin-listen", "127.0.0.1:0",
      "--rest-listen", "127.0.0.1:0", "--dev-dir", devDir.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return parse(args);
  }

  private static Bearer bearer(String... scopes) {
    return Bearer.of(DevTokens.open(devDir).mint("demo", List.of(scopes), Duration.ofMinutes(5)));
  }

  @Test
  void start_grpcCoreWithDemo_printsTheListeningLineAndServesTheDemo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    try (RunningGateway gateway =
        grpcGateway().start(new PrintStream(out, true, StandardCharsets.UTF_8))) {
      String line = out.toString(StandardCharsets.UTF_8).strip();
      Matcher m = LISTENING.matcher(line);
      assertThat(m.matches()).as("stdout: %s", line).isTrue();
      int port = Integer.parseInt(m.group(1));
      assertThat(port).isEqualTo(gateway.server().port());

      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      try {
        assertThat(
                HealthGrpc.newBlockingStub(channel)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus())
            .isEqualTo(ServingStatus.SERVING);
        Collection demo =
            CollectionServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .withCallCredentials(bearer(Scopes.COLLECTIONS_READ))
                .getCollection(GetCollectionRequest.newBuilder().setName("demo").build());
        assertThat(demo.getCount()).isEqualTo(1000);
        assertThat(demo.getDim()).isEqualTo(8);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  @Test
  void start_demoAlreadyInTheCore_reusesIt() throws Exception {
    // The first test may have created it already; a second gateway must start either way.
    try (RunningGateway first = grpcGateway().start(new PrintStream(new ByteArrayOutputStream()));
        RunningGateway second = grpcGateway().start(new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(second.server().port()).isNotEqualTo(first.server().port());
    }
  }

  @Test
  void start_unreachableCore_failsUnavailableAfterTheStartupTimeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Main main =
        parse(
            "--listen", "127.0.0.1:0", "--core", "grpc", "--core-target", "127.0.0.1:" + closedPort,
            "--startup-timeout", "1s", "--admin-listen", "127.0.0.1:0", "--rest-listen",
            "127.0.0.1:0", "--dev-dir", devDir.toString());

    assertThatThrownBy(() -> main.start(new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
  }

  @Test
  void parse_noArguments_usesTheDocumentedDefaults() {
    Main main = parse();

    assertThat(main.listen.getPort()).isEqualTo(8080);
    assertThat(main.core.id()).isEqualTo("ffi");
    assertThat(main.coreTarget).isEqualTo("127.0.0.1:50051");
    assertThat(main.demoCollection).isTrue();
    assertThat(parse("--no-demo-collection").demoCollection).isFalse();
    assertThat(main.auth).isEqualTo(dev.hybridgateway.gateway.auth.AuthProfile.DEV);
    assertThat(main.authConfig).isNull();
    assertThat(parse("--auth", "prod").auth)
        .isEqualTo(dev.hybridgateway.gateway.auth.AuthProfile.PROD);
  }

  @Test
  void start_authProdWithoutAuthConfig_failsWithAClearMessage() {
    Main main = parse("--auth", "prod", "--core", "java", "--no-demo-collection");

    assertThatThrownBy(() -> main.start(new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--auth prod needs --auth-config FILE");
  }
}
