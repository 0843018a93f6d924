package dev.hybridgateway.gateway.core.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.util.concurrent.TimeUnit;

/**
 * Builds a {@link GrpcCoreClient} on either a {@link Channel} the caller owns or a target for
 * which the client creates (and later shuts down) its own channel with {@link
 * CoreChannelBuilder}. The OpenTelemetry instance (no-op unless set) drives the gRPC client
 * instrumentation, which opens a client span and injects the W3C {@code traceparent} of the
 * current OpenTelemetry context into every call.
 */
public final class GrpcCoreClientBuilder {
  private Channel channel;
  private CoreChannelBuilder channelBuilder;
  private OpenTelemetry openTelemetry = OpenTelemetry.noop();

  GrpcCoreClientBuilder() {}

  /** Calls go over {@code channel}; closing the client leaves it open. */
  public GrpcCoreClientBuilder channel(Channel channel) {
    this.channel = requireNonNull(channel, "channel");
    this.channelBuilder = null;
    return this;
  }

  /** Calls go over a channel built for {@code target}; closing the client shuts it down. */
  public GrpcCoreClientBuilder target(String target) {
    return target(CoreChannelBuilder.forTarget(target));
  }

  /** Calls go over a channel built by {@code builder}; closing the client shuts it down. */
  public GrpcCoreClientBuilder target(CoreChannelBuilder builder) {
    this.channelBuilder = requireNonNull(builder, "builder");
    this.channel = null;
    return this;
  }

  /** The OpenTelemetry whose propagators and tracer instrument the calls. */
  public GrpcCoreClientBuilder openTelemetry(OpenTelemetry openTelemetry) {
    this.openTelemetry = requireNonNull(openTelemetry, "openTelemetry");
    return this;
  }

  /** The client; throws IllegalStateException when neither a channel nor a target was set. */
  public GrpcCoreClient build() {
    if (channel == null && channelBuilder == null) {
      throw new IllegalStateException("set a channel or a target for the gRPC core client");
    }
    ManagedChannel owned = channelBuilder == null ? null : channelBuilder.build();
    Channel base = owned == null ? channel : owned;
    Channel traced =
        ClientInterceptors.intercept(
            base, GrpcTelemetry.create(openTelemetry).newClientInterceptor());
    return new GrpcCoreClient(traced, owned == null ? () -> {} : () -> shutdown(owned));
  }

  private static void shutdown(ManagedChannel channel) {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
