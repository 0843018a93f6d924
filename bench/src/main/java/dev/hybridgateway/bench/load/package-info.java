/**
 * The open-loop load generator: requests leave at the intended times {@code t0 + i / rate}
 * whatever the target does, and every latency is measured from that intended time into an
 * HdrHistogram, so a stalled target shows up in the tail instead of being hidden by a client
 * that waited for it (coordinated omission).
 *
 * <p>{@link dev.hybridgateway.bench.load.LoadTarget} is the one seam every target implements;
 * {@link dev.hybridgateway.bench.load.OpenLoopRunner} runs one constant rate;
 * {@link dev.hybridgateway.bench.load.StepRamp} finds the maximum sustainable rate and runs at
 * fractions of it.
 */
package dev.hybridgateway.bench.load;
