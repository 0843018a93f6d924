package dev.hybridgateway.bench.report;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.load.RampResult;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.sample.MachineInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * One report: the machine, the command that produced it, every run and every ramp. The JSON file
 * is this record; the HTML page renders it.
 *
 * @param schema {@link #SCHEMA}; bumped when a field changes meaning
 * @param command the arguments of the command that produced the report
 * @param memory P6 probes (RSS, heap after GC with a resident collection); empty for load runs
 */
public record BenchReport(
    String schema,
    String createdAt,
    List<String> command,
    MachineInfo machine,
    List<RunResult> runs,
    List<RampResult> ramps,
    List<MemoryProbe> memory) {

  /** The schema id of this version of the report. */
  public static final String SCHEMA = "hybrid-gateway/bench-load/v1";

  public BenchReport {
    requireNonNull(schema, "schema");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(machine, "machine");
    command = List.copyOf(requireNonNull(command, "command"));
    runs = List.copyOf(requireNonNull(runs, "runs"));
    ramps = List.copyOf(requireNonNull(ramps, "ramps"));
    memory = memory == null ? List.of() : List.copyOf(memory); // absent in older reports
  }

  /** A report of {@code runs} and {@code ramps} measured now on {@code machine}. */
  public static BenchReport of(
      List<String> command, MachineInfo machine, List<RunResult> runs, List<RampResult> ramps) {
    return new BenchReport(
        SCHEMA, java.time.Instant.now().toString(), command, machine, runs, ramps, List.of());
  }

  /** A report of P6 memory probes alone (the {@code memory} command's). */
  public static BenchReport ofMemory(
      List<String> command, MachineInfo machine, List<MemoryProbe> memory) {
    return new BenchReport(SCHEMA, java.time.Instant.now().toString(), command, machine,
        List.of(), List.of(), memory);
  }

  /** P4, derived from the runs and ramps. */
  public EdgeFigures edge() {
    return EdgeFigures.of(runs, ramps);
  }

  /** P6, derived from the memory probes. */
  public MemoryFigures memoryFigures() {
    return MemoryFigures.of(memory);
  }

  /** The same report, credited to {@code newCommand} (e.g. the command that merged it). */
  public BenchReport withCommand(List<String> newCommand) {
    return new BenchReport(schema, createdAt, newCommand, machine, runs, ramps, memory);
  }

  /**
   * This report and {@code other} in one (runs, ramps and memory probes appended; this machine
   * and command).
   */
  public BenchReport merge(BenchReport other) {
    List<RunResult> allRuns = new ArrayList<>(runs);
    allRuns.addAll(other.runs());
    List<RampResult> allRamps = new ArrayList<>(ramps);
    allRamps.addAll(other.ramps());
    List<MemoryProbe> allMemory = new ArrayList<>(memory);
    allMemory.addAll(other.memory());
    return new BenchReport(schema, createdAt, command, machine, allRuns, allRamps, allMemory);
  }
}
