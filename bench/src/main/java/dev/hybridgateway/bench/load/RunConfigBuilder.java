package dev.hybridgateway.bench.load;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Builds a {@link RunConfig}; unset fields take the CLI's defaults. */
public final class RunConfigBuilder {
  private double rate = 100;
  private Duration warmup = Duration.ofSeconds(5);
  private Duration duration = Duration.ofSeconds(20);
  private long maxRequests = 10_000_000;
  private int maxInFlight = 1_000;
  private Duration deadline = Duration.ofSeconds(1);
  private Duration overrunTolerance = Duration.ofMillis(5);
  private Duration drainTimeout = Duration.ofSeconds(5);

  RunConfigBuilder() {}

  public RunConfigBuilder rate(double value) {
    this.rate = value;
    return this;
  }

  public RunConfigBuilder warmup(Duration value) {
    this.warmup = requireNonNull(value, "value");
    return this;
  }

  public RunConfigBuilder duration(Duration value) {
    this.duration = requireNonNull(value, "value");
    return this;
  }

  public RunConfigBuilder maxRequests(long value) {
    this.maxRequests = value;
    return this;
  }

  public RunConfigBuilder maxInFlight(int value) {
    this.maxInFlight = value;
    return this;
  }

  public RunConfigBuilder deadline(Duration value) {
    this.deadline = requireNonNull(value, "value");
    return this;
  }

  public RunConfigBuilder overrunTolerance(Duration value) {
    this.overrunTolerance = requireNonNull(value, "value");
    return this;
  }

  public RunConfigBuilder drainTimeout(Duration value) {
    this.drainTimeout = requireNonNull(value, "value");
    return this;
  }

  public RunConfig build() {
    return new RunConfig(
        rate, warmup, duration, maxRequests, maxInFlight, deadline, overrunTolerance,
        drainTimeout);
  }
}
