package dev.hybridgateway.gateway.core.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Creates the plaintext {@link ManagedChannel} to a Rust core ({@code hotpath-server}) with
 * settings that match the server's defaults. Whoever builds the channel owns it and shuts it
 * down; {@link GrpcCoreClient} itself only takes a {@link io.grpc.Channel}.
 *
 * <pre>{@code
 * ManagedChannel channel = CoreChannelBuilder.forTarget("dns:///hotpath:50051").build();
 * }</pre>
 *
 * <p>The target is any grpc-java target: {@code host:port}, {@code dns:///host:port} (every
 * address the name resolves to becomes a subchannel and calls are spread over them round-robin,
 * so one name can front several identical cores), or {@code unix:///path}.
 */
public final class CoreChannelBuilder {
  /** The server's {@code --max-message-size} default: 64 MiB holds a Rerank of ~43,000 × 384. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;

  /** HTTP/2 PING interval; the server pings at the same rate and enforces no minimum. */
  public static final Duration DEFAULT_KEEPALIVE_TIME = Duration.ofSeconds(30);

  /** An unanswered PING closes the connection after this long (as the server does). */
  public static final Duration DEFAULT_KEEPALIVE_TIMEOUT = Duration.ofSeconds(10);

  /** The load-balancing policy: spread calls over every address the target resolves to. */
  public static final String LOAD_BALANCING_POLICY = "round_robin";

  private final String target;
  private int maxInboundMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
  private Duration keepAliveTime = DEFAULT_KEEPALIVE_TIME;
  private Duration keepAliveTimeout = DEFAULT_KEEPALIVE_TIMEOUT;

  private CoreChannelBuilder(String target) {
    this.target = requireNonNull(target, "target");
    if (target.isBlank()) {
      throw new IllegalArgumentException("the core target is empty: expected e.g. 127.0.0.1:50051");
    }
  }

  /** A builder for {@code target}, e.g. {@code 127.0.0.1:50051} or {@code dns:///core:50051}. */
  public static CoreChannelBuilder forTarget(String target) {
    return new CoreChannelBuilder(target);
  }

  /** Largest response accepted; match the server's {@code --max-message-size}. */
  public CoreChannelBuilder maxInboundMessageBytes(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxInboundMessageBytes must be > 0, got " + bytes);
    }
    this.maxInboundMessageBytes = bytes;
    return this;
  }

  /** PING interval and timeout on the connection. */
  public CoreChannelBuilder keepAlive(Duration time, Duration timeout) {
    this.keepAliveTime = requireNonNull(time, "time");
    this.keepAliveTimeout = requireNonNull(timeout, "timeout");
    return this;
  }

  /** The target this builder connects to. */
  public String target() {
    return target;
  }

  /** A new channel; the caller shuts it down. */
  public ManagedChannel build() {
    return NettyChannelBuilder.forTarget(target)
        .usePlaintext()
        .defaultLoadBalancingPolicy(LOAD_BALANCING_POLICY)
        .maxInboundMessageSize(maxInboundMessageBytes)
        .keepAliveTime(keepAliveTime.toNanos(), TimeUnit.NANOSECONDS)
        .keepAliveTimeout(keepAliveTimeout.toNanos(), TimeUnit.NANOSECONDS)
        .build();
  }
}
