package dev.hybridgateway.gateway.admin;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admin server's open connections, for a graceful close: idle ones are closed at once, one
 * with a request in progress gets its response first (sent with {@code Connection: close}), and
 * whatever is still open when the drain timeout passes is closed anyway.
 */
final class Connections {
  private static final AttributeKey<AtomicInteger> IN_PROGRESS =
      AttributeKey.valueOf("admin-requests-in-progress");

  private final ChannelGroup open = new DefaultChannelGroup("admin", GlobalEventExecutor.INSTANCE);
  private volatile boolean draining;

  void add(Channel channel) {
    open.add(channel);
  }

  /** A request arrived on {@code channel}. */
  void started(Channel channel) {
    inProgress(channel).incrementAndGet();
  }

  /** A response on {@code channel} was written (or failed). */
  void finished(Channel channel) {
    inProgress(channel).decrementAndGet();
  }

  /** Whether responses should close their connection (the server is closing). */
  boolean draining() {
    return draining;
  }

  /** Closes every connection, letting requests in progress finish within {@code timeout}. */
  void drain(Duration timeout) {
    draining = true;
    for (Channel channel : open) {
      if (inProgress(channel).get() <= 0) {
        channel.close();
      }
    }
    if (!open.newCloseFuture().awaitUninterruptibly(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      open.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    }
  }

  private static AtomicInteger inProgress(Channel channel) {
    AtomicInteger count = channel.attr(IN_PROGRESS).get();
    if (count == null) {
      AtomicInteger fresh = new AtomicInteger();
      count = channel.attr(IN_PROGRESS).setIfAbsent(fresh);
      if (count == null) {
        count = fresh;
      }
    }
    return count;
  }
}
