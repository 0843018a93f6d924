package dev.hybridgateway.gateway.http;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a started Netty HTTP server owns — the bound listener, its event loops, the executor its
 * handlers run on and its connections — and the one graceful close order for all of them:
 * stop accepting, let requests in progress finish (up to the drain timeout), then release the
 * threads. The REST adapter and the admin port each wrap one.
 */
public final class HttpListener implements AutoCloseable {
  private final Channel listener;
  private final EventLoopGroup io;
  private final ExecutorService handlers;
  private final HttpConnections connections;
  private final Duration drainTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  public HttpListener(
      Channel listener,
      EventLoopGroup io,
      ExecutorService handlers,
      HttpConnections connections,
      Duration drainTimeout) {
    this.listener = requireNonNull(listener, "listener");
    this.io = requireNonNull(io, "io");
    this.handlers = requireNonNull(handlers, "handlers");
    this.connections = requireNonNull(connections, "connections");
    this.drainTimeout = requireNonNull(drainTimeout, "drainTimeout");
  }

  /** The bound address (the real port when port 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** Graceful close, once; later calls return at once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    listener.close().awaitUninterruptibly();
    connections.drain(drainTimeout);
    handlers.shutdownNow();
    io.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
