package dev.hybridgateway.bench.scenario;

/**
 * The SplitMix64 generator (Steele, Lea, Flood 2014), the PRNG the project's synthetic data uses:
 * tiny, fast and specified bit for bit, so a seed names the same queries in any language.
 */
final class SplitMix64 {
  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [-1, 1) with 24 bits of precision. */
  float nextSignedUnit() {
    return (nextLong() >>> 40) * 0x1p-23f - 1f;
  }
}
