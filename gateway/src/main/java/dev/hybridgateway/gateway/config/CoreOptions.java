package dev.hybridgateway.gateway.config;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.OpenTelemetry;

/**
 * What {@link CoreClients#open} needs to open a core client of any transport.
 *
 * @param grpcTarget the Rust core's gRPC target (e.g. {@code 127.0.0.1:50051} or {@code
 *     dns:///hotpath:50051}); used by the gRPC transport only
 * @param openTelemetry the telemetry of the client (trace propagation to the core)
 */
public record CoreOptions(String grpcTarget, OpenTelemetry openTelemetry) {
  /** The Rust core's default listen address (hotpath-server {@code --listen}). */
  public static final String DEFAULT_GRPC_TARGET = "127.0.0.1:50051";

  public CoreOptions {
    requireNonNull(grpcTarget, "grpcTarget");
    requireNonNull(openTelemetry, "openTelemetry");
  }

  /** Defaults: the local Rust core's address, no telemetry. */
  public static CoreOptions defaults() {
    return new CoreOptions(DEFAULT_GRPC_TARGET, OpenTelemetry.noop());
  }

  /** These options with another gRPC target. */
  public CoreOptions withGrpcTarget(String target) {
    return new CoreOptions(target, openTelemetry);
  }

  /** These options with another OpenTelemetry. */
  public CoreOptions withOpenTelemetry(OpenTelemetry telemetry) {
    return new CoreOptions(grpcTarget, telemetry);
  }
}
