package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.http.HttpConnections;
import dev.hybridgateway.gateway.http.HttpFront;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.util.concurrent.Executor;

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
    HttpFront.install(channel.pipeline(), limits.maxRequestLineBytes(), limits.maxHeaderBytes(),
            limits.idleTimeout())
        .addLast(new HttpObjectAggregator(MAX_BODY_BYTES))
        .addLast(new AdminHandler(routes, connections, handlerThreads));
  }
}
