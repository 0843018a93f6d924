package dev.hybridgateway.bench.cli;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The plaintext HTTP/2 channels of the gRPC targets, one connection each, registered with the
 * {@link Closer}. Channels use a direct executor: the generator's callbacks only record figures,
 * so hopping to another thread pool would only add latency to every measurement.
 */
final class Channels {
  private static final int MAX_MESSAGE_BYTES = 64 << 20;

  private Channels() {}

  static List<ManagedChannel> open(String host, int port, int count, Closer closer) {
    List<ManagedChannel> channels = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress(host, port)
              .usePlaintext()
              .directExecutor()
              .maxInboundMessageSize(MAX_MESSAGE_BYTES)
              .build();
      closer.register(() -> shutdown(channel));
      channels.add(channel);
    }
    return channels;
  }

  private static void shutdown(ManagedChannel channel) throws InterruptedException {
    channel.shutdown();
    if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
      channel.shutdownNow();
    }
  }
}
