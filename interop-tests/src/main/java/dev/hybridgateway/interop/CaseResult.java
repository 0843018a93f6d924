package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The outcome of one case on one target.
 *
 * @param reason why it failed or was skipped; empty when it passed
 */
public record CaseResult(
    InteropCase testCase, InteropTarget target, Outcome outcome, Duration time, String reason,
    Throwable failure) {

  /** PASS, FAIL or SKIP. */
  public enum Outcome { PASS, FAIL, SKIP }

  public CaseResult {
    requireNonNull(testCase, "testCase");
    requireNonNull(target, "target");
    requireNonNull(outcome, "outcome");
    requireNonNull(time, "time");
    requireNonNull(reason, "reason");
  }
}
