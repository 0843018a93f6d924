package dev.hybridgateway.gateway.core.engine;

/**
 * SplitMix64 (Steele, Lea, Flood 2014), the PRNG of the synthetic data generator, transcribed from
 * hotpath-core's {@code prng.rs}. Integer operations and exact float conversions only, so Java and
 * Rust produce the same sequence: Rust's wrapping {@code u64} arithmetic is Java's {@code long}
 * arithmetic, and Rust's {@code >>} on {@code u64} is Java's {@code >>>}.
 */
final class SplitMix64 {
  private static final float TWO_TO_MINUS_24 = 1.0f / 16_777_216.0f;

  private long state;

  /** A generator whose first output is derived from {@code seed}. */
  SplitMix64(long seed) {
    this.state = seed;
  }

  /** The next 64-bit output. */
  long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A float in {@code [0, 1)}: the top 24 bits of the next output times 2^-24 (exact). */
  float unit() {
    return (float) (nextLong() >>> 40) * TWO_TO_MINUS_24;
  }

  /** A float in {@code [-1, 1)}: {@code unit() * 2 - 1} (exact). */
  float sym() {
    return unit() * 2.0f - 1.0f;
  }
}
