package dev.hybridgateway.bench.load;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * What a run was for, as reports group it: its scenario, a human label and its kind
 * ({@code fixed} for a plain run, {@code ramp-step} for a step of the search for the maximum
 * rate, {@code level} for a run at a fraction of that maximum).
 */
public record RunTag(String scenario, String label, String kind) {
  public static final String FIXED = "fixed";
  public static final String RAMP_STEP = "ramp-step";
  public static final String LEVEL = "level";

  public RunTag {
    requireNonNull(scenario, "scenario");
    requireNonNull(label, "label");
    requireNonNull(kind, "kind");
  }

  /** A plain run at a fixed rate. */
  public static RunTag fixed(String scenario, double rate) {
    return new RunTag(scenario, rateLabel(rate), FIXED);
  }

  /** One step of a ramp. */
  public static RunTag rampStep(String scenario, double rate) {
    return new RunTag(scenario, "ramp " + rateLabel(rate), RAMP_STEP);
  }

  /** A run at {@code fraction} of the maximum sustainable rate. */
  public static RunTag level(String scenario, double fraction, double rate) {
    return new RunTag(
        scenario, Math.round(fraction * 100) + "% max (" + rateLabel(rate) + ")", LEVEL);
  }

  /** {@code 500/s}, or {@code 12.5/s} for fractional rates. */
  public static String rateLabel(double rate) {
    return rate == Math.rint(rate)
        ? String.format(Locale.ROOT, "%d/s", (long) rate)
        : String.format(Locale.ROOT, "%.1f/s", rate);
  }
}
