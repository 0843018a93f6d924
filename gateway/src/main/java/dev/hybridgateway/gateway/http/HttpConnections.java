package dev.hybridgateway.gateway.http;

import static java.util.Objects.requireNonNull;


import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server's open connections (the REST adapter's, the admin port's), for a graceful
 * close: idle ones are closed at once, one
 * with a request in progress gets its response first (sent with {@code Connection: close}, after
 * which the handler closes it), and whatever is still open when the drain timeout passes is
 * closed anyway.
 */
public final class HttpConnections {
  private static final AttributeKey<AtomicInteger> IN_PROGRESS =
      AttributeKey.valueOf("http-requests-in-progress");

  private final ChannelGroup open;
  private volatile boolean draining;

  /** Connections of the server called {@code name} (for Netty's diagnostics). */
  public HttpConnections(String name) {
    open = new DefaultChannelGroup(requireNonNull(name, "name"), GlobalEventExecutor.INSTANCE);
  }

  /** Tracks {@code channel}; closes it at once when the server is already draining. */
  public void add(Channel channel) {
    open.add(channel);
    if (draining) {
      channel.close();
    }
  }

  /** A request arrived on {@code channel}. */
  public void started(Channel channel) {
    inProgress(channel).incrementAndGet();
  }

  /**
   * A response on {@code channel} was written (or failed). While draining, a connection whose
   * last request is done is closed here: its response may have been sent before the drain
   * began, without {@code Connection: close}.
   */
  public void finished(Channel channel) {
    if (inProgress(channel).decrementAndGet() <= 0 && draining) {
      channel.close();
    }
  }

  /** Whether {@code channel} has a request in progress. */
  public boolean busy(Channel channel) {
    return inProgress(channel).get() > 0;
  }

  /** Whether responses should close their connection (the server is closing). */
  public boolean draining() {
    return draining;
  }

  /** Closes every connection, letting requests in progress finish within {@code timeout}. */
  public void drain(Duration timeout) {
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
