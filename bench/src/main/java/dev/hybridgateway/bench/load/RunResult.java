package dev.hybridgateway.bench.load;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.sample.MemoryReport;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one run measured; the JSON report holds a list of these.
 *
 * @param id unique in its report: {@code target:scenario:label}
 * @param errors failures by {@link ErrorCodes} code, sorted by code
 * @param latency from the intended send time to the answer, for every answer (OK or not): the
 *     figure without coordinated omission
 * @param serviceTime from the actual send to the answer: what a closed-loop tool would report;
 *     kept beside {@code latency} to show what the schedule hides or not
 * @param sendLag actual minus intended send time: how far the generator fell behind
 * @param boundary client-observed time minus the core's reported time, for OK answers of targets
 *     that report core time; null otherwise
 * @param memory RSS of the monitored processes, JVM heap and GC totals during the measured part
 */
public record RunResult(
    String id,
    String target,
    RunTag tag,
    RunConfig config,
    String startedAt,
    Counts counts,
    Map<String, Long> errors,
    Overruns deadlineOverruns,
    Throughput throughput,
    LatencySummary latency,
    LatencySummary serviceTime,
    LatencySummary sendLag,
    LatencySummary boundary,
    MemoryReport memory) {

  public RunResult {
    requireNonNull(id, "id");
    requireNonNull(target, "target");
    requireNonNull(tag, "tag");
    requireNonNull(config, "config");
    requireNonNull(counts, "counts");
    errors = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(errors, "errors")));
  }

  /**
   * Request counts of the measured part.
   *
   * @param scheduled requests due in the measured part; {@code sent + saturated}
   * @param answered requests with an answer (OK or error); the rest got none before the drain
   *     timeout ({@code noAnswer})
   * @param failed every request that did not end OK, including saturated and unanswered ones
   */
  public record Counts(
      long scheduled,
      long sent,
      long answered,
      long ok,
      long failed,
      long saturated,
      long noAnswer,
      long warmupSent) {}

  /** Answers that arrived more than {@code toleranceMs} after their deadline. */
  public record Overruns(long count, double toleranceMs, double maxOverrunMs) {}

  /**
   * Rates of the measured part, per second.
   *
   * @param offeredRate the schedule's rate
   * @param sendRate requests actually sent per second between the first and last send
   * @param achievedRate OK answers per second, from the start of the measured schedule to the
   *     last answer
   */
  public record Throughput(
      double offeredRate, double sendRate, double achievedRate, double elapsedSeconds) {}

  /** Share of scheduled requests that did not end OK. */
  public double errorRatio() {
    return counts.scheduled() == 0 ? 0 : (double) counts.failed() / counts.scheduled();
  }
}
