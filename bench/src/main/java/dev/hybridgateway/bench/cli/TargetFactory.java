package dev.hybridgateway.bench.cli;

import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.bench.scenario.Workload;

/**
 * Opens one kind of target for the command: creates its connections or clients, prepares what
 * the scenario needs (a resident collection), checks that the target answers, and registers
 * everything it opened with the {@link Closer}. One implementation per transport.
 */
public interface TargetFactory {

  /** Opens the target named {@code name}; fails with a clear message if it cannot be reached. */
  LoadTarget open(
      String name, TargetOptions options, Scenario scenario, Workload workload, Closer closer);
}
