package dev.hybridgateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.rest.RestServer;
import dev.hybridgateway.gateway.server.GatewayServer;
import dev.hybridgateway.gateway.server.GatewayServerBuilder;
import dev.hybridgateway.gateway.testing.LongScan;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import dev.hybridgateway.interop.BrokenCoreClient.Break;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The suite catches what it claims to: the gRPC core client, deliberately broken by a test-only
 * decorator, and the REST API behind a proxy that rewrites HTTP statuses (a wrong
 * Status-to-HTTP mapping), make the named case FAIL with a message that says what broke. The
 * message is printed so it can be quoted (interop-tests/README.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliberateBreaksTest {
  private RustCoreServer server;
  private ManagedChannel channel;
  private CoreClient grpc;
  private CoreClient oracle;
  private ScheduledExecutorService timer;
  private JavaCoreClient restCore;
  private GatewayServer gateway;
  private ManagedChannel gatewayChannel;
  private RestServer rest;

  @BeforeAll
  void start() throws Exception {
    server = RustCoreServer.start("--preload", LongScan.PRELOAD);
    channel = CoreChannelBuilder.forTarget("127.0.0.1:" + server.port()).build();
    grpc = GrpcCoreClient.of(channel);
    oracle = JavaCoreClient.builder().build();
    timer = Executors.newSingleThreadScheduledExecutor();
    restCore = JavaCoreClient.builder().threads(1).build();
    gateway = GatewayServer.builder().listen(new InetSocketAddress("127.0.0.1", 0)).core(restCore)
        .unauthenticated().start();
    gateway.markServing();
    gatewayChannel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext()
        .maxInboundMessageSize(GatewayServerBuilder.MAX_MESSAGE_BYTES).build();
    rest = RestServer.builder().listen(new InetSocketAddress("127.0.0.1", 0))
        .gateway(gatewayChannel).start();
  }

  @AfterAll
  void stop() {
    rest.close();
    gatewayChannel.shutdownNow();
    gateway.close();
    restCore.close();
    timer.shutdownNow();
    oracle.close();
    grpc.close();
    channel.shutdownNow();
    server.close();
  }

  @ParameterizedTest(name = "{0} breaks {1}")
  @CsvSource({
    "STRIP_STATUS_DETAILS, ERROR_UNKNOWN_COLLECTION, this transport delivered no details",
    "STRIP_STATUS_DETAILS, ERROR_NAN_AND_INFINITY, this transport delivered no details",
    "DROP_DEADLINE, DEADLINE_MID_COMPUTE, the deadline did not stop it",
    "DROP_DEADLINE, CANCEL_STOPS_CORE, the cancellation did not stop it",
    "DEADLINE_AS_UNKNOWN, DEADLINE_NEVER_LATE, expected: DEADLINE_EXCEEDED",
  })
  void brokenGrpcClient_namedCase_failsSayingWhatBroke(
      Break breakage, InteropCase testCase, String expectedReason) {
    InteropTarget target = InteropTarget.ofCore(TargetKind.GRPC, "127.0.0.1:" + server.port(),
        grpc, channel, false);
    InteropTarget broken = target.withCore(new BrokenCoreClient(grpc, breakage));
    CaseRunner runner = new CaseRunner(oracle, timer, CaseContext.DEFAULT_TOLERANCE);

    CaseResult result = runner.run(testCase, broken);

    System.out.printf("[deliberate break %s] %s over %s: %s%n  %s%n", breakage,
        testCase.caseName(), target.kind().id(), result.outcome(), result.reason());
    assertThat(result.outcome()).as(result.reason()).isEqualTo(CaseResult.Outcome.FAIL);
    assertThat(result.reason()).contains(expectedReason);
    assertThat(runner.run(testCase, target).outcome())
        .as("the same case on the unbroken client").isEqualTo(CaseResult.Outcome.PASS);
  }

  @ParameterizedTest(name = "HTTP {1} answered as {2} breaks {0}")
  @CsvSource({
    "ERROR_UNKNOWN_COLLECTION, 404, 400",
    "ERROR_COLLECTION_EXISTS, 409, 500",
    "ERROR_K_OUT_OF_RANGE, 400, 422",
  })
  void wrongHttpStatusMapping_restErrorCase_failsSayingWhatBroke(
      InteropCase testCase, int documented, int sent) throws Exception {
    String restAddress = "127.0.0.1:" + rest.port();
    CaseRunner runner = new CaseRunner(oracle, timer, CaseContext.DEFAULT_TOLERANCE);
    try (MisMappingRestProxy proxy =
            new MisMappingRestProxy(restAddress, status -> status == documented ? sent : status);
        RestCoreClient broken = RestCoreClient.of(proxy.address(), null);
        RestCoreClient direct = RestCoreClient.of(restAddress, null)) {
      CaseResult result = runner.run(testCase, new InteropTarget(
          TargetKind.REST, proxy.address(), broken, restCore, null, null, null, false));

      System.out.printf("[deliberate break HTTP %d as %d] %s over rest: %s%n  %s%n", documented,
          sent, testCase.caseName(), result.outcome(), result.reason());
      assertThat(result.outcome()).as(result.reason()).isEqualTo(CaseResult.Outcome.FAIL);
      assertThat(result.reason()).contains("DESIGN.md's error table says " + documented)
          .contains("expected: " + documented).contains("but was: " + sent);
      assertThat(runner.run(testCase, new InteropTarget(
              TargetKind.REST, restAddress, direct, restCore, null, null, null, false)).outcome())
          .as("the same case on the REST API without the proxy").isEqualTo(CaseResult.Outcome.PASS);
    }
  }
}
