package dev.hybridgateway.interop;

import dev.hybridgateway.gateway.core.CoreClient;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs one case against one target and turns what happened into a {@link CaseResult}: an
 * {@link AssertionError} or any exception is FAIL with its message, {@link CaseSkipped} is SKIP.
 */
public final class CaseRunner {
  private final CoreClient oracle;
  private final ScheduledExecutorService timer;
  private final Duration tolerance;

  public CaseRunner(CoreClient oracle, ScheduledExecutorService timer, Duration tolerance) {
    this.oracle = oracle;
    this.timer = timer;
    this.tolerance = tolerance;
  }

  /** Runs {@code testCase} against {@code target}. */
  public CaseResult run(InteropCase testCase, InteropTarget target) {
    long start = System.nanoTime();
    CaseResult.Outcome outcome = CaseResult.Outcome.PASS;
    String reason = "";
    Throwable failure = null;
    try {
      testCase.run(new CaseContext(target, oracle, timer, tolerance));
    } catch (Throwable t) {
      Throwable cause = unwrap(t);
      if (cause instanceof CaseSkipped skipped) {
        outcome = CaseResult.Outcome.SKIP;
        reason = skipped.getMessage();
      } else {
        outcome = CaseResult.Outcome.FAIL;
        failure = cause;
        reason = cause instanceof AssertionError
            ? String.valueOf(cause.getMessage()).strip()
            : cause.toString();
      }
    }
    return new CaseResult(testCase, target, outcome, Duration.ofNanos(System.nanoTime() - start),
        reason, failure);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
