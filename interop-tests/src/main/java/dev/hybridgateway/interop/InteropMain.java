package dev.hybridgateway.interop;

import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the interop catalogue against an external deployment: a Rust core over gRPC
 * ({@code --core}), a gateway's gRPC API ({@code --gateway}) and/or its REST API ({@code --rest}),
 * in any combination. Prints a table, optionally writes JUnit XML, and exits 1 when any case
 * fails (skips do not fail the run).
 *
 * <pre>{@code
 * ./hybrid interop --core 127.0.0.1:50051 --gateway 127.0.0.1:8080 --rest 127.0.0.1:8081 \
 *     --token "$TOKEN" --junit-xml interop.xml
 * }</pre>
 */
@Command(name = "interop", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs the hybrid-gateway interop catalogue against a deployment.")
public final class InteropMain implements Callable<Integer> {
  @Option(names = "--core", paramLabel = "HOST:PORT", description = "The Rust core's gRPC address.")
  String core;

  @Option(names = "--gateway", paramLabel = "HOST:PORT", description = "The gateway's gRPC address "
      + "(with --core too, the suite assumes the gateway fronts that core and reads its counters).")
  String gateway;

  @Option(names = "--rest", paramLabel = "HOST:PORT", description = "The gateway's REST address "
      + "(same assumptions as --gateway; the token is sent too).")
  String rest;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Bearer token for the gateway (gRPC and REST).")
  String token;

  @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write JUnit XML here.")
  Path junitXml;

  @Option(names = "--case", paramLabel = "NAME", split = ",",
      description = "Run only these cases (e.g. search_shared_vectors); default: all.")
  List<String> cases = new ArrayList<>();

  @Option(names = "--tolerance", paramLabel = "MILLIS", defaultValue = "250",
      description = "How late a deadline answer may be (default: ${DEFAULT-VALUE} ms).")
  long toleranceMillis;

  public static void main(String[] args) {
    System.exit(new CommandLine(new InteropMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (core == null && gateway == null && rest == null) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "give at least one of --core, --gateway, --rest HOST:PORT");
    }
    List<ManagedChannel> channels = new ArrayList<>();
    Closing closing = new Closing();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("interop-deadlines").factory());
    try (CoreClient oracle = JavaCoreClient.builder().build()) {
      List<InteropTarget> targets = new ArrayList<>();
      CoreClient coreClient = null;
      if (core != null) {
        ManagedChannel channel = CoreChannelBuilder.forTarget(core).build();
        channels.add(channel);
        coreClient = GrpcCoreClient.of(channel);
        targets.add(InteropTarget.ofCore(TargetKind.GRPC, core, coreClient, channel, false));
      }
      CoreClient gatewayClient = null;
      if (gateway != null) {
        ManagedChannel channel = gatewayChannel();
        channels.add(channel);
        gatewayClient = GatewayCoreClient.of(channel, token);
        targets.add(new InteropTarget(TargetKind.GATEWAY, gateway, gatewayClient,
            coreClient == null ? gatewayClient : coreClient, coreClient, null, channel, false));
      }
      if (rest != null) {
        CoreClient restClient = closing.add(RestCoreClient.of(rest, token));
        CoreClient setup = coreClient != null ? coreClient
            : gatewayClient != null ? gatewayClient : restClient;
        targets.add(new InteropTarget(TargetKind.REST, rest, restClient, setup, coreClient, null,
            null, false));
      }
      CaseRunner runner = new CaseRunner(oracle, timer, Duration.ofMillis(toleranceMillis));
      List<CaseResult> results = new ArrayList<>();
      for (InteropCase testCase : selected()) {
        for (InteropTarget target : targets) {
          if (testCase.appliesTo(target.kind())) {
            results.add(runner.run(testCase, target));
          }
        }
      }
      ReportTable.print(results, System.out);
      if (junitXml != null) {
        JUnitXmlReport.write(results, junitXml);
        System.out.println("JUnit XML: " + junitXml);
      }
      return results.stream().anyMatch(r -> r.outcome() == CaseResult.Outcome.FAIL) ? 1 : 0;
    } finally {
      timer.shutdownNow();
      closing.close();
      channels.forEach(ManagedChannel::shutdownNow);
    }
  }

  /** Clients to close when the run ends. */
  private static final class Closing {
    private final List<CoreClient> clients = new ArrayList<>();

    <T extends CoreClient> T add(T client) {
      clients.add(client);
      return client;
    }

    void close() {
      clients.forEach(CoreClient::close);
    }
  }

  private ManagedChannel gatewayChannel() {
    return NettyChannelBuilder.forTarget(gateway).usePlaintext()
        .maxInboundMessageSize(CoreChannelBuilder.DEFAULT_MAX_MESSAGE_BYTES).build();
  }

  private Set<InteropCase> selected() {
    if (cases.isEmpty()) {
      return EnumSet.allOf(InteropCase.class);
    }
    Set<InteropCase> chosen = EnumSet.noneOf(InteropCase.class);
    for (String name : cases) {
      chosen.add(InteropCase.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
    }
    return chosen;
  }
}
