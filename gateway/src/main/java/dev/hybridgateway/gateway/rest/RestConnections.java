package dev.hybridgateway.gateway.rest;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST server's open connections, for a graceful close: idle ones are closed at once, one
 * with a request in progress gets its response first (sent with {@code Connection: close}, after
 * which the handler closes it), and whatever is still open when the drain timeout passes is
 * closed anyway.
 */
final class RestConnections {
  private static final AttributeKey<AtomicInteger> IN_PROGRESS =
      AttributeKey.valueOf("rest-requests-in-progress");

  private final ChannelGroup open = new DefaultChannelGroup("rest", GlobalEventExecutor.INSTANCE);
  private volatile boolean draining;

  void add(Channel channel) {
    open.add(channel);
    if (draining) {
      channel.close();
    }
  }

  /** A request arrived on {@code channel}. */
  void started(Channel channel) {
    inProgress(channel).incrementAndGet();
  }

  /**
   * A response on {@code channel} was written (or failed). While draining, a connection whose
   * last request is done is closed here: its response may have been sent before the drain
   * began, without {@code Connection: close}.
   */
  void finished(Channel channel) {
    if (inProgress(channel).decrementAndGet() <= 0 && draining) {
      channel.close();
    }
  }

  /** Whether {@code channel} has a request in progress. */
  boolean busy(Channel channel) {
    return inProgress(channel).get() > 0;
  }

  /** Whether responses should close their connection (the server is closing). */
  boolean draining() {
    return draining;
  }

  /** Closes every connection, letting requests in progress finish within {@code timeout}. */
  void drain(Duration timeout) {
    draining = true;
    for (Channel channel : open) {
      if (!busy(channel)) {
        channel.close();
      }
    }
    if (!open.newCloseFuture().awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      open.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    }
  }

  private static AtomicInteger inProgress(Channel channel) {
    AtomicInteger fresh = new AtomicInteger();
    AtomicInteger count = channel.attr(IN_PROGRESS).setIfAbsent(fresh);
    return count == null ? fresh : count;
  }
}
