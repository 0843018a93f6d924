package dev.hybridgateway.bench.targets;

import dev.hybridgateway.gateway.v1.Transport;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The core transport a gateway call is pinned to with the {@code x-hybrid-transport} header. The
 * gateway honours the header only for a token with the admin scope and ignores it otherwise, so
 * targets check the transport the answer reports ({@code CoreCall.transport}) before a run.
 */
public enum TransportPin {
  JAVA(Transport.TRANSPORT_JAVA),
  FFI(Transport.TRANSPORT_FFI),
  GRPC(Transport.TRANSPORT_GRPC);

  /** The request header (gRPC metadata and HTTP) that carries the pin. */
  public static final String HEADER = "x-hybrid-transport";

  private final Transport transport;

  TransportPin(Transport transport) {
    this.transport = transport;
  }

  /** Parses {@code java}, {@code ffi} or {@code grpc}; the error lists the choices. */
  public static TransportPin of(String value) {
    for (TransportPin pin : values()) {
      if (pin.id().equals(value)) {
        return pin;
      }
    }
    throw new IllegalArgumentException(
        "unknown transport '" + value + "': expected one of "
            + Arrays.stream(values()).map(TransportPin::id).collect(Collectors.joining(", ")));
  }

  /** The header value, e.g. {@code ffi}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The transport the gateway reports for a call that reached this pin. */
  public Transport transport() {
    return transport;
  }
}
