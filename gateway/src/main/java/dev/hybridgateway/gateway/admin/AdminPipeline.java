package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.http.HttpConnections;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The handlers of one admin connection, with the protocol limits in one place: idle timeout,
 * request line and header size (HTTP/1.1 codec), body size (the admin endpoints take none, so it
 * is small), then {@link AdminHandler}, which hands each request to the blocking-capable
 * handler executor.
 */
final class AdminPipeline extends ChannelInitializer<SocketChannel> {
  /** Largest request body accepted; admin requests have none. */
  static final int MAX_BODY_BYTES = 8 << 10;

  private final AdminLimits limits;
  private final AdminRoutes routes;
  private final HttpConnections connections;
  private final Executor handlerThreads;

  AdminPipeline(
      AdminLimits limits,
      AdminRoutes routes,
      HttpConnections connections,
      Executor handlerThreads) {
    this.limits = requireNonNull(limits, "limits");
    this.routes = requireNonNull(routes, "routes");
    this.connections = requireNonNull(connections, "connections");
    this.handlerThreads = requireNonNull(handlerThreads, "handlerThreads");
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    connections.add(channel);
    HttpDecoderConfig decoder =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(limits.maxRequestLineBytes())
            .setMaxHeaderSize(limits.maxHeaderBytes());
    channel
        .pipeline()
        .addLast(new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .addLast(new HttpServerCodec(decoder))
        .addLast(new HttpObjectAggregator(MAX_BODY_BYTES))
        .addLast(new AdminHandler(routes, connections, handlerThreads));
  }
}
