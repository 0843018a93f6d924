package dev.hybridgateway.interop;

/** The groups of the catalogue, each with the property of the boundary it proves. */
public enum InteropGroup {
  RESULTS("the same request gives the same ids and bit-identical scores on every transport"),
  ERRORS("the same bad request gives the same code and the same decoded details everywhere"),
  DEADLINES("a deadline stops the core's work and no answer arrives late"),
  CANCELLATION("a caller's cancellation stops the core's work within a bound"),
  ROBUSTNESS("bad bytes, panics, concurrency and long runs never break or grow either process"),
  TRACE("one trace id from the caller through the edge's spans into the Rust core's"),
  OFFICIAL("grpc-java's official interop client passes against every target serving"
      + " grpc.testing.TestService");

  private final String proves;

  InteropGroup(String proves) {
    this.proves = proves;
  }

  /** What passing every case of the group proves. */
  public String proves() {
    return proves;
  }
}
