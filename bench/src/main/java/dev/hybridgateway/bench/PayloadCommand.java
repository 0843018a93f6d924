package dev.hybridgateway.bench;

import com.google.protobuf.Message;
import dev.hybridgateway.bench.scenario.Payloads;
import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.bench.scenario.Workload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code load-generator payload}: writes one request of a scenario for external tools, as a gRPC
 * frame (h2load) and as JSON (ghz, wrk), from the same seed as the load generator.
 */
@Command(name = "payload", mixinStandardHelpOptions = true,
    description = "Write a scenario's request as a gRPC frame (h2load -d) and/or JSON (ghz -D, wrk).")
final class PayloadCommand implements Callable<Integer> {
  @Option(names = "--scenario", defaultValue = "search-small", description = "Scenario (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--collection", description = "Collection of a search scenario (default: the scenario's own).")
  String collection;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the queries (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--index", defaultValue = "0", description = "Which request of the workload (default: ${DEFAULT-VALUE}).")
  long index;

  @Option(names = "--grpc-frame", description = "File for the length-prefixed gRPC message.")
  Path grpcFrame;

  @Option(names = "--json", description = "File for the protobuf JSON of the request.")
  Path json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Scenario chosen = Scenario.of(scenario);
    Workload workload =
        Workload.of(chosen, collection != null ? collection : chosen.collection(), seed);
    Message request = Payloads.request(workload, index);
    if (grpcFrame != null) {
      Files.write(grpcFrame, Payloads.grpcFrame(request));
      spec.commandLine().getOut().println("wrote " + grpcFrame);
    }
    if (json != null) {
      Files.writeString(json, Payloads.json(request), StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("wrote " + json);
    }
    return 0;
  }
}
