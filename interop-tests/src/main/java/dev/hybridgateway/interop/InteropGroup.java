package dev.hybridgateway.interop;

/** The groups of the catalogue, each with the property of the boundary it proves. */
public enum InteropGroup {
  RESULTS("the same request gives the same ids and bit-identical scores on every transport"),
  ERRORS("the same bad request gives the same code and the same decoded details everywhere"),
  DEADLINES("a deadline stops the core's work and no answer arrives late"),
  CANCELLATION("a caller's cancellation stops the core's work within a bound"),
  ROBUSTNESS("bad bytes, panics and concurrency never break either process"),
  OFFICIAL("grpc-java's official interop client passes against the Rust server (official/)");

  private final String proves;

  InteropGroup(String proves) {
    this.proves = proves;
  }

  /** What passing every case of the group proves. */
  public String proves() {
    return proves;
  }
}
