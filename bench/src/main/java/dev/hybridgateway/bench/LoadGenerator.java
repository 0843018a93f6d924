package dev.hybridgateway.bench;

import dev.hybridgateway.bench.cli.Closer;
import dev.hybridgateway.bench.cli.ConsoleSummary;
import dev.hybridgateway.bench.cli.DurationConverter;
import dev.hybridgateway.bench.cli.RampOptions;
import dev.hybridgateway.bench.cli.TargetAddress;
import dev.hybridgateway.bench.cli.TargetOptions;
import dev.hybridgateway.bench.cli.Targets;
import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.load.OpenLoopRunner;
import dev.hybridgateway.bench.load.RampResult;
import dev.hybridgateway.bench.load.RunConfig;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.load.RunTag;
import dev.hybridgateway.bench.load.StepRamp;
import dev.hybridgateway.bench.report.BenchReport;
import dev.hybridgateway.bench.report.ReportFiles;
import dev.hybridgateway.bench.sample.MachineInfo;
import dev.hybridgateway.bench.sample.MemoryMonitor;
import dev.hybridgateway.bench.sample.MonitoredProcess;
import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.bench.scenario.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The load generator: open loop, constant arrival rate, latency from the intended send time into
 * HdrHistogram; one run at {@code --rate} or, with {@code --ramp}, a search for the maximum
 * sustainable rate followed by runs at fractions of it. Writes a JSON and an HTML report.
 *
 * <pre>
 * java -jar bench/target/bench.jar --target grpc-core --address 127.0.0.1:50051 \
 *     --scenario search-small --rate 500 --duration 20s --warmup 5s --out bench-results/
 * </pre>
 */
@Command(
    name = "load-generator",
    mixinStandardHelpOptions = true,
    subcommands = {ReportCommand.class, PayloadCommand.class, JmhSummaryCommand.class,
        MemoryCommand.class},
    description = "Open-loop load generator for hybrid-gateway (loopback targets only unless"
        + " --allow-remote). Writes JSON and HTML reports.")
public final class LoadGenerator implements Callable<Integer> {
  @Option(names = "--target", split = ",", defaultValue = "grpc-core",
      description = "Targets to load, in turn: grpc-core, java-core, ffi-core, bare-grpc, gateway-grpc, gateway-rest; a gateway target may pin the core transport, e.g. gateway-grpc/ffi (default: ${DEFAULT-VALUE}).")
  List<String> targets;

  @Option(names = "--address", defaultValue = "127.0.0.1:50051", description = "HOST:PORT of the target (default: ${DEFAULT-VALUE}).")
  String address;

  @Option(names = "--gateway", defaultValue = "127.0.0.1:8080", description = "HOST:PORT of the gateway's gRPC API, for gateway-grpc (default: ${DEFAULT-VALUE}).")
  String gateway;

  @Option(names = "--gateway-rest", defaultValue = "127.0.0.1:8081", description = "HOST:PORT of the gateway's REST API, for gateway-rest (default: ${DEFAULT-VALUE}).")
  String gatewayRest;

  @Option(names = "--token-file", description = "File holding the bearer token sent to the gateway (a pin such as gateway-grpc/ffi needs the admin scope: hybrid-gateway token --scopes search,collections.read,collections.write,admin).")
  Path tokenFile;

  @Option(names = "--allow-remote", description = "Allow a non-loopback address (a host you own). Without it, only 127.0.0.0/8, ::1 and localhost are loaded.")
  boolean allowRemote;

  @Option(names = "--scenario", split = ",", defaultValue = "search-small",
      description = "search-small, search-batch, rerank-large, tiny (default: ${DEFAULT-VALUE}).")
  List<String> scenarios;

  @Option(names = "--collection", description = "Collection of the search scenarios (default: the scenario's own, created if missing).")
  String collection;

  @Option(names = "--no-create-collection", negatable = false, description = "Do not create a missing collection.")
  boolean noCreateCollection;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the queries (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rate", defaultValue = "100", description = "Requests per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--duration", defaultValue = "20s", converter = DurationConverter.class, description = "Measured duration (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class, description = "Warm-up, not recorded (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--target-warmup", defaultValue = "0s", converter = DurationConverter.class,
      description = "Load each target this long before its runs and discard the figures: JIT-compiles a freshly started gateway (and this JVM's client) before anything is measured (default: ${DEFAULT-VALUE}).")
  Duration targetWarmup;

  @Option(names = "--target-warmup-rate", description = "Rate of --target-warmup, requests/s (default: --rate, or --ramp-start with --ramp). Keep it below the target's capacity: an overloaded gateway opens its circuit breaker.")
  Double targetWarmupRate;

  @Option(names = "--max-requests", defaultValue = "10000000", description = "Most measured requests per run (default: ${DEFAULT-VALUE}).")
  long maxRequests;

  @Option(names = "--max-in-flight", defaultValue = "1000", description = "Requests awaiting an answer beyond which new ones count as client/SATURATED (default: ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(names = "--deadline", defaultValue = "1s", converter = DurationConverter.class, description = "Deadline of every request (default: ${DEFAULT-VALUE}).")
  Duration deadline;

  @Option(names = "--overrun-tolerance", defaultValue = "5ms", converter = DurationConverter.class, description = "Answers later than deadline + this are overruns (default: ${DEFAULT-VALUE}).")
  Duration overrunTolerance;

  @Option(names = "--connections", defaultValue = "1", description = "HTTP/2 connections per target (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--pid", description = "NAME=PID of a process whose RSS to sample, repeatable (e.g. core=$(pidof hotpath-server)).")
  List<String> pids = new ArrayList<>();

  @Option(names = "--sample-interval", defaultValue = "250ms", converter = DurationConverter.class, description = "Memory sampling interval (default: ${DEFAULT-VALUE}).")
  Duration sampleInterval;

  @Option(names = "--out", defaultValue = "bench-results", description = "Folder of the JSON and HTML reports (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin RampOptions ramp;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command with its error handling: a failure prints one line and exits 1. */
  public static CommandLine commandLine() {
    return new CommandLine(new LoadGenerator())
        .setExecutionExceptionHandler(
            (e, cmd, parseResult) -> {
              cmd.getErr().println("error: " + e.getMessage());
              return 1;
            });
  }

  @Override
  public Integer call() throws Exception {
    TargetAddress target = parseAddress(address);
    TargetAddress gatewayAddress = parseAddress(gateway);
    TargetAddress restAddress = parseAddress(gatewayRest);
    String token = tokenFile == null ? null : Files.readString(tokenFile).strip();
    List<Scenario> chosen = scenarios.stream().map(this::scenario).toList();
    RunConfig config = RunConfig.builder().rate(rate).warmup(warmup).duration(duration)
        .maxRequests(maxRequests).maxInFlight(maxInFlight).deadline(deadline)
        .overrunTolerance(overrunTolerance).build();
    MachineInfo machine = MachineInfo.collect();
    spec.commandLine().getOut().println(ConsoleSummary.machine(machine));
    List<MonitoredProcess> processes = new ArrayList<>(List.of(MonitoredProcess.self()));
    pids.forEach(pid -> processes.add(MonitoredProcess.parse(pid)));
    MemoryMonitor monitor = MemoryMonitor.of(processes, sampleInterval);
    List<RunResult> runs = new ArrayList<>();
    List<RampResult> ramps = new ArrayList<>();
    for (Scenario scenario : chosen) {
      String name = collection != null ? collection : scenario.collection();
      Workload workload = Workload.of(scenario, name, seed);
      var options = new TargetOptions(target, gatewayAddress, restAddress, token, connections,
          name, !noCreateCollection);
      for (String targetName : targets) {
        try (Closer closer = new Closer()) {
          LoadTarget loadTarget = closer.register(
              Targets.of(targetName).open(targetName, options, scenario, workload, closer));
          if (targetWarmup.isPositive()) {
            double warmupRate = targetWarmupRate != null ? targetWarmupRate
                : ramp.enabled() ? ramp.start() : rate;
            new OpenLoopRunner(loadTarget, config.withRate(warmupRate)
                .withTiming(Duration.ZERO, targetWarmup), monitor)
                .run(RunTag.fixed(scenario.id(), rate)); // figures discarded
          }
          if (ramp.enabled()) {
            RampResult result = new StepRamp(ramp.plan(warmup, duration), config, monitor)
                .run(loadTarget, scenario.id(), run -> record(run, runs));
            ramps.add(result);
            spec.commandLine().getOut().println(ConsoleSummary.ramp(result));
          } else {
            record(new OpenLoopRunner(loadTarget, config, monitor)
                .run(RunTag.fixed(scenario.id(), rate)), runs);
          }
        }
      }
    }
    BenchReport report = BenchReport.of(
        spec.commandLine().getParseResult().originalArgs(), machine, runs, ramps);
    ReportFiles.Written written = ReportFiles.write(report, out, "load");
    spec.commandLine().getOut().print(ConsoleSummary.edge(report.edge()));
    spec.commandLine().getOut().print(ConsoleSummary.memory(report.memoryFigures()));
    spec.commandLine().getOut().println("wrote " + written.json() + "\nwrote " + written.html());
    return 0;
  }

  private void record(RunResult run, List<RunResult> runs) {
    runs.add(run);
    spec.commandLine().getOut().println(ConsoleSummary.run(run));
    spec.commandLine().getOut().flush();
  }

  private TargetAddress parseAddress(String address) {
    try {
      TargetAddress parsed = TargetAddress.parse(address);
      parsed.checkLoopback(allowRemote);
      targets.forEach(Targets::of);
      return parsed;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private Scenario scenario(String id) {
    try {
      return Scenario.of(id);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
