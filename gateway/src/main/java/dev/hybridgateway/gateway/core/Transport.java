package dev.hybridgateway.gateway.core;

import java.util.Locale;

/** How a {@link CoreClient} reaches the engine. The names appear in config, metrics and headers. */
public enum Transport {
  /** The pure-Java reference engine, in the gateway's heap. */
  JAVA,
  /** The Rust core in-process, through Panama FFM and the C ABI of hotpath-ffi. */
  FFI,
  /** The Rust core in another process, over gRPC (hotpath-server). */
  GRPC;

  /** The lower-case name used in configuration, metrics labels and the override header. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()} (case-insensitive); throws IllegalArgumentException naming the choices. */
  public static Transport of(String id) {
    for (Transport transport : values()) {
      if (transport.id().equalsIgnoreCase(id)) {
        return transport;
      }
    }
    throw new IllegalArgumentException("unknown transport '" + id + "': expected java, ffi or grpc");
  }
}
