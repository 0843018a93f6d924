package dev.hybridgateway.interop;

import java.util.Locale;

/** The ways the suite reaches an engine: a core client per transport, or the gateway's gRPC API. */
public enum TargetKind {
  /** The pure-Java reference engine in this JVM. */
  JAVA,
  /** The Rust core in this JVM through Panama FFM. */
  FFI,
  /** The Rust core over gRPC (hotpath-server). */
  GRPC,
  /** The gateway's public gRPC API (hybrid.gateway.v1) in front of a core. */
  GATEWAY;

  /** The lower-case name shown in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
