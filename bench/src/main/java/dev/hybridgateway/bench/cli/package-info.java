/**
 * The plumbing of the {@link dev.hybridgateway.bench.LoadGenerator} command: argument types
 * (durations, addresses with the loopback-only policy), the registry of targets by name
 * ({@link dev.hybridgateway.bench.cli.Targets}; adding a transport is one entry and one
 * {@link dev.hybridgateway.bench.cli.TargetFactory}; the gateway targets' preflight checks that a
 * transport pin is honoured), the ramp's options and the console summary.
 */
package dev.hybridgateway.bench.cli;
