package dev.hybridgateway.bench.load;

import dev.hybridgateway.bench.sample.MemoryReport;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Collects the measured part of one run. Every method is synchronized: answers arrive on the
 * target's threads, sends on the scheduler's, and one uncontended monitor per answer costs far
 * less than the figures it guards; it also makes the final snapshot exact.
 */
final class RunRecorder {
  private static final long LOWEST_NANOS = 1_000;
  private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);
  private static final int SIGNIFICANT_DIGITS = 3;

  private final long deadlineNanos;
  private final long toleranceNanos;
  private final Histogram latency = histogram();
  private final Histogram serviceTime = histogram();
  private final Histogram sendLag = histogram();
  private final Histogram boundary = histogram();
  private final Map<String, Long> errors = new TreeMap<>();
  private long sent;
  private long answered;
  private long ok;
  private long saturated;
  private long warmupSent;
  private long overruns;
  private long maxOverrunNanos;
  private long firstSend = Long.MAX_VALUE;
  private long lastSend = Long.MIN_VALUE;
  private long lastAnswer = Long.MIN_VALUE;
  private boolean closed;

  RunRecorder(RunConfig config) {
    this.deadlineNanos = config.deadline().toNanos();
    this.toleranceNanos = config.overrunTolerance().toNanos();
  }

  synchronized void warmupSent() {
    warmupSent++;
  }

  synchronized void saturated() {
    saturated++;
    errors.merge(ErrorCodes.CLIENT_SATURATED, 1L, Long::sum);
  }

  synchronized void sent(long intended, long sentAt) {
    sent++;
    firstSend = Math.min(firstSend, sentAt);
    lastSend = Math.max(lastSend, sentAt);
    sendLag.recordValue(clamp(sentAt - intended));
  }

  /** One answer of a measured request; {@code reply} is null when {@code failure} is not. */
  synchronized void answered(long intended, long sentAt, long done, Reply reply, Throwable failure) {
    if (closed) {
      return;
    }
    answered++;
    lastAnswer = Math.max(lastAnswer, done);
    latency.recordValue(clamp(done - intended));
    serviceTime.recordValue(clamp(done - sentAt));
    String code = failure != null ? ErrorCodes.of(failure) : reply.code();
    if (Reply.OK.equals(code)) {
      ok++;
      if (reply.coreNanos() >= 0) {
        boundary.recordValue(clamp(done - sentAt - reply.coreNanos()));
      }
    } else {
      errors.merge(code, 1L, Long::sum);
    }
    long over = done - (sentAt + deadlineNanos);
    if (over > 0) {
      maxOverrunNanos = Math.max(maxOverrunNanos, over);
      if (over > toleranceNanos) {
        overruns++;
      }
    }
  }

  /** Freezes the figures (later answers are ignored) and builds the result. */
  synchronized RunResult result(
      String target, RunTag tag, RunConfig config, String startedAt, long measureStart,
      MemoryReport memory) {
    closed = true;
    long scheduled = sent + saturated;
    long noAnswer = sent - answered;
    Map<String, Long> allErrors = new TreeMap<>(errors);
    if (noAnswer > 0) {
      allErrors.put(ErrorCodes.CLIENT_NO_ANSWER, noAnswer);
    }
    long failed = scheduled - ok;
    double elapsed = lastAnswer == Long.MIN_VALUE ? 0 : (lastAnswer - measureStart) / 1e9;
    double sendSpan = (lastSend - firstSend) / 1e9;
    var throughput =
        new RunResult.Throughput(
            config.rate(),
            sent >= 2 && sendSpan > 0 ? (sent - 1) / sendSpan : 0,
            elapsed > 0 ? ok / elapsed : 0,
            elapsed);
    var counts =
        new RunResult.Counts(
            scheduled, sent, answered, ok, failed, saturated, noAnswer, warmupSent);
    var overrunFigures =
        new RunResult.Overruns(overruns, toleranceNanos / 1e6, maxOverrunNanos / 1e6);
    return new RunResult(
        target + ":" + tag.scenario() + ":" + tag.label(),
        target,
        tag,
        config,
        startedAt,
        counts,
        allErrors,
        overrunFigures,
        throughput,
        LatencySummary.of(latency),
        LatencySummary.of(serviceTime),
        LatencySummary.of(sendLag),
        LatencySummary.of(boundary),
        memory);
  }

  private static Histogram histogram() {
    return new Histogram(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
  }

  private static long clamp(long nanos) {
    return Math.min(Math.max(nanos, LOWEST_NANOS), HIGHEST_NANOS);
  }
}
