package dev.hybridgateway.interop;

import java.util.Locale;

/** The ways the suite reaches an engine: a core client per transport, or the gateway's APIs. */
public enum TargetKind {
  /** The pure-Java reference engine in this JVM. */
  JAVA,
  /** The Rust core in this JVM through Panama FFM. */
  FFI,
  /** The Rust core over gRPC (hotpath-server). */
  GRPC,
  /** The gateway's public gRPC API (hybrid.gateway.v1) in front of a core. */
  GATEWAY,
  /** The gateway's REST/JSON API (the google.api.http routes of hybrid.gateway.v1). */
  REST;

  /** The lower-case name shown in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this is the gateway's public surface (gRPC or REST) rather than a core client: the
   * edge validates first and words its own errors, and keeps an edge reserve of every deadline.
   */
  public boolean edge() {
    return this == GATEWAY || this == REST;
  }
}
