package dev.hybridgateway.gateway;

import dev.hybridgateway.gateway.auth.AuthProfile;
import dev.hybridgateway.gateway.auth.DevTokenCommand;
import dev.hybridgateway.gateway.config.Converters;
import dev.hybridgateway.gateway.config.CoreOptions;
import dev.hybridgateway.gateway.core.Transport;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The gateway process's command line: the options, and the {@code token} subcommand that mints
 * dev tokens. {@link GatewayAssembly} starts the process from them: core clients per backend of
 * the routing table, the demo collection on every shard, the gRPC server (and REST) behind the
 * edge pipeline, the admin port; it reports SERVING and prints one line on stdout,
 * {@code hybrid-gateway listening on 127.0.0.1:8080 (core: ffi; rest: 127.0.0.1:8081; admin:
 * 127.0.0.1:9090)}, once all of that is done
 * (scripts wait for it; logs go to stderr). SIGTERM/SIGINT drain in-flight calls and exit 0.
 * Every option has an environment variable; the command line wins.
 */
@Command(
    name = "hybrid-gateway",
    mixinStandardHelpOptions = true,
    version = "hybrid-gateway 0.1.0",
    sortOptions = false,
    subcommands = DevTokenCommand.class,
    description = "The Java edge of hybrid-gateway: serves hybrid.gateway.v1 over a Rust (or Java) core.")
public final class Main implements Callable<Integer> {
  @Option(names = "--listen", paramLabel = "HOST:PORT", converter = Converters.AddressConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_LISTEN:-127.0.0.1:8080}",
      description = "gRPC address to listen on; port 0 picks a free port (env HYBRID_GATEWAY_LISTEN; default ${DEFAULT-VALUE}).")
  InetSocketAddress listen;

  @Option(names = "--core", paramLabel = "java|ffi|grpc", converter = TransportConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_CORE:-ffi}",
      description = "The core: java (pure-Java engine), ffi (Rust in-process, Panama FFM), grpc (Rust hotpath-server) (env HYBRID_GATEWAY_CORE; default ${DEFAULT-VALUE}).")
  Transport core;

  @Option(names = "--core-target", paramLabel = "TARGET",
      defaultValue = "${env:HYBRID_GATEWAY_CORE_TARGET:-" + CoreOptions.DEFAULT_GRPC_TARGET + "}",
      description = "gRPC target of the Rust core with --core grpc, e.g. 127.0.0.1:50051 or dns:///hotpath:50051 (round-robin over its addresses) (env HYBRID_GATEWAY_CORE_TARGET; default ${DEFAULT-VALUE}).")
  String coreTarget;

  @Option(names = "--config", paramLabel = "FILE",
      defaultValue = "${env:HYBRID_GATEWAY_CONFIG}",
      description = "Routing table (YAML, gateway/CONFIG.md), e.g. gateway/config/two-shards.yaml; without it, --core decides: ffi runs the embedded default, java or grpc a one-backend table (env HYBRID_GATEWAY_CONFIG).")
  Path config;

  @Option(names = "--admin-listen", paramLabel = "HOST:PORT", converter = Converters.AddressConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_ADMIN_LISTEN:-127.0.0.1:9090}",
      description = "Admin HTTP address: /healthz, /readyz, /metrics, /admin/routes (env HYBRID_GATEWAY_ADMIN_LISTEN; default ${DEFAULT-VALUE}).")
  InetSocketAddress adminListen;

  @Option(names = "--rest-listen", paramLabel = "HOST:PORT", converter = Converters.AddressConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_REST_LISTEN:-127.0.0.1:8081}",
      description = "REST/JSON address, the same API as gRPC (env HYBRID_GATEWAY_REST_LISTEN; default ${DEFAULT-VALUE}).")
  InetSocketAddress restListen;

  @Option(names = "--dev-dir", paramLabel = "DIR",
      defaultValue = "${env:HYBRID_GATEWAY_DEV_DIR}",
      description = "Dev auth profile: the dev key pair's directory, created on first use; `hybrid-gateway token` mints tokens for it (env HYBRID_GATEWAY_DEV_DIR; default ~/.hybrid-gateway/dev).")
  Path devDir;

  @Option(names = "--auth", paramLabel = "dev|prod", converter = AuthProfileConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_AUTH:-dev}",
      description = "Auth profile: dev (a local key pair in --dev-dir, tokens from `hybrid-gateway token`) or prod (the issuer, JWKS and API keys of --auth-config) (env HYBRID_GATEWAY_AUTH; default ${DEFAULT-VALUE}).")
  AuthProfile auth;

  @Option(names = "--auth-config", paramLabel = "FILE",
      defaultValue = "${env:HYBRID_GATEWAY_AUTH_CONFIG}",
      description = "Prod auth settings (YAML, gateway/CONFIG.md \"Authentication\"), e.g. gateway/config/auth-prod.example.yaml; required by --auth prod (env HYBRID_GATEWAY_AUTH_CONFIG).")
  Path authConfig;

  @Option(names = "--rate-limit", paramLabel = "PER_SECOND",
      defaultValue = "${env:HYBRID_GATEWAY_RATE_LIMIT:-100}",
      description = "Requests per second per tenant (env HYBRID_GATEWAY_RATE_LIMIT; default ${DEFAULT-VALUE}).")
  double rateLimit;

  @Option(names = "--rate-burst", paramLabel = "N",
      defaultValue = "${env:HYBRID_GATEWAY_RATE_BURST:-200}",
      description = "Burst per tenant above the rate (env HYBRID_GATEWAY_RATE_BURST; default ${DEFAULT-VALUE}).")
  long rateBurst;

  @Option(names = "--demo-collection", negatable = true, fallbackValue = "true",
      defaultValue = "${env:HYBRID_GATEWAY_DEMO_COLLECTION:-true}",
      description = "Create the collection 'demo' at start-up (synthetic, seed 42, cosine); --no-demo-collection skips it (env HYBRID_GATEWAY_DEMO_COLLECTION; default ${DEFAULT-VALUE}).")
  boolean demoCollection;

  @Option(names = "--demo-count", paramLabel = "N", defaultValue = "${env:HYBRID_GATEWAY_DEMO_COUNT:-100000}",
      description = "Vectors of the demo collection (env HYBRID_GATEWAY_DEMO_COUNT; default ${DEFAULT-VALUE}).")
  long demoCount;

  @Option(names = "--demo-dim", paramLabel = "DIM", defaultValue = "${env:HYBRID_GATEWAY_DEMO_DIM:-384}",
      description = "Dimension of the demo collection (env HYBRID_GATEWAY_DEMO_DIM; default ${DEFAULT-VALUE}).")
  int demoDim;

  @Option(names = "--default-deadline", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_DEFAULT_DEADLINE:-2s}",
      description = "Deadline of calls whose client sets none (env HYBRID_GATEWAY_DEFAULT_DEADLINE; default ${DEFAULT-VALUE}).")
  Duration defaultDeadline;

  @Option(names = "--max-deadline", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_MAX_DEADLINE:-30s}",
      description = "Longest deadline a call gets; longer client deadlines are cut (env HYBRID_GATEWAY_MAX_DEADLINE; default ${DEFAULT-VALUE}).")
  Duration maxDeadline;

  @Option(names = "--edge-reserve", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_EDGE_RESERVE:-2ms}",
      description = "Time the edge keeps for itself: the core's deadline is this much earlier than the call's (env HYBRID_GATEWAY_EDGE_RESERVE; default ${DEFAULT-VALUE}).")
  Duration edgeReserve;

  @Option(names = "--min-budget", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_MIN_BUDGET:-5ms}",
      description = "With less time left for the core, answer DEADLINE_EXCEEDED without calling it (env HYBRID_GATEWAY_MIN_BUDGET; default ${DEFAULT-VALUE}).")
  Duration minBudget;

  @Option(names = "--startup-timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_STARTUP_TIMEOUT:-120s}",
      description = "How long to wait for the core and the demo collection at start-up (env HYBRID_GATEWAY_STARTUP_TIMEOUT; default ${DEFAULT-VALUE}).")
  Duration startupTimeout;

  @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "${env:HYBRID_GATEWAY_DRAIN_TIMEOUT:-30s}",
      description = "How long shutdown waits for in-flight calls (env HYBRID_GATEWAY_DRAIN_TIMEOUT; default ${DEFAULT-VALUE}).")
  Duration drainTimeout;

  public static void main(String[] args) {
    System.exit(commandLine(new Main()).execute(args));
  }

  /** The picocli command line of {@code main}, with one-line error messages. */
  static CommandLine commandLine(Main main) {
    return new CommandLine(main)
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("hybrid-gateway: " + e.getMessage());
              return 1;
            });
  }

  @Override
  public Integer call() throws Exception {
    try (RunningGateway gateway = start(System.out)) {
      Runtime.getRuntime()
          .addShutdownHook(Thread.ofPlatform().name("gateway-shutdown").unstarted(gateway::close));
      gateway.server().awaitTermination();
    }
    return 0;
  }

  /** Starts everything and prints the listening line on {@code out}; close the result to stop. */
  RunningGateway start(PrintStream out) throws Exception {
    return GatewayAssembly.start(this, out);
  }

  /** Parses {@code dev} or {@code prod}. */
  static final class AuthProfileConverter implements CommandLine.ITypeConverter<AuthProfile> {
    @Override
    public AuthProfile convert(String value) {
      try {
        return AuthProfile.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("--auth must be dev or prod, not '" + value + "'");
      }
    }
  }

  /** Parses {@code java}, {@code ffi} or {@code grpc}. */
  static final class TransportConverter implements CommandLine.ITypeConverter<Transport> {
    @Override
    public Transport convert(String value) {
      try {
        return Transport.of(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
