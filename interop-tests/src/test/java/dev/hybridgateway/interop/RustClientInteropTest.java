package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.server.DeadlinePolicy;
import dev.hybridgateway.gateway.server.GatewayServer;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import io.grpc.ManagedChannel;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other direction of the language pair: a Rust client (tonic, the {@code live_gateway}
 * tests of the {@code gateway-interop-client} crate in hotpath-native) calls the Java gateway,
 * which authenticates with real dev JWTs and serves from the Rust core over gRPC
 * ({@code hotpath-server}, the long-scan collection preloaded): Rust → Java → Rust.
 *
 * <p>The Rust tests assert what a client sees (ids and score bits of the shared vectors, status
 * details, auth refusals, deadline and cancellation answers); this class starts the processes,
 * runs {@code cargo test} against them, requires every Rust test to have run and passed, and
 * checks what only the core can tell: both long scans the client gave up on (one by deadline,
 * one dropped) were stopped, not completed.
 */
class RustClientInteropTest {
  /** The tests in hotpath-native/crates/gateway-interop-client/tests/live_gateway. */
  private static final int RUST_TESTS = 9;

  /**
   * Only the live_gateway target. {@code --workspace} (not {@code -p}) resolves the
   * dependencies' features as hotpath-native's own {@code cargo test --workspace} did, so their
   * release builds are reused and only this crate compiles. One test at a time: the deadline
   * and cancellation tests time a scan that concurrent tests would slow down.
   */
  private static final List<String> CARGO_TEST = List.of(
      "cargo", "test", "--release", "--locked", "--workspace",
      "--features", "gateway-interop-client/live-gateway", "--test", "live_gateway", "--",
      "--test-threads=1", "--show-output");

  /** Generous: a first run compiles the crate (and any dependency not built yet) in release. */
  private static final Duration CARGO_TIMEOUT = Duration.ofMinutes(20);

  /**
   * A 25 ms edge reserve instead of the default 2 ms. When the client's deadline passes,
   * grpc-java resets the stream; the edge's own DEADLINE_EXCEEDED must be on the wire before
   * that, and from the core's deadline to the edge's answer took 3–9 ms on the 2-core build
   * machine (access log durations). The Rust client does not enforce its deadline itself and
   * accepts the reset too (tests/live_gateway/deadlines.rs).
   */
  private static final DeadlinePolicy DEADLINES =
      DeadlinePolicy.builder().reserve(Duration.ofMillis(25)).build();

  @TempDir Path devDirectory;

  @Test
  void rustClient_againstAuthenticatedGateway_everyRustTestPasses() throws Exception {
    Path workspace = hotpathNativeDirectory();
    DevTokens tokens = DevTokens.open(devDirectory);
    try (RustCoreServer server = RustCoreServer.start("--preload", LongScan.PRELOAD);
        Authenticator authenticator = Authenticator.create(tokens.authConfig().build())) {
      ManagedChannel coreChannel =
          CoreChannelBuilder.forTarget("127.0.0.1:" + server.port()).build();
      try (GrpcCoreClient core = GrpcCoreClient.of(coreChannel);
          GatewayServer gateway = GatewayServer.builder()
              .listen(new InetSocketAddress("127.0.0.1", 0))
              .core(core)
              .auth(authenticator)
              .deadlinePolicy(DEADLINES)
              .start()) {
        gateway.markServing();
        EngineStats before = core.getStats().join().response();

        RustClientCargoRun run = RustClientCargoRun.run(workspace, CARGO_TEST,
            environment(workspace, tokens, gateway.port()), CARGO_TIMEOUT);
        System.out.printf("cargo test of gateway-interop-client took %d ms:%n%s%n",
            run.elapsed().toMillis(), run.harnessOutput());

        assertThat(run.exitCode())
            .as("exit status of the Rust client tests against the gateway; cargo's output:%n%s",
                run.outputTail())
            .isZero();
        assertThat(run.testResults())
            .as("the libtest summary of the live_gateway tests; cargo's output:%n%s",
                run.outputTail())
            .containsExactly(new RustClientCargoRun.TestResult("ok", RUST_TESTS, 0, 0));

        EngineStats after = await("the core has no call in flight")
            .atMost(Duration.ofSeconds(10))
            .until(() -> core.getStats().join().response(), s -> s.getInFlight() == 0);
        assertThat(LongScan.stops(after) - LongScan.stops(before))
            .as("long scans the core stopped (by deadline or cancellation) during the Rust"
                + " tests: the one under a 100 ms deadline and the one the client dropped")
            .isEqualTo(2);
      } finally {
        coreChannel.shutdownNow();
      }
    }
  }

  /**
   * What the Rust tests read (tests/live_gateway/common.rs): the gateway's address, a token
   * that may search and manage collections, a search-only token, the long-scan collection,
   * and where the protos and shared vectors are.
   */
  private static Map<String, String> environment(Path workspace, DevTokens tokens, int port) {
    Duration ttl = CARGO_TIMEOUT.plusMinutes(5);
    String full = tokens.mint("rust-client",
        List.of(Scopes.SEARCH, Scopes.COLLECTIONS_READ, Scopes.COLLECTIONS_WRITE), ttl);
    String searchOnly = tokens.mint("rust-client-search-only", List.of(Scopes.SEARCH), ttl);
    Path repository = workspace.getParent();
    return Map.of(
        "GATEWAY_ADDRESS", "127.0.0.1:" + port,
        "GATEWAY_TOKEN", full,
        "GATEWAY_SEARCH_ONLY_TOKEN", searchOnly,
        "GATEWAY_LONG_SCAN_COLLECTION", LongScan.COLLECTION,
        "GATEWAY_VECTORS_DIR", System.getProperty(
            "hotpath.vectors.dir", repository.resolve("interop-tests/vectors").toString()),
        "HOTPATH_PROTO_DEPS", repository.resolve("proto/target/proto-deps").toString());
  }

  /**
   * The cargo workspace: three levels above the server binary the build names
   * ({@code hotpath-native/target/release/hotpath-server}), else {@code ../hotpath-native} from
   * this module's directory.
   */
  private static Path hotpathNativeDirectory() {
    String binary = System.getProperty("hotpath.server.binary");
    Path workspace = binary != null
        ? Path.of(binary).toAbsolutePath().getParent().getParent().getParent()
        : Path.of("..", "hotpath-native").toAbsolutePath().normalize();
    assertThat(Files.isRegularFile(workspace.resolve("Cargo.toml")))
        .as("the cargo workspace at %s", workspace)
        .isTrue();
    return workspace;
  }
}
